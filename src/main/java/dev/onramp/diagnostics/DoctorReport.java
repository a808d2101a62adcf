package dev.onramp.diagnostics;

import dev.onramp.text.Messages;
import java.util.List;
import java.util.stream.Collectors;

/** What the doctor found: one {@link Check} per line, in the order they ran. */
public record DoctorReport(List<Check> checks) {
    public DoctorReport {
        checks = List.copyOf(checks);
    }

    public boolean allPassed() {
        return checks.stream().allMatch(Check::passed);
    }

    /** Every check's line in English (for support staff), each ending with a line feed. */
    public String text() {
        return text(Messages.english());
    }

    /** Every check's line in the language of {@code messages}, each ending with a line feed. */
    public String text(Messages messages) {
        return checks.stream().map(check -> check.line(messages) + "\n").collect(Collectors.joining());
    }
}
