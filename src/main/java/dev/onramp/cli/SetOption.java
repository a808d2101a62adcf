package dev.onramp.cli;

import picocli.CommandLine.ITypeConverter;

/** Checks that each {@code --set} has the form {@code KEY=VALUE}, so that one without is a usage error naming the form. */
final class SetOption implements ITypeConverter<String> {
    @Override
    public String convert(String value) {
        int equals = value.indexOf('=');
        if (equals < 0) {
            String key = value.strip();
            throw new UsageErrors.Refused("--set takes KEY=VALUE, e.g. --set account_id=acct_123; \"" + value
                    + "\" has no value: write --set " + (key.isEmpty() ? "KEY" : key) + "=VALUE.");
        }
        if (value.substring(0, equals).isBlank()) {
            throw new UsageErrors.Refused("--set takes KEY=VALUE, e.g. --set account_id=acct_123; \"" + value
                    + "\" has no key: write the field's name before the =.");
        }
        return value;
    }
}
