package dev.onramp.testing;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A listener on 127.0.0.1 in front of the app's loopback receiver that records each request's line
 * and headers exactly as the browser sent them, then passes the request on (its Host made the
 * receiver's) and the receiver's answer back, or answers the first few with 204 No Content, which
 * leaves the browser on the page it was on.
 */
public final class RecordingLoopbackProxy implements AutoCloseable {
    /** One request as it arrived: method, target (path and query) and headers, names in lower case. */
    public record Recorded(String method, String target, Map<String, String> headers) {
        /** The value of a header, or null when the browser did not send it. */
        public String header(String name) {
            return headers.get(name.toLowerCase(Locale.ROOT));
        }

        /** The target without its query. */
        public String path() {
            int question = target.indexOf('?');
            return question < 0 ? target : target.substring(0, question);
        }
    }

    private static final int MAX_HEAD = 16 * 1024;
    private static final int READ_TIMEOUT_MILLIS = 10_000;

    private final ServerSocket listener;
    private final InetSocketAddress receiver;
    private final AtomicInteger noContentLeft;
    private final String onlyPath;
    private final List<Recorded> requests = new CopyOnWriteArrayList<>();
    private final Set<Socket> open = ConcurrentHashMap.newKeySet();

    private RecordingLoopbackProxy(ServerSocket listener, InetSocketAddress receiver, int noContent, String onlyPath) {
        this.listener = listener;
        this.receiver = receiver;
        this.noContentLeft = new AtomicInteger(noContent);
        this.onlyPath = onlyPath;
    }

    /**
     * Listens on 127.0.0.1 on a free port for the receiver at {@code receiver}; the first
     * {@code noContentAnswers} requests for {@code path} are answered 204 instead of passed on.
     */
    public static RecordingLoopbackProxy inFrontOf(InetSocketAddress receiver, String path, int noContentAnswers) {
        try {
            ServerSocket listener = new ServerSocket(0, 16, InetAddress.getByAddress(new byte[] {127, 0, 0, 1}));
            RecordingLoopbackProxy proxy = new RecordingLoopbackProxy(listener, receiver, noContentAnswers, path);
            Thread.ofVirtual().name("recording-loopback-proxy").start(proxy::acceptLoop);
            return proxy;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The port the browser is sent to instead of the receiver's. */
    public int port() {
        return listener.getLocalPort();
    }

    /** Every request so far, oldest first. */
    public List<Recorded> requests() {
        return List.copyOf(requests);
    }

    /** The requests for this path so far, oldest first. */
    public List<Recorded> requestsFor(String path) {
        return requests.stream().filter(request -> request.path().equals(path)).toList();
    }

    /** Waits until {@code count} requests for {@code path} have arrived and returns them. */
    public List<Recorded> awaitRequestsFor(String path, int count, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            List<Recorded> found = requestsFor(path);
            if (found.size() >= count) {
                return found;
            }
            Thread.sleep(20);
        }
        throw new AssertionError(count + " request(s) for " + path + " did not arrive within " + timeout
                + "; all requests: " + requests);
    }

    @Override
    public void close() {
        try {
            listener.close();
        } catch (IOException ignored) {
            // Closing anyway.
        }
        open.forEach(RecordingLoopbackProxy::closeQuietly);
    }

    private void acceptLoop() {
        while (!listener.isClosed()) {
            try {
                Socket browser = listener.accept();
                open.add(browser);
                Thread.ofVirtual().name("recording-loopback-proxy-connection").start(() -> serve(browser));
            } catch (IOException closed) {
                return;
            }
        }
    }

    private void serve(Socket browser) {
        try (browser) {
            browser.setSoTimeout(READ_TIMEOUT_MILLIS);
            String head = readHead(browser.getInputStream());
            if (head == null) {
                return; // A connection opened ahead of time and never used.
            }
            String[] lines = head.split("\r\n");
            String[] requestLine = lines[0].split(" ", 3);
            Map<String, String> headers = new LinkedHashMap<>();
            StringBuilder forwarded = new StringBuilder(lines[0]).append("\r\n");
            for (int i = 1; i < lines.length; i++) {
                int colon = lines[i].indexOf(':');
                String name = lines[i].substring(0, colon).strip().toLowerCase(Locale.ROOT);
                headers.put(name, lines[i].substring(colon + 1).strip());
                forwarded.append(name.equals("host")
                        ? "Host: 127.0.0.1:" + receiver.getPort()
                        : lines[i]).append("\r\n");
            }
            Recorded request = new Recorded(requestLine[0], requestLine[1], Map.copyOf(headers));
            requests.add(request);
            OutputStream toBrowser = browser.getOutputStream();
            if (request.path().equals(onlyPath) && noContentLeft.getAndDecrement() > 0) {
                toBrowser.write("HTTP/1.1 204 No Content\r\nContent-Length: 0\r\nCache-Control: no-store\r\nConnection: close\r\n\r\n"
                        .getBytes(StandardCharsets.ISO_8859_1));
                toBrowser.flush();
                return;
            }
            forwarded.append("\r\n");
            passOn(forwarded.toString(), toBrowser);
        } catch (IOException browserWentAway) {
            // Nothing to record beyond what was.
        } finally {
            open.remove(browser);
        }
    }

    private void passOn(String head, OutputStream toBrowser) throws IOException {
        try (Socket upstream = new Socket()) {
            upstream.connect(receiver, READ_TIMEOUT_MILLIS);
            upstream.setSoTimeout(READ_TIMEOUT_MILLIS);
            upstream.getOutputStream().write(head.getBytes(StandardCharsets.ISO_8859_1));
            upstream.getOutputStream().flush();
            upstream.getInputStream().transferTo(toBrowser);
            toBrowser.flush();
        } catch (IOException receiverClosed) {
            toBrowser.write("HTTP/1.1 502 Bad Gateway\r\nContent-Length: 0\r\nConnection: close\r\n\r\n"
                    .getBytes(StandardCharsets.ISO_8859_1));
            toBrowser.flush();
        }
    }

    /** The request head without its final blank line, or null when the browser sent nothing. */
    private static String readHead(InputStream in) throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        int matched = 0;
        byte[] end = {'\r', '\n', '\r', '\n'};
        while (matched < end.length) {
            int next = in.read();
            if (next < 0) {
                return null;
            }
            if (head.size() == MAX_HEAD) {
                throw new IOException("Request head too large");
            }
            head.write(next);
            matched = next == end[matched] ? matched + 1 : next == '\r' ? 1 : 0;
        }
        String text = head.toString(StandardCharsets.ISO_8859_1);
        return text.substring(0, text.length() - end.length);
    }

    private static void closeQuietly(Socket socket) {
        try {
            socket.close();
        } catch (IOException ignored) {
            // Closing anyway.
        }
    }

    @Override
    public String toString() {
        return "RecordingLoopbackProxy[port=" + port() + ", receiver=" + receiver.getPort() + ", requests="
                + requests + "]";
    }
}
