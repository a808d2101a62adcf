package dev.onramp.airbyte;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends a request again when Airbyte answered 429, 502, 503 or 504 or the connection could not be
 * made in time, within the {@link RetryPolicy}: a call that is not repeatable is sent again only
 * when Airbyte certainly did not act on it (429, or no connection at all).
 */
final class Retrier {
    private static final Logger LOG = LoggerFactory.getLogger(Retrier.class);
    private static final Set<Integer> TRANSIENT = Set.of(429, 502, 503, 504);
    private static final int TOO_MANY_REQUESTS = 429;

    private final CallPolicy policy;

    Retrier(CallPolicy policy) {
        this.policy = policy;
    }

    /**
     * Returns the first answer that is not transient, or the last one when the tries or the time
     * ran out; rethrows the last connect timeout likewise.
     */
    HttpResponse<String> send(HttpClient http, HttpRequest request, ApiCall call) throws IOException, InterruptedException {
        Instant start = policy.clock().instant();
        for (int attempt = 1; ; attempt++) {
            HttpResponse<String> response;
            try {
                response = http.send(request, BodyHandlers.ofString());
            } catch (HttpConnectTimeoutException e) {
                Optional<Duration> wait = waitAfter(attempt, start, Optional.empty());
                if (wait.isEmpty()) {
                    throw e;
                }
                pause(call, "could not connect in time", attempt, wait.get());
                continue;
            }
            int status = response.statusCode();
            boolean retry = TRANSIENT.contains(status) && (call.repeatable() || status == TOO_MANY_REQUESTS);
            if (!retry) {
                return response;
            }
            Optional<Duration> wait = waitAfter(attempt, start, retryAfter(response));
            if (wait.isEmpty()) {
                return response;
            }
            pause(call, "answered HTTP " + status, attempt, wait.get());
        }
    }

    /** The wait before the next try, or empty when there is none: out of tries or beyond the budget. */
    private Optional<Duration> waitAfter(int attempt, Instant start, Optional<Duration> retryAfter) {
        RetryPolicy retry = policy.retry();
        if (attempt >= retry.maxAttempts()) {
            return Optional.empty();
        }
        Duration wait = retryAfter.orElseGet(() -> jittered(retry.backoffAfter(attempt)));
        Duration spent = Duration.between(start, policy.clock().instant());
        return spent.plus(wait).compareTo(retry.budget()) > 0 ? Optional.empty() : Optional.of(wait);
    }

    /** Half the backoff plus a random part of the other half, so that many clients do not retry in step. */
    private Duration jittered(Duration backoff) {
        long half = backoff.toMillis() / 2;
        return Duration.ofMillis(half + (half > 0 ? policy.random().nextLong(half + 1) : 0));
    }

    /** {@code Retry-After} in seconds or as an HTTP date; empty when absent or unreadable. */
    private Optional<Duration> retryAfter(HttpResponse<?> response) {
        return response.headers().firstValue("Retry-After").map(String::strip).flatMap(value -> {
            if (value.matches("\\d{1,9}")) {
                return Optional.of(Duration.ofSeconds(Long.parseLong(value)));
            }
            try {
                Instant at = ZonedDateTime.parse(value, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
                Duration until = Duration.between(policy.clock().instant(), at);
                return Optional.of(until.isNegative() ? Duration.ZERO : until);
            } catch (DateTimeParseException e) {
                return Optional.empty();
            }
        });
    }

    private void pause(ApiCall call, String what, int attempt, Duration wait) throws InterruptedException {
        LOG.info("Airbyte {} when asked to {}; trying again in {} ms (try {} of {})", what, call.verb(),
                wait.toMillis(), attempt + 1, policy.retry().maxAttempts());
        policy.sleeper().sleep(wait);
    }
}
