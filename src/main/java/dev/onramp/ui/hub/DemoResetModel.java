package dev.onramp.ui.hub;

import dev.onramp.connect.DemoReset;
import dev.onramp.ui.common.Failures;
import dev.onramp.ui.common.UiText;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

/**
 * Demo → Reset demo…: reads what a reset would delete, asks, resets on {@code background} with each step shown,
 * says how it ended, and has the hub load its businesses again; the idle reset runs the same reset unasked.
 */
public final class DemoResetModel {
    /** The dialogs the reset asks for; the view opens them over the window without waiting. */
    public interface Dialogs {
        /** Asks whether to reset, saying what {@code plan} deletes; {@code confirmed} runs on yes only. */
        void confirm(DemoReset.Plan plan, Runnable confirmed);

        /** Says why the demo cannot be reset now. */
        void refuse(String message);
    }

    private final DemoReset reset;
    private final Runnable afterReset;
    private final Executor background;
    private final Executor fx;
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(this, "busy", false);
    private final ReadOnlyStringWrapper step = new ReadOnlyStringWrapper(this, "step", "");
    private final ReadOnlyStringWrapper result = new ReadOnlyStringWrapper(this, "result", "");

    /** @param afterReset runs on {@code fx} once the demo was reset (the hub loads its businesses again) */
    public DemoResetModel(DemoReset reset, Runnable afterReset, Executor background, Executor fx) {
        this.reset = Objects.requireNonNull(reset, "reset");
        this.afterReset = Objects.requireNonNull(afterReset, "afterReset");
        this.background = Objects.requireNonNull(background, "background");
        this.fx = Objects.requireNonNull(fx, "fx");
    }

    /** Reads what a reset would delete, then asks through {@code dialogs}, or says why it cannot be done now. */
    public void start(Dialogs dialogs) {
        if (busy.get()) {
            return;
        }
        busy.set(true);
        CompletableFuture.supplyAsync(reset::plan, background).whenCompleteAsync((plan, failure) -> {
            busy.set(false);
            if (failure != null) {
                dialogs.refuse(UiText.get("ui.hub.demoReset.unreadable", Failures.message(failure)));
            } else if (plan.refusal().isPresent()) {
                dialogs.refuse(plan.refusal().get());
            } else {
                dialogs.confirm(plan, () -> resetNow(outcome -> { }));
            }
        }, fx);
    }

    /**
     * Resets the demo without asking; {@code ended} hears how it ended, on {@code fx}. Ignored while a reset
     * runs already.
     */
    public void resetNow(Consumer<DemoReset.Outcome> ended) {
        if (busy.get()) {
            return;
        }
        busy.set(true);
        result.set("");
        step.set(UiText.get("ui.hub.demoReset.resetting"));
        CompletableFuture.supplyAsync(() -> reset.reset(text -> fx.execute(() -> step.set(text))), background)
                .exceptionally(failure -> new DemoReset.Outcome.NotReset(UiText.get("ui.hub.demoReset.failed",
                        Failures.message(failure))))
                .thenAcceptAsync(outcome -> {
                    busy.set(false);
                    step.set("");
                    result.set(outcome.message());
                    if (outcome instanceof DemoReset.Outcome.Reset) {
                        afterReset.run();
                    }
                    ended.accept(outcome);
                }, fx);
    }

    /** True while what the demo holds is read or the reset runs. */
    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    /** The step the reset is at, e.g. "Disconnecting HubSpot of Acme…"; empty when none runs. */
    public ReadOnlyStringProperty stepProperty() {
        return step.getReadOnlyProperty();
    }

    /** How the last reset ended, as a sentence; empty before one ends. */
    public ReadOnlyStringProperty resultProperty() {
        return result.getReadOnlyProperty();
    }
}
