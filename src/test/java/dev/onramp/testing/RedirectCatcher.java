package dev.onramp.testing;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * A minimal redirect target on 127.0.0.1 for tests that do not need the app's loopback receiver:
 * it records the query of the first request to {@code /oauth-success} and answers a small page.
 */
public final class RedirectCatcher implements AutoCloseable {
    private final HttpServer server;
    private final CompletableFuture<Map<String, String>> params = new CompletableFuture<>();

    private RedirectCatcher(HttpServer server) {
        this.server = server;
    }

    public static RedirectCatcher start() {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
            RedirectCatcher catcher = new RedirectCatcher(server);
            server.createContext("/oauth-success", exchange -> {
                try (exchange) {
                    catcher.params.complete(parse(exchange.getRequestURI().getRawQuery()));
                    byte[] page = "<!DOCTYPE html><title>Done</title><p>Onramp got the answer; you can close this tab.</p>"
                            .getBytes(StandardCharsets.UTF_8);
                    exchange.getResponseHeaders().set("Content-Type", "text/html; charset=utf-8");
                    exchange.sendResponseHeaders(200, page.length);
                    try (OutputStream out = exchange.getResponseBody()) {
                        out.write(page);
                    }
                }
            });
            server.start();
            return catcher;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** {@code http://127.0.0.1:<port>/oauth-success}. */
    public URI redirectUri() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/oauth-success");
    }

    /** The decoded query parameters of the first redirect that arrived. */
    public CompletableFuture<Map<String, String>> params() {
        return params;
    }

    @Override
    public void close() {
        server.stop(0);
    }

    private static Map<String, String> parse(String query) {
        Map<String, String> params = new LinkedHashMap<>();
        if (query != null && !query.isEmpty()) {
            for (String pair : query.split("&")) {
                int eq = pair.indexOf('=');
                params.put(decode(eq < 0 ? pair : pair.substring(0, eq)), eq < 0 ? "" : decode(pair.substring(eq + 1)));
            }
        }
        return params;
    }

    private static String decode(String text) {
        return URLDecoder.decode(text, StandardCharsets.UTF_8);
    }
}
