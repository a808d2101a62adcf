package dev.onramp.connect.summary;

import dev.onramp.text.Messages;
import java.nio.charset.StandardCharsets;
import java.time.ZoneId;
import java.util.Locale;

/** The forms a summary can be written in, each with its file extension. */
public enum SummaryFormat {
    TEXT("txt"),
    JSON("json"),
    PDF("pdf");

    private final String extension;

    SummaryFormat(String extension) {
        this.extension = extension;
    }

    /** "txt", "json" or "pdf". */
    public String extension() {
        return extension;
    }

    /** The summary's bytes in this form (text and JSON in UTF-8) in English, times in {@code zone}. */
    public byte[] render(OnboardingSummary summary, ZoneId zone) {
        return render(summary, zone, Messages.english());
    }

    /**
     * The summary's bytes in this form (text and JSON in UTF-8): the text and the PDF in the language of
     * {@code words}, times in {@code zone} where people read them; the JSON as it always is (English words).
     */
    public byte[] render(OnboardingSummary summary, ZoneId zone, Messages words) {
        return switch (this) {
            case TEXT -> SummaryText.render(summary, zone, words).getBytes(StandardCharsets.UTF_8);
            case JSON -> SummaryJson.render(summary).getBytes(StandardCharsets.UTF_8);
            case PDF -> SummaryPdf.render(summary, zone, words);
        };
    }

    /** A file name for the business's summary in this form, e.g. "Demo-Coffee-Roasters-summary.pdf". */
    public String fileName(OnboardingSummary summary) {
        String name = summary.business().name().strip().replaceAll("[^\\p{L}\\p{N}._-]+", "-")
                .replaceAll("^-+|-+$", "");
        return (name.isEmpty() ? "onboarding" : name) + "-summary." + extension.toLowerCase(Locale.ROOT);
    }
}
