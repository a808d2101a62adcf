package dev.onramp.diagnostics;

import java.util.Objects;
import java.util.Optional;

/** The outcome of one doctor check: what was checked, what was found, and the fix when it failed. */
public record Check(String name, boolean passed, String finding, Optional<String> fix) {
    public Check {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(finding, "finding");
        Objects.requireNonNull(fix, "fix");
        if (!passed && fix.isEmpty()) {
            throw new IllegalArgumentException("A failed check needs a fix a person can follow: " + name);
        }
    }

    public static Check passed(String name, String finding) {
        return new Check(name, true, finding, Optional.empty());
    }

    public static Check failed(String name, String finding, String fix) {
        return new Check(name, false, finding, Optional.of(fix));
    }

    /** One line: {@code ✓ Name: finding} or {@code ✗ Name: finding Fix: what to do}. */
    public String line() {
        String line = (passed ? "✓ " : "✗ ") + name + ": " + oneLine(finding);
        return fix.map(f -> line + " Fix: " + oneLine(f)).orElse(line);
    }

    private static String oneLine(String text) {
        return text.replaceAll("\\s+", " ").strip();
    }
}
