package dev.onramp.testing;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.UnaryOperator;

/**
 * A proxy on 127.0.0.1 in front of an Airbyte API (usually the simulator): it forwards every
 * call (a public API call with its query and bearer token too), records each by endpoint with its
 * request body, and can be told to answer an
 * endpoint itself or to lose the answer of one that Airbyte did carry out.
 */
public final class AirbyteProxy implements AutoCloseable {
    /**
     * One call as it came in: its method, its endpoint under {@code /api/v1/} (a public API call's
     * whole path), its raw query (empty when it has none) and its request body.
     */
    public record Call(String method, String endpoint, String query, String body) {
        /** The request's path as sent, e.g. {@code /api/v1/sources/create} or {@code /v1/sources}. */
        public String path() {
            return endpoint.startsWith("/") ? endpoint : PREFIX + endpoint;
        }
    }

    /** How an endpoint is answered instead of by forwarding. */
    private sealed interface Scripted {
        /** Answered here; Airbyte never hears of the call. */
        record Replace(int status, UnaryOperator<String> body) implements Scripted {}

        /** Forwarded and carried out, but the caller gets this failure instead of the answer. */
        record LoseAnswer(int status) implements Scripted {}
    }

    private static final String PREFIX = "/api/v1/";

    private final HttpServer server;
    private final ExecutorService executor;
    private final HttpClient http;
    private final URI target;
    private final List<Call> calls = new CopyOnWriteArrayList<>();
    private final Map<String, Scripted> overrides = new ConcurrentHashMap<>();

    private AirbyteProxy(HttpServer server, ExecutorService executor, URI target) {
        this.server = server;
        this.executor = executor;
        this.target = target;
        this.http = HttpClient.newBuilder().proxy(HttpClient.Builder.NO_PROXY).executor(executor).build();
    }

    /** Starts a proxy for the API at {@code apiBase} (e.g. {@code http://127.0.0.1:1234/api}). */
    public static AirbyteProxy inFrontOf(URI apiBase) {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
            ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();
            AirbyteProxy proxy = new AirbyteProxy(server, executor, apiBase);
            server.createContext("/", proxy::handle);
            server.setExecutor(executor);
            server.start();
            return proxy;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The proxy's API base, to give the gateway instead of the real one. */
    public URI apiBase() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/api");
    }

    /** Answers {@code endpoint} with {@code status} and a body made from the request body. */
    public void replace(String endpoint, int status, UnaryOperator<String> body) {
        overrides.put(endpoint, new Scripted.Replace(status, body));
    }

    /** Lets Airbyte carry out {@code endpoint} but tells the caller it failed with {@code status}. */
    public void loseAnswer(String endpoint, int status) {
        overrides.put(endpoint, new Scripted.LoseAnswer(status));
    }

    /** Forwards {@code endpoint} again. */
    public void forward(String endpoint) {
        overrides.remove(endpoint);
    }

    public List<Call> calls() {
        return List.copyOf(calls);
    }

    public long count(String endpoint) {
        return calls.stream().filter(call -> call.endpoint().equals(endpoint)).count();
    }

    @Override
    public void close() {
        server.stop(0);
        http.close();
        executor.shutdownNow();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String path = exchange.getRequestURI().getRawPath();
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            String endpoint = path.startsWith(PREFIX) ? path.substring(PREFIX.length()) : path;
            String query = exchange.getRequestURI().getRawQuery();
            calls.add(new Call(exchange.getRequestMethod(), endpoint, query == null ? "" : query, body));
            Scripted override = overrides.get(endpoint);
            if (override instanceof Scripted.Replace replace) {
                send(exchange, replace.status(), replace.body().apply(body));
                return;
            }
            HttpResponse<String> answer = forward(exchange, path, body);
            if (override instanceof Scripted.LoseAnswer lose) {
                send(exchange, lose.status(), "{\"message\":\"The answer was lost on its way.\"}");
                return;
            }
            send(exchange, answer.statusCode(), answer.body());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private HttpResponse<String> forward(HttpExchange exchange, String path, String body)
            throws IOException, InterruptedException {
        String contentType = exchange.getRequestHeaders().getFirst("Content-Type");
        HttpRequest.Builder request = HttpRequest.newBuilder(target.resolve(path))
                .timeout(Duration.ofSeconds(30))
                .header("Content-Type", contentType == null ? "application/json" : contentType)
                .method(exchange.getRequestMethod(), HttpRequest.BodyPublishers.ofString(body));
        String authorization = exchange.getRequestHeaders().getFirst("Authorization");
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        String query = exchange.getRequestURI().getRawQuery();
        if (query != null) {
            request.uri(target.resolve(path + "?" + query));
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static void send(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }
}
