package dev.onramp.oauth;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketOption;
import java.net.SocketTimeoutException;
import java.net.StandardSocketOptions;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A deliberately small HTTP/1.1 server on 127.0.0.1 that reads one bounded request per
 * connection, answers it and closes the connection.
 *
 * <p>It is built on plain sockets because the JDK's {@code HttpServer} waits forever for a request
 * that trickles in byte by byte and takes its limits from JVM-wide system properties. Here every
 * connection has a hard deadline for its whole request head and the head has a size limit. Every
 * connection is accepted, none is turned away for being one too many: at most a fixed number may
 * still be sending their head, and a newcomer beyond that closes the oldest of them, so idle
 * sockets held open by another program cannot keep the browser's callback out, and memory stays
 * bounded.
 */
final class LoopbackHttpServer implements AutoCloseable {
    /**
     * The parts of a request that the handler judges; the query is still percent-encoded. The
     * Accept-Language header only chooses the language of the page that answers.
     */
    record Request(String method, String rawPath, Optional<String> rawQuery, Optional<String> acceptLanguage) {}

    /** One answer, and what to do once it has been sent (whether or not the client read it). */
    record Response(int status, String contentType, byte[] body, Map<String, String> headers, Runnable afterSent) {
        Response {
            headers = Map.copyOf(headers);
        }

        static Response text(int status, String message) {
            return new Response(status, "text/plain; charset=utf-8", message.getBytes(StandardCharsets.UTF_8),
                    Map.of(), () -> {});
        }
    }

    /** Decides the answer to one well-formed request. */
    @FunctionalInterface
    interface Handler {
        Response handle(Request request);
    }

    /**
     * How long a connection may take to deliver its request head (from being accepted), how big
     * that head may be, and how many connections may be waiting for their head at once (a newcomer
     * beyond that closes the oldest of them). As many answered connections may linger at once.
     */
    record Limits(Duration requestTime, int maxHeadBytes, int maxWaitingConnections) {
        static final Limits DEFAULT = new Limits(Duration.ofSeconds(10), 16 * 1024, 32);
    }

    private static final Logger log = LoggerFactory.getLogger(LoopbackHttpServer.class);
    private static final byte[] IPV4_LOOPBACK = {127, 0, 0, 1};
    private static final Pattern METHOD = Pattern.compile("[A-Z]{1,16}");
    private static final Pattern VERSION = Pattern.compile("HTTP/1\\.[01]");
    private static final Pattern TARGET = Pattern.compile("/[\\x21-\\x7e]*");
    private static final Pattern HEADER_NAME = Pattern.compile("[!#$%&'*+.^_`|~0-9A-Za-z-]+");
    /** After answering, how long and how much of a request body is read and thrown away. */
    private static final int LINGER_MILLIS = 500;
    private static final int LINGER_BYTES = 64 * 1024;
    private static final Duration ACCEPTOR_EXIT_WAIT = Duration.ofSeconds(2);
    /** Connections the operating system completes while the accept thread is busy; they cost us nothing. */
    private static final int BACKLOG = 128;
    private static final String CONTENT_SECURITY_POLICY =
            "default-src 'none'; style-src 'unsafe-inline'; frame-ancestors 'none'; form-action 'none'";

    private final ServerSocket listener;
    private final Limits limits;
    private final WaitingConnections waiting;
    private final Semaphore lingerSlots;
    private final int port;
    private volatile Handler handler;
    private volatile Thread acceptor;

    private LoopbackHttpServer(ServerSocket listener, Limits limits) {
        this.listener = listener;
        this.limits = limits;
        this.waiting = new WaitingConnections(limits.maxWaitingConnections());
        this.lingerSlots = new Semaphore(limits.maxWaitingConnections());
        this.port = listener.getLocalPort();
    }

    /**
     * Binds 127.0.0.1 on a port the operating system picks; connections wait in the backlog until
     * {@link #start(Handler)}.
     */
    static LoopbackHttpServer bind(Limits limits) throws IOException {
        return bind(IPV4, 0, limits);
    }

    /** 127.0.0.1 by its bytes: getLoopbackAddress() may answer ::1. */
    static final InetAddress IPV4 = loopback(IPV4_LOOPBACK);
    /** ::1, where a browser may try "localhost" first. */
    static final InetAddress IPV6 = loopback(new byte[] {0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1});

