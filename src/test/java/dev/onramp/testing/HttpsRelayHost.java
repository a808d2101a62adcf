package dev.onramp.testing;

import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;

/**
 * A static https host on 127.0.0.1 for the relay page, as an operator would run one: it serves one
 * file at {@code /onramp/} with a self-signed certificate made by the JDK's keytool.
 */
public final class HttpsRelayHost implements AutoCloseable {
    private final HttpsServer server;
    private final List<URI> requests = new CopyOnWriteArrayList<>();

    private HttpsRelayHost(HttpsServer server) {
        this.server = server;
    }

    /** Serves {@code page} at {@code https://127.0.0.1:<port>/onramp/}; {@code workDir} gets the key store. */
    public static HttpsRelayHost serve(Path page, Path workDir) {
        try {
            byte[] html = Files.readAllBytes(page);
            HttpsServer server = HttpsServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
            server.setHttpsConfigurator(new HttpsConfigurator(sslContext(workDir)));
            // A thread per exchange: with the default executor one connection Chromium opened ahead
            // of time and left idle blocks the server's only thread, and every later request waits.
            server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
            HttpsRelayHost host = new HttpsRelayHost(server);
            server.createContext("/onramp/", exchange -> {
                try (exchange; InputStream in = exchange.getRequestBody()) {
                    in.readAllBytes();
                    host.requests.add(exchange.getRequestURI());
                    boolean page200 = exchange.getRequestURI().getPath().equals("/onramp/");
                    byte[] body = page200 ? html : "Not found".getBytes();
                    exchange.getResponseHeaders().set("Content-Type", page200 ? "text/html; charset=utf-8" : "text/plain");
                    exchange.sendResponseHeaders(page200 ? 200 : 404, body.length);
                    try (OutputStream out = exchange.getResponseBody()) {
                        out.write(body);
                    }
                }
            });
            server.start();
            return host;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** {@code https://127.0.0.1:<port>/onramp/}. */
    public URI relayUrl() {
        return URI.create("https://127.0.0.1:" + server.getAddress().getPort() + "/onramp/");
    }

    /**
     * The same page under another host name, {@code https://<host>:<port>/onramp/}, for a browser
     * told to resolve that name to 127.0.0.1 (Chromium's {@code --host-resolver-rules}); the
     * certificate names 127.0.0.1 only, so that browser must also ignore certificate errors.
     */
    public URI relayUrlNamed(String host) {
        return URI.create("https://" + host + ":" + server.getAddress().getPort() + "/onramp/");
    }

    /** Every address the browser asked for, query included. */
    public List<URI> requests() {
        return List.copyOf(requests);
    }

    @Override
    public void close() {
        server.stop(0);
    }

    private static SSLContext sslContext(Path workDir) throws IOException {
        Path keyStore = workDir.resolve("relay.p12");
        char[] password = UUID.randomUUID().toString().toCharArray();
        Process keytool = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "keytool").toString(),
                "-genkeypair", "-alias", "relay", "-keyalg", "EC", "-groupname", "secp256r1",
                "-dname", "CN=127.0.0.1", "-ext", "SAN=ip:127.0.0.1", "-validity", "2",
                "-storetype", "PKCS12", "-keystore", keyStore.toString(),
                "-storepass", new String(password), "-keypass", new String(password))
                .redirectErrorStream(true).start();
        try {
            String output = new String(keytool.getInputStream().readAllBytes());
            if (!keytool.waitFor(60, TimeUnit.SECONDS) || keytool.exitValue() != 0) {
                throw new IOException("keytool could not make the relay's certificate: " + output);
            }
            KeyStore store = KeyStore.getInstance("PKCS12");
            try (InputStream in = Files.newInputStream(keyStore)) {
                store.load(in, password);
            }
            KeyManagerFactory keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
            keys.init(store, password);
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(keys.getKeyManagers(), null, null);
            return context;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("Interrupted while making the relay's certificate", e);
        } catch (GeneralSecurityException e) {
            throw new IOException("The relay's certificate could not be loaded", e);
        } finally {
            keytool.destroy();
        }
    }
}
