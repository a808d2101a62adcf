package dev.onramp.cli;

import dev.onramp.text.Messages;

/** Reads a person's answer to a question on the terminal: English y/yes always, and the run's language's own words. */
final class Answers {
    private Answers() {}

    /** Whether the answer to a {@code [y/N]} question is yes: y or yes, or the language's (j/ja, o/oui). */
    static boolean yes(Messages messages, String answer) {
        String said = answer.strip().toLowerCase(messages.locale());
        return said.matches("y|yes") || said.matches(messages.get("cli.answer.yes"));
    }

    /** Whether the word asked to be typed in full was: yes, or the language's (ja, oui). */
    static boolean typedYes(Messages messages, String answer) {
        String said = answer.strip();
        return said.equalsIgnoreCase("yes") || said.equalsIgnoreCase(messages.get("cli.answer.yesWord"));
    }
}
