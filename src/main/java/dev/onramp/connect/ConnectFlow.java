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
}
