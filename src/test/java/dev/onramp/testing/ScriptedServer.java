package dev.onramp.testing;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * An HTTP server on 127.0.0.1 that gives scripted answers (the same one to every request, or one
 * after the other) and records what it was sent, for testing how clients treat odd or failing servers.
 */
public final class ScriptedServer implements AutoCloseable {
    /** What one request looked like. */
    public record Request(String method, String path, String query, String contentType, String accept, String authorization,
            String body) {}

    /** One scripted answer; an empty body is sent as none. */
    public record Answer(int status, String contentType, String body, Map<String, String> headers, Duration delay) {
        public Answer(int status, String contentType, String body) {
            this(status, contentType, body, Map.of(), Duration.ZERO);
        }

        public Answer withHeader(String name, String value) {
            Map<String, String> more = new LinkedHashMap<>(headers);
            more.put(name, value);
            return new Answer(status, contentType, body, Map.copyOf(more), delay);
        }
    }

    private final HttpServer server;
    private final ExecutorService executor;
    private final List<Request> requests = new CopyOnWriteArrayList<>();

    private ScriptedServer(HttpServer server, ExecutorService executor) {
        this.server = server;
        this.executor = executor;
    }

    public static ScriptedServer answering(int status, String contentType, String body) {
        return answering(status, contentType, body, Duration.ZERO);
    }

    /** Answers every request with {@code status} and {@code body}; an empty body is sent as none. */
    public static ScriptedServer answering(int status, String contentType, String body, Duration delay) {
        return answeringInTurn(List.of(new Answer(status, contentType, body, Map.of(), delay)));
    }

    /** Answers the n-th request with the n-th answer, and every request after the last with the last one. */
    public static ScriptedServer answeringInTurn(List<Answer> answers) {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
            ExecutorService executor = Executors.newFixedThreadPool(2, Thread.ofPlatform().daemon().factory());
            ScriptedServer scripted = new ScriptedServer(server, executor);
            AtomicInteger next = new AtomicInteger();
            server.createContext("/", exchange -> {
                try (exchange; InputStream in = exchange.getRequestBody()) {
                    scripted.requests.add(new Request(exchange.getRequestMethod(), exchange.getRequestURI().getPath(),
                            exchange.getRequestURI().getRawQuery(),
                            exchange.getRequestHeaders().getFirst("Content-Type"),
                            exchange.getRequestHeaders().getFirst("Accept"),
                            exchange.getRequestHeaders().getFirst("Authorization"),
                            new String(in.readAllBytes(), StandardCharsets.UTF_8)));
                    Answer answer = answers.get(Math.min(next.getAndIncrement(), answers.size() - 1));
                    Thread.sleep(answer.delay());
                    byte[] bytes = answer.body().getBytes(StandardCharsets.UTF_8);
                    exchange.getResponseHeaders().set("Content-Type", answer.contentType());
                    answer.headers().forEach(exchange.getResponseHeaders()::set);
                    exchange.sendResponseHeaders(answer.status(), bytes.length == 0 ? -1 : bytes.length);
                    try (OutputStream out = exchange.getResponseBody()) {
                        out.write(bytes);
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            });
            server.setExecutor(executor);
            server.start();
            return scripted;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** {@code http://127.0.0.1:<port>/api}, shaped like an Airbyte API base. */
    public URI apiBase() {
        return URI.create(origin() + "/api");
    }

    /** {@code http://127.0.0.1:<port>/v1}, shaped like the public API base. */
    public URI publicApiBase() {
        return URI.create(origin() + "/v1");
    }

    public List<Request> requests() {
        return List.copyOf(requests);
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }

    private String origin() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }
}
