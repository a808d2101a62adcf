package dev.onramp.connect.summary;

import dev.onramp.catalog.CatalogWords;
import dev.onramp.connect.summary.OnboardingSummary.ConnectionEntry;
import dev.onramp.connect.summary.OnboardingSummary.Location;
import dev.onramp.connect.summary.OnboardingSummary.MissingItem;
import dev.onramp.connect.summary.OnboardingSummary.RecommendedSource;
import dev.onramp.connect.summary.OnboardingSummary.SourceState;
import dev.onramp.model.AirbyteLocation;
import dev.onramp.text.Messages;
import java.time.Instant;
import java.time.ZoneId;
import java.time.chrono.IsoChronology;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.FormatStyle;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A summary as the lines a person reads in one language, each with its kind (title, heading, text, detail),
 * in local time: the plain text and the PDF lay out the same lines, so that both say the same. The catalog's
 * texts in it (the business type, why a provider is recommended) are said in that language too.
 */
final class SummaryLines {
    /** What a line is, which decides its font and indentation. */
    enum Kind { TITLE, SUBTITLE, PROGRESS, HEADING, ITEM, DETAIL, GAP }

    /** One line; a {@link Kind#GAP} has no text. */
    record Line(Kind kind, String text) {}

    /** English times as Onramp has always written them: "5 Mar 2026, 14:32 CET". */
    private static final DateTimeFormatter ENGLISH_WHEN = DateTimeFormatter.ofPattern("d MMM uuuu, HH:mm z", Locale.ENGLISH);

    private SummaryLines() {}

    /** The lines of {@code summary} in the language of {@code words}, times in {@code zone}. */
    static List<Line> of(OnboardingSummary summary, ZoneId zone, Messages words) {
        Locale locale = words.locale();
        List<Line> lines = new ArrayList<>();
        lines.add(new Line(Kind.TITLE, words.get("connect.summary.title", summary.business().name())));
        lines.add(new Line(Kind.SUBTITLE, when(summary.generatedAt(), zone, locale) + " · " + typeName(summary, words)));
        lines.add(new Line(Kind.SUBTITLE, words.get("connect.summary.airbyte", airbyte(summary, words))));
        lines.add(new Line(Kind.GAP, ""));
        lines.add(new Line(Kind.PROGRESS, words.render(summary.progress().words())));

        if (!summary.recommended().isEmpty()) {
            lines.add(new Line(Kind.GAP, ""));
            lines.add(new Line(Kind.HEADING, words.get("connect.summary.recommended")));
            for (RecommendedSource source : summary.recommended()) {
                lines.add(new Line(Kind.ITEM, mark(source) + " " + source.name() + " — " + words.render(source.state().text())));
                if (!source.reason().isBlank()) {
                    lines.add(new Line(Kind.DETAIL, reason(summary, source.providerId(), source.reason(), words)));
                }
            }
        }

        lines.add(new Line(Kind.GAP, ""));
        lines.add(new Line(Kind.HEADING, words.get("connect.summary.connections", summary.connections().size())));
        for (ConnectionEntry c : summary.connections()) {
            lines.add(new Line(Kind.ITEM, words.get("connect.summary.connection.account", c.providerName(), c.account())));
            String status = status(c, words);
            lines.add(new Line(Kind.DETAIL, c.lastError().filter(error -> !c.active())
                    .map(error -> words.get("connect.summary.connection.statusError", status, error))
                    .orElseGet(() -> words.get("connect.summary.connection.status", status))));
            String connected = when(c.createdAt(), zone, locale);
            lines.add(new Line(Kind.DETAIL, c.lastChecked()
                    .map(at -> words.get("connect.summary.connection.checked", when(at, zone, locale), connected))
                    .orElseGet(() -> words.get("connect.summary.connection.notChecked", connected))));
            lines.add(new Line(Kind.DETAIL, c.airbyte()
                    .map(at -> words.get("connect.summary.connection.where", location(at, words), c.sourceId()))
                    .orElseGet(() -> words.get("connect.summary.connection.whereUnknown", c.sourceId()))));
            lines.add(new Line(Kind.DETAIL, words.get("connect.summary.connection.streams", c.streams().size(),
                    String.join(", ", c.streams()))));
        }

        lines.add(new Line(Kind.GAP, ""));
        lines.add(new Line(Kind.HEADING, words.get("connect.summary.missing", summary.missing().size())));
        for (MissingItem item : summary.missing()) {
            lines.add(new Line(Kind.ITEM, "- " + missing(item, words)));
            lines.add(new Line(Kind.DETAIL, advice(summary, item, words)));
        }
        return List.copyOf(lines);
    }

