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
import dev.onramp.model.AirbyteSettings;
import dev.onramp.text.Text;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends one Config API call, again after transient failures as the {@link CallPolicy} allows, and
 * turns every way it can fail into an {@link AirbyteException} whose message a person can act on
 * and which never repeats a secret Onramp sent.
 */
final class ConfigApiTransport {
    private static final Logger LOG = LoggerFactory.getLogger(ConfigApiTransport.class);
    private static final int MAX_DETAIL = 500;
    private static final int MAX_VALIDATION_ERRORS = 5;
    /** Request fields whose values may be secrets (tokens, codes, passwords). */
    private static final List<String> SECRET_FIELDS = List.of("connectionConfiguration", "queryParams", "oAuthInputConfiguration",
            "secretId");
    private static final String DEFINITION_CONFIG_TYPE = "STANDARD_SOURCE_DEFINITION";
    /**
     * What Airbyte's OAuth flows answer when no OAuth app holds one of the app's parameters: its
     * client id or secret, or a provider's own name for them (TikTok's app_id, Amazon's lwa_app_id).
     */
    private static final Pattern MISSING_OAUTH_APP = Pattern.compile(
            "Undefined parameter '[A-Za-z0-9_.]+' necessary for the OAuth Flow");
    /** What OAuthHandler's 404 says when a feature flag switches OAuth off for a connector. */
    private static final String OAUTH_SWITCHED_OFF = "SOURCE_OAUTH_PARAM";
    /** How long a token whose answer names no lifetime is used: the shortest Airbyte documents (3 minutes). */
    static final Duration UNDECLARED_TOKEN_LIFETIME = Duration.ofMinutes(3);

    private final URI apiBase;
    /** Names the Airbyte in sentences: "Airbyte at …". */
    private final Text airbyte;
    private final CallPolicy policy;
    private final ConnectorNames names;
    private final Retrier retrier;
    private final ObjectMapper json;
    private final Methanol http;
    /** The bearer tokens of a login with client credentials; empty for basic auth or none. */
    private final Optional<TokenCache> tokens;

    ConfigApiTransport(URI apiBase, CallPolicy policy, Optional<? extends AirbyteSettings.Login> login, ConnectorNames names,
            ObjectMapper json) {
        this.apiBase = apiBase;
        this.airbyte = TransportFailures.at(apiBase);
        this.policy = policy;
        this.names = names;
        this.retrier = new Retrier(policy);
        Methanol.Builder builder = Methanol.newBuilder()
                .baseUri(withTrailingSlash(apiBase))
                .requestTimeout(policy.requestTimeout())
                .connectTimeout(policy.requestTimeout())
                .defaultHeader("Accept", "application/json")
                .userAgent("Onramp")
                .adapterCodec(AdapterCodec.newBuilder().encoder(JacksonAdapterFactory.createJsonEncoder(json)).build());
        if (login.orElse(null) instanceof AirbyteSettings.Basic auth) {
            builder.defaultHeader("Authorization", "Basic " + Base64.getEncoder()
                    .encodeToString((auth.username() + ":" + auth.password()).getBytes(StandardCharsets.UTF_8)));
        }
        this.http = builder.build();
        this.json = json;
        this.tokens = login.orElse(null) instanceof AirbyteSettings.ClientCredentials client
                ? Optional.of(new TokenCache(() -> mint(client), policy.clock()))
                : Optional.empty();
    }

    /**
     * POSTs {@code body} to the call's endpoint, with a bearer token when the login is an
     * application's: a 401 mints a new token and sends the call once more. The answer is empty for
     * 204 No Content.
     */
    Optional<ObjectNode> post(ConfigApiCall call, ObjectNode body) {
        if (tokens.isEmpty()) {
            return answer(call, body, send(call, body, Optional.empty()), new Redactor(body, SECRET_FIELDS));
        }
        String token = tokens.get().token();
        HttpResponse<String> response = send(call, body, Optional.of(token));
        if (response.statusCode() == 401) {
            LOG.debug("Airbyte refused the access token for {}; minting a new one", call.endpoint());
            response = send(call, body, Optional.of(tokens.get().renewAfterRejection(token)));
        }
        return answer(call, body, response, new Redactor(body, SECRET_FIELDS));
    }

