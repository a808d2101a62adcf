package dev.onramp.airbyte;

import static org.assertj.core.api.Assertions.assertThat;

import dev.onramp.testing.MutableClock;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;

/** When the public API's bearer token is minted, reused and renewed. */
class TokenCacheTest {
    private static final Instant START = Instant.parse("2026-03-01T10:00:00Z");

    private final MutableClock clock = new MutableClock(START);
    private final List<String> minted = new ArrayList<>();

    /** Mints "token-1", "token-2", … living {@code expiresIn}, as JWTs whose exp is {@code exp} after minting when given. */
    private TokenCache cache(Duration expiresIn, Duration exp) {
        return new TokenCache(() -> {
            String token = exp == null ? "token-" + (minted.size() + 1) : jwt(clock.instant().plus(exp), minted.size() + 1);
            minted.add(token);
            return new TokenCache.Minted(token, expiresIn);
        }, clock);
    }

    private static String jwt(Instant exp, int serial) {
        Base64.Encoder b64 = Base64.getUrlEncoder().withoutPadding();
        return b64.encodeToString("{\"alg\":\"HS256\"}".getBytes(StandardCharsets.UTF_8)) + "."
                + b64.encodeToString(("{\"exp\":" + exp.getEpochSecond() + ",\"n\":" + serial + "}").getBytes(StandardCharsets.UTF_8))
                + ".c2lnbmF0dXJl";
    }

    @Test
    void firstCall_mintsAndLaterCallsReuseTheToken() {
        TokenCache cache = cache(Duration.ofMinutes(3), null);

        String first = cache.token();
        clock.advance(Duration.ofMinutes(1));
        String second = cache.token();

        assertThat(second).isEqualTo(first);
        assertThat(minted).hasSize(1);
    }

    @Test
    void token_isRenewedThirtySecondsBeforeExpiresInRunsOut() {
        TokenCache cache = cache(Duration.ofMinutes(3), null);
        cache.token();

        clock.advance(Duration.ofSeconds(149));
        cache.token();
        assertThat(minted).hasSize(1);

        clock.advance(Duration.ofSeconds(1));
        String renewed = cache.token();
        assertThat(minted).hasSize(2);
        assertThat(renewed).isEqualTo("token-2");
    }

    @Test
    void jwtThatExpiresBeforeExpiresIn_isRenewedByItsExp() {
        TokenCache cache = cache(Duration.ofMinutes(10), Duration.ofSeconds(90));
        cache.token();

        clock.advance(Duration.ofSeconds(59));
        cache.token();
        assertThat(minted).hasSize(1);

        clock.advance(Duration.ofSeconds(1));
        cache.token();
        assertThat(minted).hasSize(2);
    }

    @Test
    void expiresInShorterThanTheJwtsExp_wins() {
        TokenCache cache = cache(Duration.ofSeconds(60), Duration.ofHours(1));
        cache.token();

        clock.advance(Duration.ofSeconds(30));
        cache.token();

        assertThat(minted).hasSize(2);
    }

    @Test
    void rejectedToken_isReplacedByAFreshOne() {
        TokenCache cache = cache(Duration.ofMinutes(3), null);
        String rejected = cache.token();

        String fresh = cache.renewAfterRejection(rejected);

        assertThat(fresh).isNotEqualTo(rejected);
        assertThat(cache.token()).isEqualTo(fresh);
        assertThat(minted).hasSize(2);
    }

    @Test
    void rejectionOfATokenAlreadyReplaced_mintsNoThirdToken() {
        TokenCache cache = cache(Duration.ofMinutes(3), null);
        String old = cache.token();
        String replacedByAnotherCall = cache.renewAfterRejection(old);

        String again = cache.renewAfterRejection(old);

        assertThat(again).isEqualTo(replacedByAnotherCall);
        assertThat(minted).hasSize(2);
    }

    @Test
    void tokenWithAGarbledPayload_fallsBackToExpiresIn() {
        TokenCache cache = new TokenCache(() -> {
            minted.add("x");
            return new TokenCache.Minted("aGVhZGVy.!!not-base64!!.c2ln", Duration.ofMinutes(3));
        }, clock);
        cache.token();

        clock.advance(Duration.ofSeconds(149));
        cache.token();

        assertThat(minted).hasSize(1);
    }

    @Test
    void mintedToken_neverShowsInItsDescription() {
        assertThat(new TokenCache.Minted("eyJ-secret-token", Duration.ofMinutes(3)).toString()).doesNotContain("eyJ-secret-token");
    }
}
