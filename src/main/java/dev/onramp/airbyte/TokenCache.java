package dev.onramp.airbyte;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Keeps the public API's bearer token and mints a new one before it runs out: at
 * {@code min(expires_in, the JWT's exp) - 30 s} after it was issued, or at once when Airbyte
 * refused it. Safe for several threads: only one mints at a time and the others use its token.
 */
final class TokenCache {
    /** How long before its end a token is renewed, so that no call starts with one about to expire. */
    static final Duration MARGIN = Duration.ofSeconds(30);

    /** A freshly minted token and the lifetime Airbyte gave it. */
    record Minted(String accessToken, Duration expiresIn) {
        @Override
        public String toString() {
            return "Minted[accessToken=[hidden], expiresIn=" + expiresIn + "]";
        }
    }

    /** Asks Airbyte for a new token; fails with an {@link AirbyteException}. */
    @FunctionalInterface
    interface Minter {
        Minted mint();
    }

    private final Minter minter;
    private final Clock clock;
    private final ObjectMapper json = new ObjectMapper();
    private final ReentrantLock lock = new ReentrantLock();
    private String token;
    private Instant renewAt = Instant.MIN;

    TokenCache(Minter minter, Clock clock) {
        this.minter = minter;
        this.clock = clock;
    }

    /** The current token, minted first when there is none or it is due for renewal. */
    String token() {
        lock.lock();
        try {
            if (token == null || !clock.instant().isBefore(renewAt)) {
                mint();
            }
            return token;
        } finally {
            lock.unlock();
        }
    }

    /**
     * The token to retry with after Airbyte refused {@code rejected}: a new one, unless another
     * call already replaced the rejected token meanwhile.
     */
    String renewAfterRejection(String rejected) {
        lock.lock();
        try {
            if (token == null || token.equals(rejected)) {
                mint();
            }
            return token;
        } finally {
            lock.unlock();
        }
    }

    private void mint() {
        Instant issued = clock.instant();
        Minted minted = minter.mint();
        Duration lifetime = minted.expiresIn();
        Optional<Instant> expiry = jwtExpiry(minted.accessToken());
        if (expiry.isPresent()) {
            Duration untilExp = Duration.between(issued, expiry.get());
            lifetime = untilExp.compareTo(lifetime) < 0 ? untilExp : lifetime;
        }
        token = minted.accessToken();
        renewAt = issued.plus(lifetime).minus(MARGIN);
    }

    /** The {@code exp} claim of a JWT, read without checking its signature (that is Airbyte's business); empty for other tokens. */
    private Optional<Instant> jwtExpiry(String accessToken) {
        String[] parts = accessToken.split("\\.");
        if (parts.length != 3) {
            return Optional.empty();
        }
        try {
            JsonNode claims = json.readTree(new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8));
            JsonNode exp = claims.path("exp");
            return exp.isNumber() ? Optional.of(Instant.ofEpochSecond(exp.asLong())) : Optional.empty();
        } catch (IllegalArgumentException | JacksonException e) {
            return Optional.empty();
        }
    }
}
