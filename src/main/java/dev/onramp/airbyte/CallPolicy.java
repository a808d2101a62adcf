package dev.onramp.airbyte;

import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import java.util.random.RandomGenerator;

/**
 * How a gateway makes its calls: the timeout of each request (connecting included) and of a source's
 * creation, the retries, and the clock, sleeper and random source they use, injected so that tests need not wait.
 */
public record CallPolicy(Duration requestTimeout, Duration createTimeout, RetryPolicy retry, Clock clock,
        Sleeper sleeper, RandomGenerator random) {
    public CallPolicy {
        Objects.requireNonNull(requestTimeout, "requestTimeout");
        Objects.requireNonNull(createTimeout, "createTimeout");
        Objects.requireNonNull(retry, "retry");
        Objects.requireNonNull(clock, "clock");
        Objects.requireNonNull(sleeper, "sleeper");
        Objects.requireNonNull(random, "random");
        if (requestTimeout.isNegative() || requestTimeout.isZero()) {
            throw new IllegalArgumentException("A request timeout must be positive, not " + requestTimeout);
        }
        if (createTimeout.isNegative() || createTimeout.isZero()) {
            throw new IllegalArgumentException("A create timeout must be positive, not " + createTimeout);
        }
    }

    /** A policy whose sources are created within the same timeout as every other call. */
    public CallPolicy(Duration requestTimeout, RetryPolicy retry, Clock clock, Sleeper sleeper, RandomGenerator random) {
        this(requestTimeout, requestTimeout, retry, clock, sleeper, random);
    }

    /** The same policy with another limit on creating a source (tests shorten it; Onramp uses the request timeout). */
    public CallPolicy withCreateTimeout(Duration limit) {
        return new CallPolicy(requestTimeout, limit, retry, clock, sleeper, random);
    }

    /** How long {@code call} may take. */
    Duration timeoutOf(ApiCall call) {
        return call.createsSource() ? createTimeout : requestTimeout;
    }

    /** The standard retries on the system clock, really sleeping. */
    public static CallPolicy standard(Duration requestTimeout) {
        return new CallPolicy(requestTimeout, RetryPolicy.STANDARD, Clock.systemUTC(), Sleeper.SYSTEM,
                RandomGenerator.getDefault());
    }
}
