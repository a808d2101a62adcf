package dev.onramp.ui.hub;

import dev.onramp.connect.DisconnectListener;
import dev.onramp.connect.DisconnectOutcome;
import dev.onramp.connect.DisconnectScope;
import dev.onramp.connect.DisconnectStep;
import dev.onramp.model.Connection;
import dev.onramp.ui.common.Failures;
import dev.onramp.ui.common.UiText;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.function.BiFunction;
import java.util.function.Consumer;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

/**
 * The state of one "Disconnect …" dialog: the question that names the account, the disconnect
 * running in the background with its step, and how it ended, with "Remove from Onramp only" offered
 * when Airbyte could not delete the source. Every state change happens on the {@code fx} executor.
 */
public final class DisconnectModel {
    /** Where the dialog stands. */
    public enum Phase {
        /** Asking whether to disconnect; nothing runs. */
        CONFIRMING,
        /** The disconnect runs; its step is shown. */
        RUNNING,
        /** The connection is disconnected; the message says what became of its source. */
        DISCONNECTED,
        /** The connection stays as it was; the message says why. */
        FAILED
    }

    private final String title;
    private final String question;
    private final BiFunction<DisconnectScope, DisconnectListener, DisconnectOutcome> disconnecter;
    private final Consumer<Connection> onDisconnected;
    private final Executor background;
    private final Executor fx;

    private final ReadOnlyObjectWrapper<Phase> phase = new ReadOnlyObjectWrapper<>(Phase.CONFIRMING);
    private final ReadOnlyStringWrapper step = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper offersOnrampOnly = new ReadOnlyBooleanWrapper(false);

    /**
     * @param title the dialog's title, e.g. "Disconnect HubSpot"
     * @param question what is asked, naming the account and the business
     * @param disconnecter runs the disconnect with the given scope and listener; it blocks, so it runs on
     *     {@code background}
     * @param onDisconnected hears the disconnected connection, on the {@code fx} executor
     */
    DisconnectModel(String title, String question,
            BiFunction<DisconnectScope, DisconnectListener, DisconnectOutcome> disconnecter,
            Consumer<Connection> onDisconnected, Executor background, Executor fx) {
        this.title = title;
        this.question = question;
        this.disconnecter = disconnecter;
        this.onDisconnected = onDisconnected;
        this.background = background;
        this.fx = fx;
    }

    /** Deletes the source in Airbyte, then marks the connection disconnected. */
    public void disconnect() {
        run(DisconnectScope.AIRBYTE_AND_ONRAMP, UiText.get("ui.hub.disconnectDialog.asking"));
    }

    /** Marks the connection disconnected without asking Airbyte; its source stays there. */
    public void removeFromOnrampOnly() {
        run(DisconnectScope.ONRAMP_ONLY, UiText.get("ui.hub.disconnectDialog.removing"));
    }

    private void run(DisconnectScope scope, String first) {
        if (phase.get() == Phase.RUNNING) {
            return;
        }
        phase.set(Phase.RUNNING);
        step.set(first);
        message.set("");
        offersOnrampOnly.set(false);
        DisconnectListener listener = shown -> fx.execute(() -> onStep(shown));
        CompletableFuture.supplyAsync(() -> disconnecter.apply(scope, listener), background)
                .whenCompleteAsync(this::onOutcome, fx);
    }

    private void onStep(DisconnectStep shown) {
        if (phase.get() == Phase.RUNNING) {
            step.set(shown.label() + "…");
        }
    }

    private void onOutcome(DisconnectOutcome outcome, Throwable failure) {
        step.set("");
        if (failure != null) {
            phase.set(Phase.FAILED);
            message.set(UiText.get("ui.hub.disconnectDialog.failed", Failures.message(failure)));
            return;
        }
        message.set(outcome.message());
        switch (outcome) {
            case DisconnectOutcome.Disconnected done -> {
                phase.set(Phase.DISCONNECTED);
                onDisconnected.accept(done.connection());
            }
            case DisconnectOutcome.NotDisconnected failed -> {
                offersOnrampOnly.set(failed.offersOnrampOnly());
                phase.set(Phase.FAILED);
            }
        }
    }

    /** The dialog's title, e.g. "Disconnect HubSpot". */
    public String title() {
        return title;
    }

    /** What is asked before anything runs, naming the account and the business. */
    public String question() {
        return question;
    }

    public ReadOnlyObjectProperty<Phase> phaseProperty() {
        return phase.getReadOnlyProperty();
    }

    /** The step under way while it runs; empty otherwise. */
    public ReadOnlyStringProperty stepProperty() {
        return step.getReadOnlyProperty();
    }

    /** How it ended, as a sentence; empty until then. */
    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    /**
     * True when Airbyte could not delete the source, so "Remove from Onramp only" (the source left in
     * Airbyte) is offered as a second choice.
     */
    public ReadOnlyBooleanProperty offersOnrampOnlyProperty() {
        return offersOnrampOnly.getReadOnlyProperty();
    }
}
