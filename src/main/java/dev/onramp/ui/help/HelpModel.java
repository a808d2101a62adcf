package dev.onramp.ui.help;

import dev.onramp.ui.common.Failures;
import dev.onramp.ui.common.UiText;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import java.util.function.Supplier;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

/**
 * The Help menu's state: gathers the diagnostics on {@code background} (they call Airbyte and read
 * the database), then hands them to the clipboard and says so on {@code fx}; says why the guide did not open.
 */
public final class HelpModel {

    private final Supplier<String> diagnostics;
    private final Executor background;
    private final Executor fx;
    private final Consumer<String> clipboard;
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(this, "busy", false);
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper(this, "status", "");
    private final ReadOnlyStringWrapper keyStoreNotice = new ReadOnlyStringWrapper(this, "keyStoreNotice", "");
    private String documentationProblem = "";

    /**
     * @param diagnostics gathers the text to copy; blocks
     * @param clipboard   puts text on the clipboard; called on {@code fx}
     */
    public HelpModel(Supplier<String> diagnostics, Executor background, Executor fx, Consumer<String> clipboard) {
        this(diagnostics, background, fx, clipboard, Optional.empty());
    }

    /** @param keyStoreNotice why the key is in a file rather than the system's key store, if it is */
    public HelpModel(Supplier<String> diagnostics, Executor background, Executor fx, Consumer<String> clipboard,
            Optional<String> keyStoreNotice) {
        this.diagnostics = Objects.requireNonNull(diagnostics, "diagnostics");
        this.background = Objects.requireNonNull(background, "background");
        this.fx = Objects.requireNonNull(fx, "fx");
        this.clipboard = Objects.requireNonNull(clipboard, "clipboard");
        keyStoreNotice.ifPresent(this.keyStoreNotice::set);
    }

    /** Starts gathering; does nothing while an earlier copy is still gathering. */
    public void copyDiagnostics() {
        if (busy.get()) {
            return;
        }
        busy.set(true);
        status.set(gathering());
        CompletableFuture.supplyAsync(diagnostics, background).whenCompleteAsync(this::onGathered, fx);
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    /** What happened to the last copy, for a line beside the menu; empty before the first. */
    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }

    /** Clears a confirmation that has been read (the menu's line hides it after a few seconds); a failure stays. */
    public void clearCopied() {
        if (copied().equals(status.get())) {
            status.set("");
        }
    }

    /**
     * Says on the line beside the menu why the user guide did not open, or, once it did, clears an earlier such
     * sentence; call it on the FX thread.
     */
    public void showDocumentationOpened(Optional<String> problem) {
        if (problem.isPresent()) {
            documentationProblem = problem.get();
            status.set(documentationProblem);
        } else if (!documentationProblem.isEmpty() && documentationProblem.equals(status.get())) {
            status.set("");
        }
    }

    /** Shows why the key is in a file, once the store has opened and knows; call it on the FX thread. */
    public void showKeyStoreNotice(Optional<String> notice) {
        keyStoreNotice.set(notice.orElse(""));
    }

    /** Why the key is in a file rather than the system's key store; empty when it is not. */
    public ReadOnlyStringProperty keyStoreNoticeProperty() {
        return keyStoreNotice.getReadOnlyProperty();
    }

    /** What the line beside the menu says while the diagnostics are gathered. */
    static String gathering() {
        return UiText.get("ui.help.gathering");
    }

    /** What the line beside the menu says once they are on the clipboard; it goes after a few seconds. */
    static String copied() {
        return UiText.get("ui.help.copied");
    }

    private void onGathered(String text, Throwable failure) {
        busy.set(false);
        if (failure != null) {
            status.set(UiText.get("ui.help.gatherFailed", Failures.message(failure)));
            return;
        }
        clipboard.accept(text);
        status.set(copied());
    }
}
