package dev.onramp.connect.summary;

import dev.onramp.connect.summary.OnboardingSummary.ConnectionEntry;
import dev.onramp.connect.summary.OnboardingSummary.Location;
import dev.onramp.text.Messages;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Locale;

/** A summary as plain text in one language, for the clipboard and the terminal, times in the given zone. */
public final class SummaryText {
    private SummaryText() {}

    /** The summary in English. */
    public static String render(OnboardingSummary summary, ZoneId zone) {
        return render(summary, zone, Messages.english());
    }

    /** The summary in the language of {@code words}, its dates written that language's way. */
    public static String render(OnboardingSummary summary, ZoneId zone, Messages words) {
        StringBuilder text = new StringBuilder();
        for (SummaryLines.Line line : SummaryLines.of(summary, zone, words)) {
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

    /** A time as a person reads it where they are: "5 Mar 2026, 14:32 CET" in English, "05.03.2026, 14:32 MEZ" in German. */
    public static String when(Instant at, ZoneId zone, Locale locale) {
        return SummaryLines.when(at, zone, locale);
    }

    /** A time in English: "5 Mar 2026, 14:32 CET". */
    public static String when(Instant at, ZoneId zone) {
        return when(at, zone, Locale.ENGLISH);
    }

    /** The summary's Airbyte and workspace in words: "Airbyte at http://…/api · workspace 3f2a…". */
    public static String airbyte(OnboardingSummary summary, Messages words) {
        return SummaryLines.airbyte(summary, words);
    }

    /** The summary's progress in words: "3 of 5 recommended sources connected". */
    public static String progress(OnboardingSummary summary, Messages words) {
        return words.render(summary.progress().words());
    }

    /** A connection's status in words: "Connected", "Needs reconnecting", … */
    public static String status(ConnectionEntry connection, Messages words) {
        return SummaryLines.status(connection, words);
    }

    /** Where a connection was made, in words: "Airbyte at http://…, workspace ws-1". */
    public static String location(Location at, Messages words) {
        return SummaryLines.location(at, words);
    }

    /** A missing item's first line: "Shopify — not connected", "Stripe (account acct_9) — needs attention". */
    public static String missing(OnboardingSummary.MissingItem item, Messages words) {
        return SummaryLines.missing(item, words);
    }

    /** A missing item of {@code summary}: why it is recommended, when it is, and what to do. */
    public static String advice(OnboardingSummary summary, OnboardingSummary.MissingItem item, Messages words) {
        return SummaryLines.advice(summary, item, words);
    }
}