    /** POSTs {@code body} without a token and reads the answer's {@code Date} header, whatever the answer's status. */
    Optional<Instant> serverTime(ConfigApiCall call, ObjectNode body) {
        return HttpDates.of(send(call, body, Optional.empty()));
    }

    /**
     * {@code POST /api/v1/applications/token} with the application's client id and secret. A
     * self-managed Airbyte answers with the token alone; its lifetime then comes from the JWT's
     * {@code exp}, or is taken as the shortest Airbyte documents.
     */
    private TokenCache.Minted mint(AirbyteSettings.ClientCredentials client) {
        ObjectNode body = json.createObjectNode()
                .put("client_id", client.clientId())
                .put("client_secret", client.clientSecret());
        HttpResponse<String> response = send(ConfigApiCall.MINT_TOKEN, body, Optional.empty());
        int status = response.statusCode();
        if (status == 400 || status == 401 || status == 403 || status == 422) {
            throw new AirbyteException(Kind.UNAUTHORIZED,
                    Text.of("airbyte.config.rejectedApplication", airbyte, String.valueOf(status)));
        }
        if (status / 100 == 2 && response.body().stripLeading().startsWith("<")) {
            // An Airbyte whose authentication is off serves its web app for every path, this one too.
            throw new AirbyteException(Kind.REJECTED, Text.of("airbyte.config.tokenWebPage", airbyte));
        }
        ObjectNode answer = answer(ConfigApiCall.MINT_TOKEN, body, response, new Redactor(body, List.of("client_secret")))
                .orElseThrow(this::badResponse);
        JsonNode accessToken = answer.path("access_token");
        if (!accessToken.isTextual() || accessToken.asText().isBlank()) {
            throw badResponse();
        }
        JsonNode expiresIn = answer.path("expires_in");
        Duration lifetime = expiresIn.canConvertToLong() && expiresIn.asLong() > 0
                ? Duration.ofSeconds(expiresIn.asLong()) : UNDECLARED_TOKEN_LIFETIME;
        return new TokenCache.Minted(accessToken.asText(), lifetime);
    }

    private HttpResponse<String> send(ConfigApiCall call, ObjectNode body, Optional<String> bearer) {
        HttpResponse<String> response;
        MutableRequest request = MutableRequest.POST("v1/" + call.endpoint(), body, MediaType.APPLICATION_JSON)
                .timeout(policy.timeoutOf(call));
        bearer.ifPresent(token -> request.header("Authorization", "Bearer " + token));
        // The window's language: Airbyte answers in English whatever it says; the built-in simulator says the
        // sentences it adds of its own (what a demo field takes) in it.
        request.header("Accept-Language", Locale.getDefault(Locale.Category.DISPLAY).toLanguageTag());
        try {
            response = retrier.send(http, request, call);
        } catch (HttpTimeoutException e) {
            throw TransportFailures.timeout(airbyte, call, policy.timeoutOf(call), e);
        } catch (ConnectException e) {
            throw TransportFailures.unreachable(airbyte, e);
        } catch (IOException e) {
            LOG.debug("POST {} failed: {}", call.endpoint(), e.toString());
            throw TransportFailures.unreachable(airbyte, e);
        } catch (InterruptedException e) {
            throw TransportFailures.cancelled(airbyte, e);
        }
        LOG.debug("POST {} -> {}", call.endpoint(), response.statusCode());
        return response;
    }

    AirbyteException badResponse() {
        return new AirbyteException(Kind.BAD_RESPONSE, Text.of("airbyte.config.notApi", airbyte));
    }

    /**
     * An answer without a field Airbyte's published API requires in it (or with the field of another
     * type): named, since an Airbyte of another version is the likely cause. Unknown fields are ignored.
     */
    AirbyteException missingField(String field) {
        return new AirbyteException(Kind.BAD_RESPONSE, Text.of("airbyte.config.missingField", airbyte, field));
    }

