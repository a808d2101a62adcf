package dev.onramp.airbyte;

import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import java.util.random.RandomGenerator;

/**
 * How a gateway makes its calls: the timeout of each request (connecting included), the retries,
 * and the clock, sleeper and random source they use, injected so that tests need not wait.
 */
public record CallPolicy(Duration requestTimeout, RetryPolicy retry, Clock clock, Sleeper sleeper, RandomGenerator random) {
    public CallPolicy {
        Objects.requireNonNull(requestTimeout, "requestTimeout");
        Objects.requireNonNull(retry, "retry");
        Objects.requireNonNull(clock, "clock");
        Objects.requireNonNull(sleeper, "sleeper");
        Objects.requireNonNull(random, "random");
        if (requestTimeout.isNegative() || requestTimeout.isZero()) {
            throw new IllegalArgumentException("A request timeout must be positive, not " + requestTimeout);
        }
    }

    /** The standard retries on the system clock, really sleeping. */
    public static CallPolicy standard(Duration requestTimeout) {
        return new CallPolicy(requestTimeout, RetryPolicy.STANDARD, Clock.systemUTC(), Sleeper.SYSTEM,
                RandomGenerator.getDefault());
    }
}
