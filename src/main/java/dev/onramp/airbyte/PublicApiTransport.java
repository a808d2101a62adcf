package dev.onramp.airbyte;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.mizosoft.methanol.Methanol;
import com.github.mizosoft.methanol.MutableRequest;
import dev.onramp.model.AirbyteSettings;
import dev.onramp.text.Text;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest.BodyPublisher;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends public API calls with a bearer token from the {@link TokenCache} (minted anew and the call
 * sent once more when Airbyte answers 401), retries transient failures as the {@link CallPolicy}
 * allows, and turns every failure into an {@link AirbyteException} that repeats no secret.
 */
final class PublicApiTransport {
    private static final Logger LOG = LoggerFactory.getLogger(PublicApiTransport.class);
    /** Request fields whose values may be secrets or would let someone finish a sign-in. */
    private static final List<String> SECRET_FIELDS =
            List.of("client_secret", "secretId", "configuration", "oAuthInputConfiguration", "redirectUrl");

    /** One call: what it is for, its HTTP method, path under the API base, query and JSON body. */
    record Request(PublicApiCall call, String method, String path, Map<String, String> query, Optional<ObjectNode> body,
            Optional<String> connectorName) {
        Request {
            query = Map.copyOf(query);
        }

        static Request get(PublicApiCall call, String path, Map<String, String> query) {
            return new Request(call, "GET", path, query, Optional.empty(), Optional.empty());
        }

        static Request withBody(PublicApiCall call, String method, String path, ObjectNode body, Optional<String> connectorName) {
            return new Request(call, method, path, Map.of(), Optional.of(body), connectorName);
        }

        static Request delete(PublicApiCall call, String path) {
            return new Request(call, "DELETE", path, Map.of(), Optional.empty(), Optional.empty());
        }
    }

    private final String clientId;
    private final String clientSecret;
    private final CallPolicy policy;
    private final ObjectMapper json;
    /** Names the Airbyte in sentences: the proper noun "Airbyte Cloud", or the {@code Text} "Airbyte at …". */
    private final Object airbyte;
    private final PublicApiProblems problems;
    private final Retrier retrier;
    private final Methanol http;
    private final TokenCache tokens;

    PublicApiTransport(URI apiBase, String clientId, String clientSecret, CallPolicy policy, ObjectMapper json) {
        this.clientId = clientId;
        this.clientSecret = clientSecret;
        this.policy = policy;
        this.json = json;
        boolean cloud = apiBase.equals(AirbyteSettings.Cloud.AIRBYTE_CLOUD);
        this.airbyte = cloud ? "Airbyte Cloud" : TransportFailures.at(apiBase);
        this.problems = new PublicApiProblems(airbyte, cloud);
        this.retrier = new Retrier(policy);
        this.http = Methanol.newBuilder()
                .baseUri(withTrailingSlash(apiBase))
                .requestTimeout(policy.requestTimeout())
                .connectTimeout(policy.requestTimeout())
                .defaultHeader("Accept", "application/json")
                .userAgent("Onramp")
                .build();
        this.tokens = new TokenCache(this::mint, policy.clock());
    }

    /** Sends the call with a bearer token; the answer is empty for 204 No Content. */
    Optional<JsonNode> send(Request request) {
        String token = tokens.token();
        HttpResponse<String> response = exchange(request, Optional.of(token));
        if (response.statusCode() == 401) {
            LOG.debug("Airbyte refused the access token for {} {}; minting a new one", request.method(), request.path());
            response = exchange(request, Optional.of(tokens.renewAfterRejection(token)));
        }
        return answer(request, response);
    }

    /** Sends the call without a token and reads the answer's {@code Date} header, whatever its status. */
    Optional<Instant> serverTime(Request request) {
        return HttpDates.of(exchange(request, Optional.empty()));
    }

    AirbyteException badResponse() {
        return problems.badResponse();
    }

