package dev.onramp.cli;

import dev.onramp.text.Text;
import java.util.Optional;

/**
 * One {@code --secret NAME[=ENV_NAME]}: the value comes from the environment variable when one is
 * named, else from a prompt that does not echo, so a secret is never on the command line.
 */
record SecretOption(String name, Optional<String> variable) {
    /** Reads {@code NAME} or {@code NAME=ENV_NAME}, refusing one without a name in the run's language. */
    static SecretOption parse(String text) {
        int equals = text.indexOf('=');
        String name = (equals < 0 ? text : text.substring(0, equals)).strip();
        if (name.isEmpty()) {
            throw new Refusal(Text.of("cli.secret.noName"));
        }
        Optional<String> variable = equals < 0 ? Optional.empty()
                : Optional.of(text.substring(equals + 1).strip()).filter(v -> !v.isEmpty());
        if (equals >= 0 && variable.isEmpty()) {
            throw new Refusal(Text.of("cli.secret.noVariable", name));
        }
        return new SecretOption(name, variable);
    }

    /** The secret, read from the variable or asked for as {@code title}. */
    String read(CliEnvironment env, String title) {
        if (variable.isPresent()) {
            return env.environment().apply(variable.get()).orElseThrow(() -> new Refusal(
                    Text.of("cli.secret.variableNotSet", variable.get(), title, name)));
        }
        return env.secrets().ask(title).orElseThrow(() -> new Refusal(Text.of("cli.secret.noTerminal", title, name)));
    }
}
