package dev.onramp.diagnostics;

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

    /** Every check's line, each ending with a line feed. */
    public String text() {
        return checks.stream().map(check -> check.line() + "\n").collect(Collectors.joining());
    }
}
