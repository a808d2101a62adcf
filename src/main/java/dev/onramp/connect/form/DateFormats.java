package dev.onramp.connect.form;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Recognises a string property that holds a date ({@code format: date}/{@code date-time}, or a
 * pattern such as {@code ^[0-9]{4}-[0-9]{2}-[0-9]{2}$}) and finds the exact layout the connector
 * wants, as a {@link DateTimeFormatter} pattern.
 */
final class DateFormats {
    /** A moment written in each candidate layout to see which one the pattern accepts. */
    static final LocalDateTime PROBE = LocalDateTime.of(2024, 1, 15, 10, 30, 45, 123_456_000);
    private static final List<String> DATE_TIMES = List.of(
            "yyyy-MM-dd'T'HH:mm:ss'Z'",
            "yyyy-MM-dd'T'HH:mm:ss.SSS'Z'",
            "yyyy-MM-dd'T'HH:mm:ss.SSSSSS'Z'",
            "yyyy-MM-dd'T'HH:mm:ss",
            "yyyy-MM-dd HH:mm:ss",
            "yyyyMMdd'T'HHmmss'Z'",
            "MM/dd/yyyy HH:mm",
            "MMM dd, yyyy hh:mm:ss a");
    private static final List<String> DATES = List.of("yyyy-MM-dd", "dd-MM-yyyy", "yyyy-MM");

    private DateFormats() {}

    /** The layout of a date property, or empty when {@code property} holds no date. */
    static Optional<String> of(JsonNode property) {
        String format = property.path("format").asText("");
        String pattern = property.path("pattern").asText("");
        if (pattern.isEmpty()) {
            return switch (format) {
                case "date" -> Optional.of(DATES.getFirst());
                case "date-time" -> Optional.of(DATE_TIMES.getFirst());
                default -> Optional.empty();
            };
        }
        Pattern compiled;
        try {
            compiled = Pattern.compile(pattern);
        } catch (PatternSyntaxException e) {
            return Optional.empty();
        }
        // A pattern for digits in general (^[0-9]*$) is no date's.
        if (compiled.matcher("sample").find() || compiled.matcher("2024").find()) {
            return Optional.empty();
        }
        List<String> order = format.equals("date")
                ? concat(DATES, DATE_TIMES) : concat(DATE_TIMES, DATES);
        return order.stream().filter(layout -> compiled.matcher(write(layout, PROBE)).find()).findFirst();
    }

    /**
     * How a value of the property's {@code format} (date or date-time) is written, e.g.
     * {@code 2024-01-15}, when its {@code pattern} refuses every such value, so that no value fits
     * the property (CoinGecko Coins' dates are {@code format: date} and must match dd-mm-yyyy);
     * empty when some value fits.
     */
    static Optional<String> contradiction(JsonNode property) {
        String format = property.path("format").asText("");
        List<String> written = switch (format) {
            case "date" -> List.of(write(DATES.getFirst(), PROBE));
            case "date-time" -> List.of(write(DATE_TIMES.get(0), PROBE), write(DATE_TIMES.get(1), PROBE),
                    write(DATE_TIMES.get(2), PROBE), write("yyyy-MM-dd'T'HH:mm:ss'+00:00'", PROBE));
            default -> List.of();
        };
        String pattern = property.path("pattern").asText("");
        if (written.isEmpty() || pattern.isEmpty()) {
            return Optional.empty();
        }
        try {
            Pattern compiled = Pattern.compile(pattern);
            return written.stream().anyMatch(value -> compiled.matcher(value).find()) ? Optional.empty()
                    : Optional.of(written.getFirst());
        } catch (PatternSyntaxException e) {
            return Optional.empty();
        }
    }

    /** Whether a layout holds a time of day besides the date. */
    static boolean hasTime(String layout) {
        return layout.contains("HH") || layout.contains("hh");
    }

    static String write(String layout, LocalDateTime moment) {
        return DateTimeFormatter.ofPattern(layout, Locale.ROOT).format(moment);
    }

    private static List<String> concat(List<String> first, List<String> second) {
        return java.util.stream.Stream.concat(first.stream(), second.stream()).toList();
    }
}
