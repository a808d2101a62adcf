package dev.onramp.airbyte;

import dev.onramp.airbyte.AirbyteException.Kind;
import java.io.IOException;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Locale;
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

    /**
     * An answer that should have been JSON and could not be read as such. JSON that breaks off or is
     * broken (Airbyte, or a proxy before it, cut the answer short) is told apart from something that is
     * not JSON at all, such as a proxy's or a sign-in page, which means the address is not Airbyte's API.
     *
     * @param api what was expected, e.g. "Airbyte's API"
     * @param address where the address is set, e.g. "the address"
     */
    static AirbyteException unreadable(String airbyte, ApiCall call, HttpResponse<String> response, String api,
            String address) {
        String body = response.body() == null ? "" : response.body().strip();
        String type = response.headers().firstValue("Content-Type").orElse("").toLowerCase(Locale.ROOT);
        boolean html = type.contains("html") || body.startsWith("<");
        if (!html && (type.contains("json") || body.startsWith("{") || body.startsWith("["))) {
            return new AirbyteException(Kind.BAD_RESPONSE, airbyte + " sent an answer that breaks off or is not valid"
                    + " JSON when asked to " + call.verb() + " (HTTP " + response.statusCode() + "). Try again; if it"
                    + " keeps happening, Airbyte's server logs, or those of a proxy between Onramp and Airbyte, say"
                    + " why its answers are cut short.");
        }
        String what = html ? "a web page" : type.isEmpty() ? "something" : "something of type " + type.split(";")[0];
        return new AirbyteException(Kind.BAD_RESPONSE, airbyte + " answered with " + what + " that is not " + api
                + ": check that " + address + " is Airbyte's and not a proxy's or a sign-in page.");
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