    /** An answer without a field Airbyte's published API requires in it: named. Unknown fields are ignored. */
    AirbyteException missingField(String field) {
        return problems.missingField(field);
    }

    /** {@code POST applications/token} with the client credentials. */
    private TokenCache.Minted mint() {
        ObjectNode body = json.createObjectNode()
                .put("client_id", clientId)
                .put("client_secret", clientSecret)
                .put("grant_type", "client_credentials");
        Request request = Request.withBody(PublicApiCall.MINT_TOKEN, "POST", "applications/token", body, Optional.empty());
        JsonNode answer = answer(request, exchange(request, Optional.empty())).orElseThrow(this::badResponse);
        JsonNode accessToken = answer.path("access_token");
        JsonNode expiresIn = answer.path("expires_in");
        if (!accessToken.isTextual() || accessToken.asText().isBlank() || !expiresIn.canConvertToLong()
                || expiresIn.asLong() <= 0) {
            throw badResponse();
        }
        return new TokenCache.Minted(accessToken.asText(), Duration.ofSeconds(expiresIn.asLong()));
    }

    private HttpResponse<String> exchange(Request request, Optional<String> token) {
        MutableRequest http = MutableRequest.create(uri(request))
                .method(request.method(), request.body().map(this::publisher).orElse(BodyPublishers.noBody()))
                .timeout(policy.timeoutOf(request.call()));
        request.body().ifPresent(body -> http.header("Content-Type", "application/json"));
        token.ifPresent(bearer -> http.header("Authorization", "Bearer " + bearer));
        try {
            HttpResponse<String> response = retrier.send(this.http, http, request.call());
            LOG.debug("{} {} -> {}", request.method(), request.path(), response.statusCode());
            return response;
        } catch (HttpTimeoutException e) {
            throw TransportFailures.timeout(airbyte, request.call(), policy.timeoutOf(request.call()), e);
        } catch (ConnectException e) {
            throw TransportFailures.unreachable(airbyte, e);
        } catch (IOException e) {
            LOG.debug("{} {} failed: {}", request.method(), request.path(), e.toString());
            throw TransportFailures.unreachable(airbyte, e);
        } catch (InterruptedException e) {
            throw TransportFailures.cancelled(airbyte, e);
        }
    }

    private Optional<JsonNode> answer(Request request, HttpResponse<String> response) {
        int status = response.statusCode();
        Optional<JsonNode> body = parse(response.body());
        if (status / 100 == 2) {
            if (response.body().isBlank()) {
                return Optional.empty();
            }
            return Optional.of(body.orElseThrow(() -> TransportFailures.unreadable(airbyte, request.call(), response,
                    Text.of("airbyte.api.public"), Text.of("airbyte.api.publicAddress"))));
        }
        Redactor redactor = new Redactor(request.body().orElseGet(json::createObjectNode), SECRET_FIELDS);
        throw problems.map(new PublicApiProblems.Context(request.call(), request.connectorName(), redactor), status,
                body.filter(JsonNode::isObject), response.headers().firstValue("Retry-After"));
    }

    private Optional<JsonNode> parse(String text) {
        try {
            JsonNode node = json.readTree(text);
            return node == null || node.isMissingNode() ? Optional.empty() : Optional.of(node);
        } catch (JacksonException e) {
            return Optional.empty();
        }
    }

    private BodyPublisher publisher(ObjectNode body) {
        try {
            return BodyPublishers.ofString(json.writeValueAsString(body), StandardCharsets.UTF_8);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    private String uri(Request request) {
        if (request.query().isEmpty()) {
            return request.path();
        }
        return request.path() + "?" + request.query().entrySet().stream()
                .map(e -> encode(e.getKey()) + "=" + encode(e.getValue()))
                .collect(Collectors.joining("&"));
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }

    private static URI withTrailingSlash(URI base) {
        String text = base.toString();
        return text.endsWith("/") ? base : URI.create(text + "/");
    }
}
