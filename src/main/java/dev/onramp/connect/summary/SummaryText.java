package dev.onramp.connect.summary;

import java.time.Instant;
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

    /** A time as a person reads it where they are: "5 Mar 2026, 14:32 CET". */
    public static String when(Instant at, ZoneId zone) {
        return SummaryLines.when(at, zone);
    }

    /** The summary's Airbyte and workspace in words: "Airbyte at http://…/api · workspace 3f2a…". */
    public static String airbyte(OnboardingSummary summary) {
        return SummaryLines.airbyte(summary);
    }

    /** A missing item's first line: "Shopify — not connected", "Stripe (account acct_9) — needs attention". */
    public static String missing(OnboardingSummary.MissingItem item) {
        return SummaryLines.missing(item);
    }

    /** A missing item's advice: why it is recommended, when it is, and what to do. */
    public static String advice(OnboardingSummary.MissingItem item) {
        return SummaryLines.advice(item);
    }
}
