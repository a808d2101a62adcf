package dev.onramp.connect.summary;

import dev.onramp.connect.summary.OnboardingSummary.ConnectionEntry;
import dev.onramp.connect.summary.OnboardingSummary.MissingItem;
import dev.onramp.connect.summary.OnboardingSummary.RecommendedSource;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A summary as the lines a person reads, each with its kind (title, heading, text, detail), in local
 * time: the plain text and the PDF lay out the same lines, so that both say the same.
 */
final class SummaryLines {
    /** What a line is, which decides its font and indentation. */
    enum Kind { TITLE, SUBTITLE, PROGRESS, HEADING, ITEM, DETAIL, GAP }

    /** One line; a {@link Kind#GAP} has no text. */
    record Line(Kind kind, String text) {}

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("d MMM uuuu, HH:mm z", Locale.ENGLISH);

    private SummaryLines() {}

    /** The lines of {@code summary}, times in {@code zone}. */
    static List<Line> of(OnboardingSummary summary, ZoneId zone) {
        List<Line> lines = new ArrayList<>();
        lines.add(new Line(Kind.TITLE, summary.business().name() + " — onboarding summary"));
        lines.add(new Line(Kind.SUBTITLE, when(summary.generatedAt(), zone) + " · " + summary.business().typeName()));
        lines.add(new Line(Kind.SUBTITLE, "Airbyte: " + airbyte(summary)));
        lines.add(new Line(Kind.GAP, ""));
        lines.add(new Line(Kind.PROGRESS, summary.progress().text()));

        if (!summary.recommended().isEmpty()) {
            lines.add(new Line(Kind.GAP, ""));
            lines.add(new Line(Kind.HEADING, "Recommended sources"));
            for (RecommendedSource source : summary.recommended()) {
                lines.add(new Line(Kind.ITEM, mark(source) + " " + source.name() + " — " + source.state().words()));
                if (!source.reason().isBlank()) {
                    lines.add(new Line(Kind.DETAIL, source.reason()));
                }
            }
        }

        lines.add(new Line(Kind.GAP, ""));
        int count = summary.connections().size();
        lines.add(new Line(Kind.HEADING, count == 0 ? "Connections: none yet"
                : "Connections (" + count + ")"));
        for (ConnectionEntry c : summary.connections()) {
            lines.add(new Line(Kind.ITEM, c.providerName() + " — account " + c.account()));
            lines.add(new Line(Kind.DETAIL, "Status: " + c.statusText()
                    + c.lastError().filter(error -> !c.active()).map(error -> " (" + error + ")").orElse("")));
            lines.add(new Line(Kind.DETAIL, "Last checked: " + c.lastChecked().map(at -> when(at, zone))
                    .orElse("not checked yet") + " · connected " + when(c.createdAt(), zone)));
            lines.add(new Line(Kind.DETAIL, "Airbyte: " + c.airbyte().map(OnboardingSummary.Location::description)
                    .orElse("not recorded (made before Onramp noted it)") + " · source " + c.sourceId()));
            int streams = c.streams().size();
            lines.add(new Line(Kind.DETAIL, streams + (streams == 1 ? " stream" : " streams")
                    + (streams == 0 ? "" : ": " + String.join(", ", c.streams()))));
        }

        lines.add(new Line(Kind.GAP, ""));
        if (summary.missing().isEmpty()) {
            lines.add(new Line(Kind.HEADING, "Still missing: nothing"));
        } else {
            lines.add(new Line(Kind.HEADING, "Still missing (" + summary.missing().size() + ")"));
            for (MissingItem item : summary.missing()) {
                lines.add(new Line(Kind.ITEM, "- " + missing(item)));
                lines.add(new Line(Kind.DETAIL, advice(item)));
            }
        }
        return List.copyOf(lines);
    }

    /** "Shopify — not connected", "Stripe (account acct_9) — needs attention". */
    static String missing(MissingItem item) {
        return item.providerName() + item.account().map(a -> " (account " + a + ")").orElse("") + " — "
                + (item.kind() == OnboardingSummary.MissingKind.NOT_CONNECTED ? "not connected" : "needs attention");
    }

    /** Why it matters, when recommended, and what to do: "Your orders, products and customers. Connect it …". */
    static String advice(MissingItem item) {
        return item.reason().map(reason -> reason.endsWith(".") ? reason + " " : reason + ". ").orElse("")
                + item.action();
    }

    /** The Airbyte and workspace in words: "Airbyte at http://…/api · workspace 3f2a…". */
    static String airbyte(OnboardingSummary summary) {
        return summary.airbyte().description()
                + summary.airbyte().workspace().filter(w -> !summary.airbyte().description().contains(w))
                        .map(w -> " · workspace " + w).orElse("");
    }

    private static String mark(RecommendedSource source) {
        return switch (source.state()) {
            case CONNECTED -> "[x]";
            case NEEDS_ATTENTION -> "[!]";
            case NOT_CONNECTED -> "[ ]";
        };
    }

    /** A time as a person reads it where they are: "5 Mar 2026, 14:32 CET". */
    static String when(Instant at, ZoneId zone) {
        return WHEN.format(at.atZone(zone));
    }
}
