package dev.onramp.diagnostics;

import dev.onramp.text.Messages;
import dev.onramp.text.Text;
import java.util.Objects;
import java.util.Optional;

/**
 * The outcome of one doctor check: what was checked, what was found, and the fix when it failed, each a
 * {@link Text} the command line says in the run's language and a support bundle in English.
 */
public record Check(Text nameText, boolean passed, Text findingText, Optional<Text> fixText) {
    public Check {
        Objects.requireNonNull(nameText, "nameText");
        Objects.requireNonNull(findingText, "findingText");
        Objects.requireNonNull(fixText, "fixText");
        if (!passed && fixText.isEmpty()) {
            throw new IllegalArgumentException("A failed check needs a fix a person can follow: "
                    + Messages.english().render(nameText));
        }
    }

    public static Check passed(Text name, Text finding) {
        return new Check(name, true, finding, Optional.empty());
    }

    public static Check failed(Text name, Text finding, Text fix) {
        return new Check(name, false, finding, Optional.of(fix));
    }

    /** What was checked, in English. */
    public String name() {
        return Messages.english().render(nameText);
    }

    /** What was found, in English. */
    public String finding() {
        return Messages.english().render(findingText);
    }

    /** What to do, in English, when the check failed. */
    public Optional<String> fix() {
        return fixText.map(Messages.english()::render);
    }

    /** One line in English: {@code ✓ Name: finding} or {@code ✗ Name: finding Fix: what to do}. */
    public String line() {
        return line(Messages.english());
    }

    /** One line in the language of {@code messages}: {@code ✓ Name: finding} or {@code ✗ Name: finding Fix: what to do}. */
    public String line(Messages messages) {
        String line = (passed ? "✓ " : "✗ ") + messages.render(nameText) + ": " + oneLine(messages.render(findingText));
        return fixText.map(fix -> line + " " + messages.get("diagnostics.check.fix", oneLine(messages.render(fix))))
                .orElse(line);
    }

    private static String oneLine(String text) {
        return text.replaceAll("\\s+", " ").strip();
    }
}
