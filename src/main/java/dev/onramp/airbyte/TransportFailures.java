package dev.onramp.airbyte;

import dev.onramp.airbyte.AirbyteException.Kind;
import dev.onramp.text.Text;
import java.io.IOException;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;

/**
 * The failures both gateways share, worded the same way: no connection, too slow, rate limited,
 * cancelled. {@code airbyte} names the Airbyte in question: a {@link Text} such as "Airbyte at
 * http://localhost:8000/api", or the proper noun "Airbyte Cloud".
 */
final class TransportFailures {
    private TransportFailures() {}

    /** "Airbyte at http://localhost:8000/api". */
    static Text at(Object apiBase) {
        return Text.of("airbyte.at", apiBase.toString());
    }

    static AirbyteException unreachable(Object airbyte, IOException cause) {
        return new AirbyteException(Kind.UNREACHABLE, Text.of("airbyte.unreachable", airbyte), cause);
    }

    /**
     * An answer that should have been JSON and could not be read as such. JSON that breaks off or is
     * broken (Airbyte, or a proxy before it, cut the answer short) is told apart from something that is
     * not JSON at all, such as a proxy's or a sign-in page, which means the address is not Airbyte's API.
     *
     * @param api what was expected, e.g. "Airbyte's API"
     * @param address where the address is set, e.g. "the address"
     */
    static AirbyteException unreadable(Object airbyte, ApiCall call, HttpResponse<String> response, Text api,
            Text address) {
        String body = response.body() == null ? "" : response.body().strip();
        String type = response.headers().firstValue("Content-Type").orElse("").toLowerCase(Locale.ROOT);
        boolean html = type.contains("html") || body.startsWith("<");
        if (!html && (type.contains("json") || body.startsWith("{") || body.startsWith("["))) {
            return new AirbyteException(Kind.BAD_RESPONSE, Text.of("airbyte.cutShort", airbyte, call.action(),
                    String.valueOf(response.statusCode())));
        }
        Text what = html ? Text.of("airbyte.answer.webPage")
                : type.isEmpty() ? Text.of("airbyte.answer.something") : Text.of("airbyte.answer.ofType", type.split(";")[0]);
        return new AirbyteException(Kind.BAD_RESPONSE, Text.of("airbyte.notApi", airbyte, what, api, address));
    }

    static AirbyteException timeout(Object airbyte, ApiCall call, Duration timeout, IOException cause) {
        if (cause instanceof HttpConnectTimeoutException) {
            return new AirbyteException(Kind.TIMEOUT, Text.of("airbyte.connectTimeout", airbyte, seconds(timeout)), cause);
        }
        return new AirbyteException(Kind.TIMEOUT, Text.of("airbyte.timeout", airbyte, call.action(), seconds(timeout)),
                cause);
    }

    static AirbyteException cancelled(Object airbyte, InterruptedException cause) {
        Thread.currentThread().interrupt();
        return new AirbyteException(Kind.UNREACHABLE, Text.of("airbyte.cancelled", airbyte), cause);
    }

    static AirbyteException rateLimited(Object airbyte, ApiCall call, Optional<String> retryAfter) {
        Text wait = retryAfter.filter(value -> value.matches("\\d{1,9}"))
                .map(seconds -> Text.of("airbyte.rateLimited.waitSeconds", seconds))
                .orElse(Text.of("airbyte.rateLimited.waitMinute"));
        return new AirbyteException(Kind.RATE_LIMITED, Text.of("airbyte.rateLimited", airbyte, call.action(), wait));
    }

    static Text seconds(Duration timeout) {
        long millis = timeout.toMillis();
        return millis % 1000 == 0 ? Text.of("airbyte.seconds", millis / 1000) : Text.of("airbyte.millis", millis);
    }
}
