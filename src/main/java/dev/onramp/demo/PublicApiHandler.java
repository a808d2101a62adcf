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
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Serves {@code /v1/...} as Airbyte Cloud's API server does: JSON in (or a form, for the token),
 * JSON out, problems as {@code application/json}, after the configured latency and any armed fault.
 */
final class PublicApiHandler {
    private static final Logger LOG = LoggerFactory.getLogger(PublicApiHandler.class);
    private static final String PREFIX = "/v1/";

    private final ObjectMapper json;
    private final PublicApi api;
    private final FaultPlayer faults;
    private final Duration latency;
    private final SimulatorState state;

    /** @param state what the calls that read or change sources go through */
    PublicApiHandler(ObjectMapper json, PublicApi api, FaultPlayer faults, Duration latency, SimulatorState state) {
        this.state = state;
        this.json = json;
        this.api = api;
        this.faults = faults;
        this.latency = latency;
    }

    void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String method = exchange.getRequestMethod();
            String path = exchange.getRequestURI().getPath();
            boolean browser = method.equals("GET") && path.equals("/v1/oauth/callback");
            if (!browser && !SimulatedLatency.pause(latency)) {
                return;
            }
            FaultPlayer.Played played = browser ? FaultPlayer.Played.NORMALLY
                    : faults.play(exchange, FaultPlayer.Flavour.PUBLIC_API, PublicApi.needsToken(method, path));
            if (played.answered()) {
                return;
            }
            PublicApi.Answer answer;
            try {
                PublicApi.Call call = call(exchange, path);
                answer = PublicApi.changes(call.method(), call.segments())
                        ? state.changing(() -> api.route(call)) : state.reading(() -> api.route(call));
            } catch (Problem problem) {
                answer = new PublicApi.Answer.Json(problem.status(), problem.body());
            } catch (RuntimeException bug) {
                LOG.error("Simulated Airbyte Cloud failed on {}", path, bug);
                Problem problem = Problem.unexpected("The simulated Airbyte failed: " + Exchanges.failure(bug));
                answer = new PublicApi.Answer.Json(problem.status(), problem.body());
            }
            // The work is done (a create made its source); a late or dropped answer is played only now.
            if (!played.beforeAnswer()) {
                return;
            }
            int status = switch (answer) {
                case PublicApi.Answer.Json(int code, JsonNode body) -> {
                    Exchanges.send(exchange, code, "application/json", json.writeValueAsBytes(body));
                    yield code;
                }
                case PublicApi.Answer.NoContent() -> {
                    Exchanges.sendEmpty(exchange, 204);
                    yield 204;
                }
                case PublicApi.Answer.Empty(int code) -> {
                    Exchanges.sendEmpty(exchange, code);
                    yield code;
                }
                case PublicApi.Answer.Redirect(var location) -> {
                    Exchanges.redirect(exchange, location);
                    yield 302;
                }
            };
            LOG.debug("{} {} -> {}", method, path, status);
        }
    }

    private PublicApi.Call call(HttpExchange exchange, String path) throws Problem, IOException {
        List<String> segments = path.startsWith(PREFIX)
                ? Arrays.stream(path.substring(PREFIX.length()).split("/")).filter(s -> !s.isEmpty()).toList()
                : List.of();
        return new PublicApi.Call(exchange.getRequestMethod(), segments,
                Exchanges.parseForm(exchange.getRequestURI().getRawQuery()), body(exchange),
                Optional.ofNullable(exchange.getRequestHeaders().getFirst("Authorization")));
    }

    /** The body as a JSON object; an urlencoded form (the token endpoint takes one) becomes one too. */
    private Optional<ObjectNode> body(HttpExchange exchange) throws Problem, IOException {
        String text;
        try (InputStream in = exchange.getRequestBody()) {
            text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        if (text.isBlank()) {
            return Optional.empty();
        }
        String contentType = Optional.ofNullable(exchange.getRequestHeaders().getFirst("Content-Type"))
                .orElse("").toLowerCase(Locale.ROOT);
        if (contentType.startsWith("application/x-www-form-urlencoded")) {
            ObjectNode form = json.createObjectNode();
            Exchanges.parseForm(text).forEach(form::put);
            return Optional.of(form);
        }
        if (!contentType.startsWith("application/json")) {
            throw Problem.badRequest("Send the request body as application/json.");
        }
        try {
            if (json.readTree(text) instanceof ObjectNode object) {
                return Optional.of(object);
            }
            throw Problem.badRequest("The request body must be a JSON object.");
        } catch (JacksonException e) {
            throw Problem.badRequest("The request body is not valid JSON.");
        }
    }
}
