package dev.onramp.airbyte;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.mizosoft.methanol.AdapterCodec;
import com.github.mizosoft.methanol.MediaType;
import com.github.mizosoft.methanol.Methanol;
import com.github.mizosoft.methanol.MutableRequest;
import com.github.mizosoft.methanol.adapter.jackson.JacksonAdapterFactory;
import dev.onramp.airbyte.AirbyteException.Kind;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.net.http.HttpTimeoutException;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends one Config API call and turns every way it can fail into an {@link AirbyteException}
 * whose message a person can act on and which never repeats a secret Onramp sent.
 */
final class ConfigApiTransport {
    private static final Logger LOG = LoggerFactory.getLogger(ConfigApiTransport.class);
    private static final int MAX_DETAIL = 500;
    private static final int MAX_VALIDATION_ERRORS = 5;
    /** Request fields whose values may be secrets (tokens, codes, passwords). */
    private static final List<String> SECRET_FIELDS = List.of("connectionConfiguration", "queryParams", "oAuthInputConfiguration");

    private final URI apiBase;
    private final Duration timeout;
    private final ObjectMapper json;
    private final Methanol http;

    ConfigApiTransport(URI apiBase, Duration timeout, ObjectMapper json) {
        this.apiBase = apiBase;
        this.timeout = timeout;
        this.json = json;
        this.http = Methanol.newBuilder()
                .baseUri(withTrailingSlash(apiBase))
                .requestTimeout(timeout)
                .connectTimeout(timeout)
                .defaultHeader("Accept", "application/json")
                .userAgent("Onramp")
                .adapterCodec(AdapterCodec.newBuilder().encoder(JacksonAdapterFactory.createJsonEncoder(json)).build())
                .build();
    }

    /** POSTs {@code body} to the call's endpoint; the answer is empty for 204 No Content. */
    Optional<ObjectNode> post(ConfigApiCall call, ObjectNode body) {
        HttpResponse<String> response = send(call, body);
        return answer(call, response, new Redactor(body));
    }

    /** POSTs {@code body} and reads the answer's {@code Date} header, whatever the answer's status. */
    Optional<Instant> serverTime(ConfigApiCall call, ObjectNode body) {
        return send(call, body).headers().firstValue("Date").flatMap(ConfigApiTransport::httpDate);
    }

