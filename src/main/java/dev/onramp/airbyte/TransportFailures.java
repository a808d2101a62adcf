package dev.onramp.airbyte;

import dev.onramp.airbyte.AirbyteException.Kind;
import java.io.IOException;
import java.net.http.HttpConnectTimeoutException;
import java.time.Duration;
import java.util.Optional;

/**
 * The failures both gateways share, worded the same way: no connection, too slow, rate limited,
 * cancelled. {@code airbyte} names the Airbyte in question, e.g. "Airbyte at http://localhost:8000/api".
 */
final class TransportFailures {
    private TransportFailures() {}

    static AirbyteException unreachable(String airbyte, IOException cause) {
        return new AirbyteException(Kind.UNREACHABLE,
                "Onramp could not reach " + airbyte + ". Check that it is running and that the address is right.", cause);
    }

    static AirbyteException timeout(String airbyte, ApiCall call, Duration timeout, IOException cause) {
        if (cause instanceof HttpConnectTimeoutException) {
            return new AirbyteException(Kind.TIMEOUT, "Onramp could not connect to " + airbyte + " within "
                    + seconds(timeout) + ". Check that it is running and reachable from this computer.",
                    cause);
        }
        return new AirbyteException(Kind.TIMEOUT, airbyte + " did not " + call.verb() + " within " + seconds(timeout)
                + ". Check that it is not overloaded, then try again.", cause);
    }

    static AirbyteException cancelled(String airbyte, InterruptedException cause) {
        Thread.currentThread().interrupt();
        return new AirbyteException(Kind.UNREACHABLE,
                "Onramp stopped waiting for " + airbyte + " because the work was cancelled.", cause);
    }

    static AirbyteException rateLimited(String airbyte, ApiCall call, Optional<String> retryAfter) {
        String wait = retryAfter.filter(value -> value.matches("\\d{1,9}"))
                .map(seconds -> "wait " + seconds + " seconds as it asks")
                .orElse("wait a minute");
        return new AirbyteException(Kind.RATE_LIMITED, airbyte + " refused to " + call.verb()
                + " because Onramp called it too often (HTTP 429): " + wait
                + ", then try again.");
    }

    static String seconds(Duration timeout) {
        long millis = timeout.toMillis();
        return millis % 1000 == 0 ? (millis / 1000) + " seconds" : millis + " ms";
    }
}
