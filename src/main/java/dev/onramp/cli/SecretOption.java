package dev.onramp.cli;

import dev.onramp.model.InvalidInputException;
import java.util.Optional;

/**
 * One {@code --secret NAME[=ENV_NAME]}: the value comes from the environment variable when one is
 * named, else from a prompt that does not echo, so a secret is never on the command line.
 */
record SecretOption(String name, Optional<String> variable) {
    /** Reads {@code NAME} or {@code NAME=ENV_NAME}. */
    static SecretOption parse(String text) {
        int equals = text.indexOf('=');
        String name = (equals < 0 ? text : text.substring(0, equals)).strip();
        if (name.isEmpty()) {
            throw new InvalidInputException("--secret needs the name of the field, e.g. --secret client_secret.");
        }
        Optional<String> variable = equals < 0 ? Optional.empty()
                : Optional.of(text.substring(equals + 1).strip()).filter(v -> !v.isEmpty());
        if (equals >= 0 && variable.isEmpty()) {
            throw new InvalidInputException("--secret " + name + "= needs the name of an environment variable after"
                    + " the =, or nothing at all to be asked for the " + name + ".");
        }
        return new SecretOption(name, variable);
    }

    /** The secret, read from the variable or asked for as {@code title}. */
    String read(CliEnvironment env, String title) {
        if (variable.isPresent()) {
            return env.environment().apply(variable.get()).orElseThrow(() -> new InvalidInputException(
                    "The environment variable " + variable.get() + " is not set: set it to the " + title
                            + ", or write --secret " + name + " alone to be asked for it."));
        }
        return env.secrets().ask(title).orElseThrow(() -> new InvalidInputException("Onramp cannot ask for the "
                + title + " because there is no terminal here: put it in an environment variable and pass --secret "
                + name + "=VARIABLE_NAME."));
    }
}