    private HttpResponse<String> send(ConfigApiCall call, ObjectNode body) {
        HttpResponse<String> response;
        try {
            response = http.send(MutableRequest.POST("v1/" + call.endpoint(), body, MediaType.APPLICATION_JSON),
                    BodyHandlers.ofString());
        } catch (HttpTimeoutException e) {
            throw new AirbyteException(Kind.TIMEOUT, "Airbyte at " + apiBase + " did not " + call.verb() + " within "
                    + seconds() + ". Check that it is not overloaded, then try again.", e);
        } catch (ConnectException e) {
            throw unreachable(e);
        } catch (IOException e) {
            LOG.debug("POST {} failed: {}", call.endpoint(), e.toString());
            throw unreachable(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AirbyteException(Kind.UNREACHABLE,
                    "Onramp stopped waiting for Airbyte at " + apiBase + " because the work was cancelled.", e);
        }
        LOG.debug("POST {} -> {}", call.endpoint(), response.statusCode());
        return response;
    }

    AirbyteException badResponse() {
        return new AirbyteException(Kind.BAD_RESPONSE,
                "Airbyte at " + apiBase + " answered with something that is not Airbyte's API; check the address.");
    }

    private Optional<ObjectNode> answer(ConfigApiCall call, HttpResponse<String> response, Redactor redactor) {
        int status = response.statusCode();
        Optional<ObjectNode> body = parse(response.body());
        if (status / 100 == 2) {
            if (response.body().isBlank()) {
                return Optional.empty();
            }
            return Optional.of(body.orElseThrow(this::badResponse));
        }
        String detail = body.map(b -> shortened(redactor.apply(detail(b)))).filter(d -> !d.isEmpty()).orElse("no details given");
        throw switch (status) {
            case 401, 403 -> new AirbyteException(Kind.UNAUTHORIZED, "Airbyte at " + apiBase
                    + " refused Onramp's credentials (HTTP " + status + ") when asked to " + call.verb()
                    + ". Check the Airbyte credentials in Settings.");
            case 404 -> body.isEmpty() ? badResponse() : new AirbyteException(Kind.NOT_FOUND, "Airbyte at " + apiBase
                    + " could not " + call.verb() + " because it does not know what Onramp asked for: " + detail
                    + ". " + call.notFoundHint());
            case 405 -> badResponse();
            default -> {
                if (status >= 500) {
                    yield new AirbyteException(Kind.SERVER_ERROR, "Airbyte at " + apiBase + " failed to " + call.verb()
                            + " (HTTP " + status + ": " + detail + "). Try again; if it keeps failing, look at Airbyte's server logs.");
                }
                if (status >= 400) {
                    yield new AirbyteException(Kind.REJECTED, "Airbyte at " + apiBase + " refused to " + call.verb()
                            + ": " + detail + ".");
                }
                yield badResponse();
            }
        };
    }

    private Optional<ObjectNode> parse(String text) {
        try {
            return json.readTree(text) instanceof ObjectNode object ? Optional.of(object) : Optional.empty();
        } catch (JacksonException e) {
            return Optional.empty();
        }
    }

    /** Airbyte's message and validation errors, without the refused values (they may be secrets). */
    private static String detail(ObjectNode error) {
        String message = oneLine(error.path("message").asText("")).replaceAll("[.\\s]+$", "");
        List<String> problems = new ArrayList<>();
        for (JsonNode violation : error.path("validationErrors")) {
            if (problems.size() == MAX_VALIDATION_ERRORS) {
                break;
            }
            String path = violation.path("propertyPath").asText("");
            String text = violation.path("message").asText("");
            problems.add(oneLine((path + " " + text).trim()));
        }
        String detail = message;
        if (!problems.isEmpty()) {
            detail = (detail.isEmpty() ? "" : detail + " ") + "(" + String.join("; ", problems) + ")";
        }
        return detail;
    }

    private static Optional<Instant> httpDate(String value) {
        try {
            return Optional.of(Instant.from(DateTimeFormatter.RFC_1123_DATE_TIME.parse(value)));
        } catch (DateTimeException e) {
            LOG.debug("Ignored a Date header that is not an HTTP date: {}", value);
            return Optional.empty();
        }
    }

    private static String shortened(String detail) {
        return detail.length() > MAX_DETAIL ? detail.substring(0, MAX_DETAIL) + "…" : detail;
    }

    private static String oneLine(String text) {
        return text.replaceAll("\\s+", " ").trim();
    }

    private AirbyteException unreachable(IOException cause) {
        return new AirbyteException(Kind.UNREACHABLE,
                "Onramp could not reach Airbyte at " + apiBase + ". Check that it is running and that the address is right.",
                cause);
    }

    private String seconds() {
        long millis = timeout.toMillis();
        return millis % 1000 == 0 ? (millis / 1000) + " seconds" : millis + " ms";
    }

    private static URI withTrailingSlash(URI base) {
        String text = base.toString();
        return text.endsWith("/") ? base : URI.create(text + "/");
    }

    /** Hides in Airbyte's words every value Onramp sent in a field that may hold a secret. */
    private static final class Redactor {
        private static final int SHORTEST_SECRET = 6;
        private final List<String> secrets = new ArrayList<>();

        Redactor(ObjectNode request) {
            SECRET_FIELDS.forEach(field -> collect(request.path(field)));
        }

        private void collect(JsonNode node) {
            if (node.isTextual() && node.asText().length() >= SHORTEST_SECRET) {
                secrets.add(node.asText());
            }
            node.forEach(this::collect);
        }

        String apply(String text) {
            String redacted = text;
            for (String secret : secrets) {
                redacted = redacted.replace(secret, "[hidden]");
            }
            return redacted;
        }
    }
}
