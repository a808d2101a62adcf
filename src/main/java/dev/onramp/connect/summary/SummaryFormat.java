package dev.onramp.connect.summary;

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

    /** The summary's bytes in this form (text and JSON in UTF-8), times in {@code zone} where people read them. */
    public byte[] render(OnboardingSummary summary, ZoneId zone) {
        return switch (this) {
            case TEXT -> SummaryText.render(summary, zone).getBytes(StandardCharsets.UTF_8);
            case JSON -> SummaryJson.render(summary).getBytes(StandardCharsets.UTF_8);
            case PDF -> SummaryPdf.render(summary, zone);
        };
    }

    /** A file name for the business's summary in this form, e.g. "Demo-Coffee-Roasters-summary.pdf". */
    public String fileName(OnboardingSummary summary) {
        String name = summary.business().name().strip().replaceAll("[^\\p{L}\\p{N}._-]+", "-")
                .replaceAll("^-+|-+$", "");
        return (name.isEmpty() ? "onboarding" : name) + "-summary." + extension.toLowerCase(Locale.ROOT);
    }
}
