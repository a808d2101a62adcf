package dev.onramp.demo;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.UUID;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The simulated Airbyte Cloud's one application and its access tokens: HS256 JWTs that live three
 * minutes, as {@code POST /v1/applications/token} hands them out. The application's client id and
 * secret are kept across restarts, so that settings made for it keep working; tokens are not.
 */
final class CloudTokens implements KeptState {
    static final Duration LIFETIME = Duration.ofMinutes(3);
    private static final String ISSUER = "onramp-airbyte-simulator";
    private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();

    private final ObjectMapper json;
    private final Clock clock;
    /** The application's client id and secret. */
    private record Application(String clientId, String clientSecret) {}

    private volatile Application application;
    private final byte[] key = new byte[32];

    CloudTokens(ObjectMapper json, Clock clock, SecureRandom random) {
        this.json = json;
        this.clock = clock;
        byte[] secret = new byte[24];
        random.nextBytes(secret);
        this.application = new Application(UUID.randomUUID().toString(), B64.encodeToString(secret));
        random.nextBytes(key);
    }

    String clientId() {
        return application.clientId();
    }

    String clientSecret() {
        return application.clientSecret();
    }

    @Override
    public String section() {
        return "cloudApplication";
    }

    /** The application's client id and secret. */
    @Override
    public void save(ObjectNode into) {
        into.put("clientId", application.clientId()).put("clientSecret", application.clientSecret());
    }

    /** Takes the kept application; with none kept (a new folder), this simulator's own stays. */
    @Override
    public Runnable restore(JsonNode from) throws UnreadableStateException {
        if (from.isMissingNode()) {
            return () -> { };
        }
        Application kept = new Application(KeptState.text(from, "clientId"), KeptState.text(from, "clientSecret"));
        return () -> application = kept;
    }

    /** The token answer for the right client id and secret (compared in constant time), else a 401 problem. */
    ObjectNode mint(String givenId, String givenSecret) throws Problem {
        Application app = application;
        String clientId = app.clientId();
        String clientSecret = app.clientSecret();
        boolean idMatches = MessageDigest.isEqual(clientId.getBytes(StandardCharsets.UTF_8), givenId.getBytes(StandardCharsets.UTF_8));
        boolean secretMatches = MessageDigest.isEqual(clientSecret.getBytes(StandardCharsets.UTF_8),
                givenSecret.getBytes(StandardCharsets.UTF_8));
        if (!idMatches || !secretMatches) {
            throw Problem.invalidApiKey("The client id or client secret is invalid.");
        }
        long now = clock.instant().getEpochSecond();
        ObjectNode claims = json.createObjectNode()
                .put("iss", ISSUER)
                .put("sub", clientId)
                .put("iat", now)
                .put("exp", now + LIFETIME.toSeconds())
                .put("jti", UUID.randomUUID().toString());
        String unsigned = B64.encodeToString("{\"alg\":\"HS256\",\"typ\":\"JWT\"}".getBytes(StandardCharsets.UTF_8)) + "."
                + B64.encodeToString(claims.toString().getBytes(StandardCharsets.UTF_8));
        return json.createObjectNode()
                .put("access_token", unsigned + "." + B64.encodeToString(sign(unsigned)))
                .put("token_type", "Bearer")
                .put("expires_in", LIFETIME.toSeconds());
    }

    /** Checks a bearer token: signed by this simulator and not expired; a 401 problem otherwise. */
    void check(String authorization) throws Problem {
        if (authorization == null || !authorization.startsWith("Bearer ")) {
            throw Problem.invalidApiKey("The API key in the Authorization header is invalid.");
        }
        String[] parts = authorization.substring("Bearer ".length()).strip().split("\\.");
        if (parts.length != 3 || !MessageDigest.isEqual(B64.encodeToString(sign(parts[0] + "." + parts[1]))
                .getBytes(StandardCharsets.US_ASCII), parts[2].getBytes(StandardCharsets.US_ASCII))) {
            throw Problem.invalidApiKey("The API key in the Authorization header is invalid.");
        }
        try {
            JsonNode claims = json.readTree(new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8));
            if (claims.path("exp").asLong(0) <= clock.instant().getEpochSecond()) {
                throw expired();
            }
        } catch (JacksonException | IllegalArgumentException e) {
            throw Problem.invalidApiKey("The API key in the Authorization header is invalid.");
        }
    }

    static Problem expired() {
        return Problem.invalidApiKey("The API key in the Authorization header has expired.");
    }

    private byte[] sign(String text) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac.doFinal(text.getBytes(StandardCharsets.US_ASCII));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        }
    }
}
