package dev.onramp.cli;

import dev.onramp.text.Text;
import picocli.CommandLine.ITypeConverter;

/** Checks that each {@code --set} has the form {@code KEY=VALUE}, so that one without is a usage error naming the form. */
final class SetOption implements ITypeConverter<String> {
    @Override
    public String convert(String value) {
        int equals = value.indexOf('=');
        if (equals < 0) {
            String key = value.strip();
            throw new UsageErrors.Refused(Text.of("cli.set.noValue", value, key.isEmpty() ? "KEY" : key));
        }
        if (value.substring(0, equals).isBlank()) {
            throw new UsageErrors.Refused(Text.of("cli.set.noKey", value));
        }
        return value;
    }
}
