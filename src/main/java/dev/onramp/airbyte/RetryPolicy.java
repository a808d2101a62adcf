package dev.onramp.airbyte;

import java.time.Duration;
import java.util.Objects;

/**
 * How often and how long Onramp tries a call that Airbyte answered with 429, 502, 503 or 504, or
 * that could not connect in time: at most {@code maxAttempts} tries within {@code budget} in all,
 * waiting {@code Retry-After} when Airbyte gives it, else an exponential backoff from
 * {@code firstDelay} (capped at {@code maxDelay}) of which a random half is jitter.
 */
public record RetryPolicy(int maxAttempts, Duration budget, Duration firstDelay, Duration maxDelay) {
    /** Four tries within thirty seconds, waits of about 0.5, 1 and 2 seconds. */
    public static final RetryPolicy STANDARD =
            new RetryPolicy(4, Duration.ofSeconds(30), Duration.ofMillis(500), Duration.ofSeconds(8));

    public RetryPolicy {
        Objects.requireNonNull(budget, "budget");
        Objects.requireNonNull(firstDelay, "firstDelay");
        Objects.requireNonNull(maxDelay, "maxDelay");
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("A call needs at least one attempt, not " + maxAttempts);
        }
        if (budget.isNegative() || firstDelay.isNegative() || maxDelay.isNegative()) {
            throw new IllegalArgumentException("Retry durations cannot be negative");
        }
    }

    /** The backoff before try {@code attempt + 1} without jitter: firstDelay doubled per earlier retry, capped. */
    Duration backoffAfter(int attempt) {
        Duration delay = firstDelay;
        for (int i = 1; i < attempt && delay.compareTo(maxDelay) < 0; i++) {
            delay = delay.multipliedBy(2);
        }
        return delay.compareTo(maxDelay) > 0 ? maxDelay : delay;
    }
}
