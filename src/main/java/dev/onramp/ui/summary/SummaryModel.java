package dev.onramp.ui.summary;

import dev.onramp.connect.summary.OnboardingSummary;
import dev.onramp.connect.summary.SummaryFiles;
import dev.onramp.connect.summary.SummaryFormat;
import dev.onramp.connect.summary.SummaryText;
import dev.onramp.connect.summary.SummaryWriteException;
import dev.onramp.text.Messages;
import dev.onramp.ui.common.Failures;
import dev.onramp.ui.common.UiText;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.function.Supplier;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

/**
 * The Summary dialog's state: the business's summary, built in the background; an export to a file,
 * written in the background, and how it ended in one sentence; the summary as plain text for Copy.
 * Its state changes on the FX thread only.
 */
public final class SummaryModel {
    private final String businessName;
    private final Supplier<OnboardingSummary> build;
    private final Executor background;
    private final Executor fx;
    private final ZoneId zone;
    private final ReadOnlyObjectWrapper<OnboardingSummary> summary = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyBooleanWrapper loading = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyBooleanWrapper exporting = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper failed = new ReadOnlyBooleanWrapper(false);

    /**
     * @param build makes the summary; it blocks, so it runs on {@code background}
     * @param zone where the person reads the times (the text's and the PDF's)
     */
    public SummaryModel(String businessName, Supplier<OnboardingSummary> build, Executor background, Executor fx,
            ZoneId zone) {
        this.businessName = Objects.requireNonNull(businessName, "businessName");
        this.build = Objects.requireNonNull(build, "build");
        this.background = Objects.requireNonNull(background, "background");
        this.fx = Objects.requireNonNull(fx, "fx");
        this.zone = Objects.requireNonNull(zone, "zone");
    }

    /** Builds the summary in the background; the dialog shows it once it is there, or why it is not. */
    public void load() {
        loading.set(true);
        say("", false);
        CompletableFuture.supplyAsync(build, background).whenCompleteAsync((made, failure) -> {
            loading.set(false);
            if (failure != null) {
                say(UiText.get("ui.summary.failed", businessName, Failures.message(failure)), true);
            } else {
                summary.set(made);
            }
        }, fx);
    }

    /**
     * Writes the summary to {@code file} in {@code format} (the text and the PDF in the window's language), in the background: whole, or, when it cannot
     * be written, not at all and one sentence saying why.
     */
    public void export(SummaryFormat format, Path file) {
        OnboardingSummary shown = summary.get();
        if (shown == null || exporting.get()) {
            return;
        }
        exporting.set(true);
        Messages words = UiText.messages();
        say(UiText.get("ui.summary.saving", file.getFileName().toString()), false);
        CompletableFuture.runAsync(() -> SummaryFiles.write(file, format.render(shown, zone, words)), background)
                .whenCompleteAsync((done, failure) -> {
                    exporting.set(false);
                    if (failure == null) {
                        say(UiText.get("ui.summary.saved", file.toString()), false);
                    } else {
                        Throwable cause = failure.getCause() != null ? failure.getCause() : failure;
                        say(cause instanceof SummaryWriteException refused ? UiText.render(refused.text())
                                : UiText.get("ui.summary.notWritten", file.toString(), Failures.message(failure)), true);
                    }
                }, fx);
    }

    /** The summary as plain text in the window's language, for the clipboard; empty before it is there. */
    public Optional<String> text() {
        return Optional.ofNullable(summary.get()).map(made -> SummaryText.render(made, zone, UiText.messages()));
    }

    /** A file name to suggest for the export, e.g. "Demo-Coffee-Roasters-summary.pdf". */
    public String suggestedName(SummaryFormat format) {
        return Optional.ofNullable(summary.get()).map(format::fileName)
                .orElseGet(() -> UiText.get("ui.summary.fileName", format.extension()));
    }

    private void say(String text, boolean problem) {
        failed.set(problem);
        message.set(text);
    }

    public String businessName() {
        return businessName;
    }

    /** The times as the person reads them. */
    public ZoneId zone() {
        return zone;
    }

    /** The summary once built; null before. */
    public ReadOnlyObjectProperty<OnboardingSummary> summaryProperty() {
        return summary.getReadOnlyProperty();
    }

    /** True while the summary is being built. */
    public ReadOnlyBooleanProperty loadingProperty() {
        return loading.getReadOnlyProperty();
    }

    /** True while an export is being written. */
    public ReadOnlyBooleanProperty exportingProperty() {
        return exporting.getReadOnlyProperty();
    }

    /** How the last export (or the summary itself) went, in one sentence; empty when nothing to say. */
    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    /** True when {@link #messageProperty()} tells of a failure. */
    public ReadOnlyBooleanProperty failedProperty() {
        return failed.getReadOnlyProperty();
    }
}
