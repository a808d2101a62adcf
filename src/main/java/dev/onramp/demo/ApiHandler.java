package dev.onramp.demo;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Serves {@code POST /api/v1/<endpoint>} as Airbyte's API server does: JSON in and out, errors in
 * Airbyte's shapes, and the configured latency and any armed fault before every answer.
 */
final class ApiHandler {
    /** One endpoint: a JSON request in, a JSON answer (empty for 204 No Content) out. */
    @FunctionalInterface
    interface Endpoint {
        Optional<ObjectNode> answer(ObjectNode request) throws ApiError;

        /**
         * The answer for a caller whose Accept-Language asks for {@code words}' language: the same, but for an
         * endpoint whose answer carries sentences of the simulator's own.
         */
        default Optional<ObjectNode> answer(ObjectNode request, PageWords words) throws ApiError {
            return answer(request);
        }
    }

    /** An endpoint whose answer carries sentences of the simulator's own, said in the language asked for. */
    interface Spoken {
        Optional<ObjectNode> answer(ObjectNode request, PageWords words) throws ApiError;
    }

    /** {@code spoken} as an endpoint: in English for a caller that asks for no language it speaks. */
    static Endpoint spoken(Spoken spoken) {
        return new Endpoint() {
            @Override
            public Optional<ObjectNode> answer(ObjectNode request) throws ApiError {
                return spoken.answer(request, PageWords.in(Locale.ENGLISH));
            }

            @Override
            public Optional<ObjectNode> answer(ObjectNode request, PageWords words) throws ApiError {
                return spoken.answer(request, words);
            }
        };
    }

    private static final Logger LOG = LoggerFactory.getLogger(ApiHandler.class);
    private static final String PREFIX = "/api/v1/";

    private final ObjectMapper json;
    private final Map<String, Endpoint> endpoints;
    private final Duration latency;
    private final FaultPlayer faults;
    /** What an Airbyte with its authentication off serves for any path of its web app. */
    private static final byte[] WEB_APP_PAGE = ("<!doctype html><html lang=\"en\"><head><title>Airbyte</title></head>"
            + "<body><div id=\"root\"></div></body></html>").getBytes(StandardCharsets.UTF_8);
    private final Optional<ConfigApiLogin> login;

    /** @param login the login every call but the token endpoint needs; empty for an open Airbyte */
    ApiHandler(ObjectMapper json, Map<String, Endpoint> endpoints, Duration latency, FaultPlayer faults,
            Optional<ConfigApiLogin> login) {
        this.json = json;
        this.endpoints = Map.copyOf(endpoints);
        this.latency = latency;
        this.faults = faults;
        this.login = login;
    }

    void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String authorization = exchange.getRequestHeaders().getFirst("Authorization");
            boolean tokenChecked = login.isPresent() && ConfigApiLogin.bearer(authorization);
            if (!SimulatedLatency.pause(latency)) {
                return;
            }
            FaultPlayer.Played played = faults.play(exchange, FaultPlayer.Flavour.CONFIG_API, tokenChecked);
            if (played.answered()) {
                return;
            }
            String path = exchange.getRequestURI().getPath();
            if (login.isEmpty() && path.equals(PREFIX + ConfigApiLogin.TOKEN_ENDPOINT)) {
                // An Airbyte whose authentication is off has no token endpoint: its web app answers the path.
                Exchanges.send(exchange, 200, "text/html; charset=utf-8", WEB_APP_PAGE);
                return;
            }
            int status;
            byte[] body;
            try {
                Optional<ObjectNode> answer = route(exchange, path);
                status = answer.isPresent() ? 200 : 204;
                body = answer.isPresent() ? json.writeValueAsBytes(answer.get()) : null;
            } catch (ApiError error) {
                status = error.status();
                if (status == 405) {
                    exchange.getResponseHeaders().set("Allow", "POST");
                }
                body = json.writeValueAsBytes(error.body());
            } catch (RuntimeException bug) {
                LOG.error("Simulated Airbyte failed on {}", path, bug);
                ApiError error = ApiError.known(500, "The simulated Airbyte failed: " + Exchanges.failure(bug));
                status = error.status();
                body = json.writeValueAsBytes(error.body());
            }
            // The work is done (a create made its source); a late or dropped answer is played only now.
            if (!played.beforeAnswer()) {
                return;
            }
            if (body == null) {
                Exchanges.sendEmpty(exchange, status);
            } else {
                Exchanges.send(exchange, status, "application/json", body);
            }
            LOG.debug("{} {} -> {}", exchange.getRequestMethod(), path, status);
        }
    }

    private Optional<ObjectNode> route(HttpExchange exchange, String path) throws ApiError, IOException {
        String name = path.startsWith(PREFIX) ? path.substring(PREFIX.length()) : "";
        Endpoint endpoint = endpoints.get(name);
        if (login.isPresent()) {
            if (name.equals(ConfigApiLogin.TOKEN_ENDPOINT)) {
                endpoint = body -> Optional.of(login.get().mint(body));
            } else {
                login.get().check(exchange.getRequestHeaders().getFirst("Authorization"));
            }
        }
        if (endpoint == null) {
            throw ApiError.known(404, "There is no Config API endpoint at " + path + ".");
        }
        if (!exchange.getRequestMethod().equals("POST")) {
            throw ApiError.known(405, "Config API endpoints answer POST only.");
        }
        String contentType = exchange.getRequestHeaders().getFirst("Content-Type");
        if (contentType == null || !contentType.toLowerCase(Locale.ROOT).startsWith("application/json")) {
            throw ApiError.known(415, "Send the request body as application/json.");
        }
        return endpoint.answer(requestBody(exchange), PageWords.of(exchange));
    }

    private ObjectNode requestBody(HttpExchange exchange) throws ApiError, IOException {
        String text;
        try (InputStream in = exchange.getRequestBody()) {
            text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        JsonNode body;
        try {
            body = json.readTree(text);
        } catch (JacksonException e) {
            throw ApiError.known(400, "The request body is not valid JSON: " + e.getOriginalMessage());
        }
        if (!(body instanceof ObjectNode object)) {
            throw ApiError.invalid("body", "The request body must be a JSON object.");
        }
        return object;
    }
}
