package dev.onramp.demo;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Plays the armed {@link Faults} at the start of every API call of either flavour, and notes each
 * call ({@code "POST /v1/sources"}) so tests can count tries.
 */
final class FaultPlayer {
    /** Which API a call is on: the error bodies differ. */
    enum Flavour {
        CONFIG_API,
        PUBLIC_API
    }

    private static final Logger LOG = LoggerFactory.getLogger(FaultPlayer.class);
    private static final String RATE_LIMITED = "{\"message\":\"API rate limit exceeded\"}";

    private final Faults faults;
    private final ObjectMapper json;
    private final List<String> calls = new CopyOnWriteArrayList<>();

    FaultPlayer(Faults faults, ObjectMapper json) {
        this.faults = faults;
        this.json = json;
    }

    List<String> calls() {
        return List.copyOf(calls);
    }

    /**
     * What is left of a call once its fault was played: nothing ({@link #answered}), or its normal
     * work, whose answer {@link #beforeAnswer} may hold back or drop.
     */
    record Played(boolean answered, Duration hold, boolean drop) {
        static final Played NORMALLY = new Played(false, Duration.ZERO, false);
        static final Played ANSWERED = new Played(true, Duration.ZERO, false);

        /** Called once the call's work is done: waits as the fault says; false when no answer is to be sent. */
        boolean beforeAnswer() {
            if (drop) {
                LOG.info("Simulated Airbyte closes the connection without answering");
                return false;
            }
            return hold.isZero() || pause(hold);
        }
    }

    /**
     * Notes the call and plays a fault armed for it: answered when the fault answered the call,
     * otherwise the normal work follows (no fault, a slow one that has waited, or one that holds
     * back or drops the answer).
     */
    Played play(HttpExchange exchange, Flavour flavour, boolean tokenChecked) throws IOException {
        String method = exchange.getRequestMethod();
        String path = exchange.getRequestURI().getPath();
        calls.add(method + " " + path);
        var armed = faults.take(method, path, tokenChecked);
        if (armed.isEmpty()) {
            return Played.NORMALLY;
        }
        Fault fault = armed.get();
        LOG.info("Simulated Airbyte plays {} on {} {}", fault.kind(), method, path);
        switch (fault.kind()) {
            case SLOW -> {
                return pause(fault.duration()) ? Played.NORMALLY : Played.ANSWERED;
            }
            case LATE -> {
                return new Played(false, fault.duration(), false);
            }
            case DROP -> {
                return new Played(false, Duration.ZERO, true);
            }
            case TOO_MANY_REQUESTS -> {
                exchange.getResponseHeaders().set("Retry-After", String.valueOf(Math.max(0, fault.duration().toSeconds())));
                send(exchange, 429, "application/json", RATE_LIMITED);
            }
            case TOO_MANY_REQUESTS_WITHOUT_RETRY_AFTER -> send(exchange, 429, "application/json", RATE_LIMITED);
            case SERVER_ERROR -> {
                if (flavour == Flavour.PUBLIC_API) {
                    problem(exchange, Problem.unexpected("Simulated failure."));
                } else {
                    ApiError error = ApiError.known(500, "Internal Server Error: simulated failure");
                    send(exchange, 500, "application/json", json.writeValueAsString(error.body()));
                }
            }
            case SERVICE_UNAVAILABLE -> {
                if (flavour == Flavour.PUBLIC_API) {
                    problem(exchange, Problem.serviceUnavailable());
                } else {
                    send(exchange, 503, "text/html", proxyPage(503, "Service Unavailable"));
                }
            }
            case BAD_GATEWAY -> send(exchange, 502, "text/html", proxyPage(502, "Bad Gateway"));
            case GATEWAY_TIMEOUT -> send(exchange, 504, "text/html", proxyPage(504, "Gateway Time-out"));
            case MALFORMED_JSON -> send(exchange, 200, "application/json", "{\"data\":[{\"workspaceId\":\"");
            case EXPIRED_TOKEN -> problem(exchange, CloudTokens.expired());
            // Never taken here: a source's test plays them in its answer (see Faults#takeCheck).
            case CHECK_AUTH, CHECK_FAIL -> {
                return Played.NORMALLY;
            }
        }
        return Played.ANSWERED;
    }

    private void problem(HttpExchange exchange, Problem problem) throws IOException {
        ObjectNode body = problem.body();
        send(exchange, problem.status(), "application/json", json.writeValueAsString(body));
    }

    private static void send(HttpExchange exchange, int status, String contentType, String body) throws IOException {
        Exchanges.send(exchange, status, contentType, body.getBytes(StandardCharsets.UTF_8));
    }

    private static String proxyPage(int status, String reason) {
        return "<html><head><title>" + status + " " + reason + "</title></head><body><center><h1>" + status + " " + reason
                + "</h1></center></body></html>";
    }

    /** Sleeps; false when the simulator is shutting down meanwhile. */
    private static boolean pause(Duration delay) {
        try {
            Thread.sleep(delay);
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
