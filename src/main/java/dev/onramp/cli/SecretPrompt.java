package dev.onramp.cli;

import java.io.Console;
import java.util.Optional;

/** Asks a person for a secret without showing what they type. */
@FunctionalInterface
public interface SecretPrompt {
    /** What was typed after {@code prompt}; empty when there is no terminal to ask on. */
    Optional<String> ask(String prompt);

    /** Asks on the process's terminal, with echo off. */
    static SecretPrompt terminal() {
        return prompt -> {
            Console console = System.console();
            if (console == null) {
                return Optional.empty();
            }
            char[] typed = console.readPassword("%s: ", prompt);
            return typed == null ? Optional.empty() : Optional.of(new String(typed));
        };
    }
}