    /** "Shopify — not connected", "Stripe (account acct_9) — needs attention". */
    static String missing(MissingItem item, Messages words) {
        SourceState state = item.kind() == OnboardingSummary.MissingKind.NOT_CONNECTED ? SourceState.NOT_CONNECTED
                : SourceState.NEEDS_ATTENTION;
        return item.account()
                .map(account -> words.get("connect.summary.missing.itemAccount", item.providerName(), account, state.text()))
                .orElseGet(() -> item.providerName() + " — " + words.render(state.text()));
    }

    /** Why it matters, when recommended, and what to do: "Your orders, products and customers. Connect it …". */
    static String advice(OnboardingSummary summary, MissingItem item, Messages words) {
        return item.reason().map(reason -> reason(summary, item.providerId(), reason, words))
                .map(reason -> reason.endsWith(".") ? reason + " " : reason + ". ").orElse("")
                + words.render(item.actionText());
    }

    /** The business's type in the language of {@code words}: "Online store", "Onlineshop". */
    static String typeName(OnboardingSummary summary, Messages words) {
        return CatalogWords.of(words.locale()).typeName(summary.business().typeId(), summary.business().typeName());
    }

    /** Why the business's type recommends the provider, in the language of {@code words}. */
    private static String reason(OnboardingSummary summary, String providerId, String reason, Messages words) {
        return CatalogWords.of(words.locale()).reason(summary.business().typeId(), providerId, reason);
    }

    /** The Airbyte and workspace in words: "Airbyte at http://…/api · workspace 3f2a…". */
    static String airbyte(OnboardingSummary summary, Messages words) {
        String description = words.render(summary.airbyte().text());
        return summary.airbyte().workspace().filter(w -> !summary.airbyte().description().contains(w))
                .map(w -> words.get("connect.summary.inWorkspace", description, w)).orElse(description);
    }

    /** A connection's status in words: "Connected", "Needs reconnecting", … */
    static String status(ConnectionEntry c, Messages words) {
        return words.render(ConnectionWords.status(c.status(), c.statusText()));
    }

    /** Where a connection was made, in words: "Airbyte at http://…, workspace ws-1", "the built-in simulator". */
    static String location(Location at, Messages words) {
        return words.render(new AirbyteLocation(at.address(), at.workspace()).text());
    }

    private static String mark(RecommendedSource source) {
        return switch (source.state()) {
            case CONNECTED -> "[x]";
            case NEEDS_ATTENTION -> "[!]";
            case NOT_CONNECTED -> "[ ]";
        };
    }

    /** A time as a person reads it where they are: "5 Mar 2026, 14:32 CET", "05.03.2026, 14:32 MEZ". */
    static String when(Instant at, ZoneId zone, Locale locale) {
        DateTimeFormatter format = locale.getLanguage().equals(Locale.ENGLISH.getLanguage()) ? ENGLISH_WHEN
                : DateTimeFormatter.ofPattern(DateTimeFormatterBuilder.getLocalizedDateTimePattern(FormatStyle.MEDIUM,
                        FormatStyle.SHORT, IsoChronology.INSTANCE, locale) + " z", locale);
        return format.format(at.atZone(zone));
    }
}
