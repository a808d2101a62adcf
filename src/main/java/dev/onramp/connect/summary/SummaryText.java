package dev.onramp.connect.summary;

import java.time.ZoneId;

/** A summary as plain text, for the clipboard and the terminal, times in the given zone. */
public final class SummaryText {
    private SummaryText() {}

    public static String render(OnboardingSummary summary, ZoneId zone) {
        StringBuilder text = new StringBuilder();
        for (SummaryLines.Line line : SummaryLines.of(summary, zone)) {
            String indent = switch (line.kind()) {
                case ITEM -> "  ";
                case DETAIL -> "      ";
                default -> "";
            };
            text.append(indent).append(line.text()).append('\n');
            if (line.kind() == SummaryLines.Kind.TITLE) {
                text.append("=".repeat(Math.min(line.text().length(), 72))).append('\n');
            }
        }
        return text.toString();
    }
}
