package dev.onramp.cli;

import java.io.Console;
import java.util.Optional;

/** Asks a person for one line of text, shown as they type it, e.g. to confirm a removal. */
@FunctionalInterface
public interface LinePrompt {
    /** What was typed after {@code prompt}; empty when there is no terminal to ask on. */
    Optional<String> ask(String prompt);

    /** Asks on the process's terminal; a run whose input is a pipe or a file has none. */
    static LinePrompt terminal() {
        return prompt -> {
            Console console = System.console();
            if (console == null || !console.isTerminal()) {
                return Optional.empty();
            }
            return Optional.ofNullable(console.readLine("%s", prompt));
        };
    }
}
