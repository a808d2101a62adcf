package dev.onramp.connect;

import dev.onramp.model.FlowId;
import java.util.concurrent.CompletableFuture;

/** A running connect flow: its id, its outcome to come, and a way to cancel it. */
public interface ConnectFlow {
    FlowId id();

    /** Completes (never exceptionally) when the flow reaches an end. */
    CompletableFuture<ConnectOutcome> outcome();

    /** Ends the flow as CANCELLED, undoing anything it created in Airbyte. */
    void cancel();

    /**
     * Opens the consent link in the system browser again while the flow waits for the answer (the
     * person closed the tab, or the first opening went to the wrong window); false when it is not
     * waiting or the browser did not open.
     */
    default boolean openConsentAgain() {
        return false;
    }
}