    private Optional<ObjectNode> answer(ConfigApiCall call, ObjectNode request, HttpResponse<String> response, Redactor redactor) {
        int status = response.statusCode();
        Optional<ObjectNode> body = parse(response.body());
        if (status / 100 == 2) {
            if (response.body().isBlank()) {
                return Optional.empty();
            }
            return Optional.of(body.orElseThrow(() -> TransportFailures.unreadable(airbyte, call, response,
                    Text.of("airbyte.api.config"), Text.of("airbyte.api.configAddress"))));
        }
        String detail = body.map(b -> shortened(redactor.apply(detail(b)))).orElse("");
        Object said = detail.isEmpty() ? Text.of("airbyte.noDetails") : detail;
        throw switch (status) {
            case 401, 403 -> new AirbyteException(Kind.UNAUTHORIZED,
                    Text.of("airbyte.config.unauthorized", airbyte, String.valueOf(status), call.action()));
            case 404 -> notFound(call, request, body, detail, said);
            case 405 -> badResponse();
            case 409 -> new AirbyteException(Kind.CONFLICT, Text.of("airbyte.config.conflict", airbyte, call.action(), said));
            case 429 -> TransportFailures.rateLimited(airbyte, call, response.headers().firstValue("Retry-After"));
            default -> {
                if (status >= 500 && call == ConfigApiCall.GET_CONSENT_URL && MISSING_OAUTH_APP.matcher(detail).find()) {
                    yield noOAuthApp(request.path("sourceDefinitionId").asText(""));
                }
                if (status >= 500) {
                    yield new AirbyteException(Kind.SERVER_ERROR,
                            Text.of("airbyte.config.serverError", airbyte, call.action(), String.valueOf(status), said));
                }
                if (status >= 400) {
                    yield new AirbyteException(Kind.REJECTED, Text.of("airbyte.refused", airbyte, call.action(), said));
                }
                yield badResponse();
            }
        };
    }

    /** A 404 that names the source definition means this Airbyte lacks the connector: say which. */
    private AirbyteException notFound(ConfigApiCall call, ObjectNode request, Optional<ObjectNode> body, String detail,
            Object said) {
        if (body.isEmpty()) {
            return badResponse();
        }
        String definitionId = request.path("sourceDefinitionId").asText("");
        if (!definitionId.isEmpty() && detail.contains(DEFINITION_CONFIG_TYPE)) {
            return new AirbyteException(Kind.NOT_FOUND,
                    Text.of("airbyte.config.noConnector", names.describe(definitionId), airbyte));
        }
        // Airbyte says "Could not find configuration for SOURCE_OAUTH_PARAM: OAuth temporarily disabled.";
        // a 404 that names no configuration Airbyte lacks (workspace, definition) means the same.
        if (call == ConfigApiCall.GET_CONSENT_URL && !definitionId.isEmpty()
                && (detail.contains(OAUTH_SWITCHED_OFF) || !detail.contains("Could not find configuration"))) {
            return new AirbyteException(Kind.OAUTH_DISABLED,
                    Text.of("airbyte.config.oauthOff", airbyte, names.describe(definitionId)));
        }
        return new AirbyteException(Kind.NOT_FOUND,
                Text.of("airbyte.config.notKnown", airbyte, call.action(), said, call.notFoundHint()));
    }

    /**
     * Airbyte has no OAuth app for the connector: say who fixes it and how (an app registered at the
     * provider with Onramp's redirect URI, its client id and secret entered in Airbyte), and the other way in.
     */
    private AirbyteException noOAuthApp(String definitionId) {
        return new AirbyteException(Kind.NO_OAUTH_APP, Text.of("airbyte.config.noOAuthApp", airbyte,
                names.describe(definitionId)));
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

    private static String shortened(String detail) {
        return detail.length() > MAX_DETAIL ? detail.substring(0, MAX_DETAIL) + "…" : detail;
    }

    private static String oneLine(String text) {
        return text.replaceAll("\\s+", " ").trim();
    }

    private static URI withTrailingSlash(URI base) {
        String text = base.toString();
        return text.endsWith("/") ? base : URI.create(text + "/");
    }
}
