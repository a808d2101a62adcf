package dev.onramp.airbyte;

import java.net.http.HttpResponse;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Reads the server's clock from an answer's {@code Date} header. */
final class HttpDates {
    private static final Logger LOG = LoggerFactory.getLogger(HttpDates.class);

    private HttpDates() {}

    static Optional<Instant> of(HttpResponse<?> response) {
        return response.headers().firstValue("Date").flatMap(HttpDates::parse);
    }

    private static Optional<Instant> parse(String value) {
        try {
            return Optional.of(Instant.from(DateTimeFormatter.RFC_1123_DATE_TIME.parse(value)));
        } catch (DateTimeException e) {
            LOG.debug("Ignored a Date header that is not an HTTP date: {}", value);
            return Optional.empty();
        }
    }
}
