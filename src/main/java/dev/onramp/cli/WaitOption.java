package dev.onramp.cli;

import dev.onramp.text.Text;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine.ITypeConverter;

/**
 * Reads a wait such as {@code --timeout}'s, as ISO-8601 ({@code PT5M}) or a number with its unit
 * ({@code 90s}, {@code 5m}, {@code 1h}), and refuses one that is not positive with a sentence naming the forms.
 */
final class WaitOption implements ITypeConverter<Duration> {
    private static final Pattern SHORT = Pattern.compile("(\\d{1,9})\\s*(ms|s|m|h)");

    @Override
    public Duration convert(String value) {
        String text = value.strip();
        Duration wait = parse(text.toLowerCase(Locale.ROOT));
        if (wait == null || wait.isNegative() || wait.isZero()) {
            throw new UsageErrors.Refused(Text.of("cli.timeout.refused", text));
        }
        return wait;
    }

    private static Duration parse(String text) {
        Matcher number = SHORT.matcher(text);
        if (number.matches()) {
            long amount = Long.parseLong(number.group(1));
            return switch (number.group(2)) {
                case "ms" -> Duration.ofMillis(amount);
                case "s" -> Duration.ofSeconds(amount);
                case "m" -> Duration.ofMinutes(amount);
                default -> Duration.ofHours(amount);
            };
        }
        try {
            return Duration.parse(text);
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