    private static InetAddress loopback(byte[] address) {
        try {
            return InetAddress.getByAddress("localhost", address);
        } catch (java.net.UnknownHostException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Binds {@code address} (one of the loopback addresses) on {@code port}, or on a port the
     * operating system picks when it is 0; connections wait in the backlog until {@link #start(Handler)}.
     */
    static LoopbackHttpServer bind(InetAddress address, int port, Limits limits) throws IOException {
        ServerSocket listener = new ServerSocket();
        try {
            // A fixed redirect port must open again at once, though the last sign-in's connections
            // still linger in TIME_WAIT: SO_REUSEADDR allows that, and on Linux and macOS never lets
            // a second socket listen on a port that is listening (Windows ignores it under Java's
            // exclusive bind, on by default). No port sharing: SO_REUSEPORT stays off, so nothing
            // else may listen on this port while it is ours.
            listener.setReuseAddress(true);
            disableIfSupported(listener, StandardSocketOptions.SO_REUSEPORT);
            // Never the wildcard address: it would let any machine on the network deliver a redirect.
            if (!address.isLoopbackAddress()) {
                throw new IllegalArgumentException("The redirect listens on a loopback address only, not " + address);
            }
            listener.bind(new InetSocketAddress(address, port), BACKLOG);
        } catch (IOException | RuntimeException e) {
            listener.close();
            throw e;
        }
        return new LoopbackHttpServer(listener, limits);
    }

    /** Starts accepting connections on a virtual thread; each request is answered by {@code handler}. */
    void start(Handler handler) {
        this.handler = Objects.requireNonNull(handler, "handler");
        acceptor = Thread.ofVirtual().name("onramp-loopback-accept").start(this::acceptLoop);
    }

    /** The address and port actually bound. */
    InetSocketAddress address() {
        return new InetSocketAddress(listener.getInetAddress(), port);
    }

    /**
     * Closes the port: no new connection gets in. A connection accepted before still gets its one
     * answer within its deadline, so a request already on its way is answered, not cut off.
     */
    @Override
    public void close() {
        try {
            listener.close();
        } catch (IOException e) {
            log.debug("Closing the loopback port failed", e);
        }
        // The socket is released only once the thread blocked in accept() has left it; waiting
        // for that makes "closed" mean closed when this returns.
        Thread accepting = acceptor;
        if (accepting != null && accepting != Thread.currentThread()) {
            try {
                if (!accepting.join(ACCEPTOR_EXIT_WAIT)) {
                    log.warn("The loopback port's accept thread did not stop within {}", ACCEPTOR_EXIT_WAIT);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private static void disableIfSupported(ServerSocket socket, SocketOption<Boolean> option) throws IOException {
        if (socket.supportedOptions().contains(option)) {
            socket.setOption(option, false);
        }
    }

    private void acceptLoop() {
        while (!listener.isClosed()) {
            Socket socket;
            try {
                socket = listener.accept();
            } catch (IOException e) {
                if (!listener.isClosed()) {
                    log.debug("Accepting a connection on the loopback port failed: {}", e.toString());
                    pauseAfterFailedAccept();
                }
                continue;
            }
            // Never refuse the newcomer: it may be the browser's callback. The longest-waiting
            // connection without a whole request head gives way instead.
            waiting.admit(socket).ifPresent(oldest -> {
                log.debug("Closed the oldest loopback connection still without a request to make room for a new one");
                closeQuietly(oldest);
            });
            Thread.ofVirtual().name("onramp-loopback-connection").start(() -> serve(socket));
        }
    }

    /** Keeps a persistent accept failure (say, out of file handles) from spinning a core. */
    private static void pauseAfterFailedAccept() {
        try {
            Thread.sleep(20);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * Answers one connection. Lingering after the answer is short and bounded, and only as many
     * connections linger at once as may wait for their head; the others close at once.
     */
    private void serve(Socket socket) {
        long deadline = System.nanoTime() + limits.requestTime().toNanos();
        try (socket) {
            Optional<Answer> answer = answer(socket, deadline);
            if (answer.isEmpty()) {
                return;
            }
            Response response = answer.get().response();
            try {
                write(socket, response, answer.get().headOnly());
            } finally {
                response.afterSent().run();
            }
            if (lingerSlots.tryAcquire()) {
                try {
                    linger(socket);
                } finally {
                    lingerSlots.release();
                }
            }
        } catch (IOException clientWentAway) {
            log.debug("A connection to the loopback port ended early: {}", clientWentAway.getClass().getSimpleName());
        } finally {
            waiting.leave(socket);
        }
    }

    /** A response and whether only its head is sent (to a HEAD request). */
    private record Answer(Response response, boolean headOnly) {}

    /**
     * Empty when the client closed the connection before a whole request head arrived, or the
     * connection was closed to make room for a newer one.
     */
    private Optional<Answer> answer(Socket socket, long deadline) throws IOException {
        Optional<String> head;
        Optional<Response> refusal = Optional.empty();
        try {
            head = readHead(socket, deadline);
        } catch (SocketTimeoutException tooSlow) {
            head = Optional.empty();
            refusal = Optional.of(Response.text(408, "The request took too long."));
        } catch (HeadTooLarge tooLarge) {
            head = Optional.empty();
            refusal = Optional.of(tooLarge.inRequestLine
                    ? Response.text(414, "The address is too long.")
                    : Response.text(431, "The request headers are too large."));
        }
        // From here on the connection is no longer one that a newcomer may close; if it already was
        // closed for one, nothing it sent is judged.
        if (!waiting.leave(socket)) {
            return Optional.empty();
        }
        if (refusal.isPresent()) {
            return Optional.of(new Answer(refusal.get(), false));
        }
        if (head.isEmpty()) {
            return Optional.empty();
        }
        Optional<ParsedHead> parsed = ParsedHead.parse(head.get());
        if (parsed.isEmpty()) {
            return Optional.of(new Answer(Response.text(400, "Bad request."), false));
        }
        ParsedHead request = parsed.get();
        boolean headOnly = request.request().method().equals("HEAD");
        if (!isOwnHost(request.host())) {
            // A page that rebinds its own host name to 127.0.0.1 would send its name here.
            return Optional.of(new Answer(Response.text(421, "This server answers only for 127.0.0.1."), headOnly));
        }
        return Optional.of(new Answer(handler.handle(request.request()), headOnly));
    }

    private boolean isOwnHost(Optional<String> host) {
        return host.map(h -> h.toLowerCase(Locale.ROOT))
                .filter(h -> h.equals("127.0.0.1:" + port) || h.equals("localhost:" + port))
                .isPresent();
    }

    /** Reads up to the blank line that ends the head, within the deadline and the size limit. */
    private Optional<String> readHead(Socket socket, long deadline) throws IOException {
        InputStream in = new BufferedInputStream(socket.getInputStream(), 2048);
        ByteArrayOutputStream head = new ByteArrayOutputStream(512);
        boolean atLineStart = true;
        boolean inRequestLine = true;
        while (true) {
            socket.setSoTimeout(remainingMillis(deadline));
            int next = in.read();
            if (next < 0) {
                return Optional.empty();
            }
            if (head.size() == limits.maxHeadBytes()) {
                throw new HeadTooLarge(inRequestLine);
            }
            head.write(next);
            if (next == '\n') {
                if (atLineStart) {
                    return Optional.of(head.toString(StandardCharsets.ISO_8859_1));
                }
                atLineStart = true;
                inRequestLine = false;
            } else if (next != '\r') {
                atLineStart = false;
            }
        }
    }

    /** The time left before the deadline, as a socket timeout (which must not be 0: that means forever). */
    private static int remainingMillis(long deadline) throws SocketTimeoutException {
        long millis = TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime());
        if (millis <= 0) {
            throw new SocketTimeoutException("The request deadline passed");
        }
        return (int) Math.min(millis, Integer.MAX_VALUE);
    }

    private static void write(Socket socket, Response response, boolean headOnly) throws IOException {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Content-Type", response.contentType());
        headers.put("Content-Length", Integer.toString(response.body().length));
        headers.put("Cache-Control", "no-store");
        headers.put("Referrer-Policy", "no-referrer");
        headers.put("X-Content-Type-Options", "nosniff");
        headers.put("Content-Security-Policy", CONTENT_SECURITY_POLICY);
        headers.put("Connection", "close");
        headers.putAll(response.headers());
        StringBuilder head = new StringBuilder("HTTP/1.1 ").append(response.status()).append(' ')
                .append(reason(response.status())).append("\r\n");
        headers.forEach((name, value) -> head.append(name).append(": ").append(value).append("\r\n"));
        head.append("\r\n");
        OutputStream out = socket.getOutputStream();
        out.write(head.toString().getBytes(StandardCharsets.ISO_8859_1));
        if (!headOnly) {
            out.write(response.body());
        }
        out.flush();
    }

    /**
     * Reads and drops what the client still sends (a body, the rest of an oversized head) before
     * closing: closing with unread data makes the operating system reset the connection, and the
     * client could lose the answer.
     */
    private static void linger(Socket socket) throws IOException {
        socket.shutdownOutput();
        socket.setSoTimeout(LINGER_MILLIS);
        InputStream in = socket.getInputStream();
        byte[] sink = new byte[4096];
        int total = 0;
        try {
            int read;
            while (total < LINGER_BYTES && (read = in.read(sink)) >= 0) {
                total += read;
            }
        } catch (SocketTimeoutException quiet) {
            // The client neither sent more nor closed: close anyway.
        }
    }

    private static String reason(int status) {
        return switch (status) {
            case 200 -> "OK";
            case 400 -> "Bad Request";
            case 404 -> "Not Found";
            case 405 -> "Method Not Allowed";
            case 408 -> "Request Timeout";
            case 410 -> "Gone";
            case 414 -> "URI Too Long";
            case 421 -> "Misdirected Request";
            case 431 -> "Request Header Fields Too Large";
            default -> "Status";
        };
    }

    private static void closeQuietly(Socket socket) {
        try {
            socket.close();
        } catch (IOException e) {
            log.debug("Closing a connection that made room for a newer one failed", e);
        }
    }

    /** The request head grew past the size limit; in the request line means the address is too long. */
    private static final class HeadTooLarge extends IOException {
        private final boolean inRequestLine;

        HeadTooLarge(boolean inRequestLine) {
            super("The request head is too large", null);
            this.inRequestLine = inRequestLine;
        }
    }

    /** A syntactically valid request line, its Host header and the languages the browser asks for. */
    private record ParsedHead(Request request, Optional<String> host) {
        static Optional<ParsedHead> parse(String head) {
            String[] lines = head.split("\r?\n");
            String[] requestLine = lines[0].split(" ", -1);
            if (requestLine.length != 3
                    || !METHOD.matcher(requestLine[0]).matches()
                    || !TARGET.matcher(requestLine[1]).matches()
                    || !VERSION.matcher(requestLine[2]).matches()) {
                return Optional.empty();
            }
            Optional<String> host = Optional.empty();
            Optional<String> acceptLanguage = Optional.empty();
            for (int i = 1; i < lines.length; i++) {
                String line = lines[i];
                int colon = line.indexOf(':');
                if (colon <= 0 || !HEADER_NAME.matcher(line.substring(0, colon)).matches()) {
                    return Optional.empty();
                }
                if (line.substring(0, colon).equalsIgnoreCase("Host")) {
                    if (host.isPresent()) {
                        return Optional.empty();
                    }
                    host = Optional.of(line.substring(colon + 1).strip());
                } else if (line.substring(0, colon).equalsIgnoreCase("Accept-Language")) {
                    // Repeated, the header's values are one list (RFC 9110, 5.3).
                    String value = line.substring(colon + 1).strip();
                    acceptLanguage = Optional.of(acceptLanguage.map(before -> before + "," + value).orElse(value));
                }
            }
            String target = requestLine[1];
            int question = target.indexOf('?');
            Request request = question < 0
                    ? new Request(requestLine[0], target, Optional.empty(), acceptLanguage)
                    : new Request(requestLine[0], target.substring(0, question), Optional.of(target.substring(question + 1)),
                            acceptLanguage);
            return Optional.of(new ParsedHead(request, host));
        }
    }
}
