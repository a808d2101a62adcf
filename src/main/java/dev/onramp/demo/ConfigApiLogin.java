package dev.onramp.demo;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Base64;

/**
 * The login of a protected simulated self-managed Airbyte: every Config API call must carry basic
 * auth with its user and password, or a bearer token that {@code POST /api/v1/applications/token}
 * gave its one application for its client id and secret.
 */
final class ConfigApiLogin {
    /** The path, under {@code /api/v1/}, of the endpoint that needs no login. */
    static final String TOKEN_ENDPOINT = "applications/token";
    static final String USERNAME = "airbyte";

    private final String password;
    private final CloudTokens application;

    ConfigApiLogin(ObjectMapper json, Clock clock, SecureRandom random) {
        byte[] raw = new byte[18];
        random.nextBytes(raw);
        this.password = Base64.getUrlEncoder().withoutPadding().encodeToString(raw);
        this.application = new CloudTokens(json, clock, random);
    }

    String password() {
        return password;
    }

    String clientId() {
        return application.clientId();
    }

    String clientSecret() {
        return application.clientSecret();
    }

    /**
     * The token answer as a self-managed Airbyte gives it ({@code access_token} only, config.yaml's
     * {@code AccessToken}); a 401 for a wrong client id or secret.
     */
    ObjectNode mint(ObjectNode request) throws ApiError {
        String clientId = request.path("client_id").asText("");
        String clientSecret = request.path("client_secret").asText("");
        if (clientId.isBlank() || clientSecret.isBlank()) {
            throw ApiError.invalid("client_id", "client_id and client_secret are required.");
        }
        try {
            ObjectNode minted = application.mint(clientId, clientSecret);
            ObjectNode answer = minted.objectNode();
            return answer.put("access_token", minted.path("access_token").asText());
        } catch (Problem refused) {
            throw ApiError.known(401, "Invalid client id or client secret.");
        }
    }

    /** Lets the call through with valid basic auth or a valid, unexpired bearer token; a 401 otherwise. */
    void check(String authorization) throws ApiError {
        if (authorization != null && authorization.startsWith("Basic ")) {
            String expected = Base64.getEncoder().encodeToString((USERNAME + ":" + password).getBytes(StandardCharsets.UTF_8));
            if (MessageDigest.isEqual(expected.getBytes(StandardCharsets.US_ASCII),
                    authorization.substring("Basic ".length()).strip().getBytes(StandardCharsets.US_ASCII))) {
                return;
            }
            throw ApiError.known(401, "Unauthorized");
        }
        try {
            application.check(authorization);
        } catch (Problem refused) {
            throw ApiError.known(401, "Unauthorized");
        }
    }

    /** Whether the call carries a bearer token: only then can an armed expired-token fault apply. */
    static boolean bearer(String authorization) {
        return authorization != null && authorization.startsWith("Bearer ");
    }
}
