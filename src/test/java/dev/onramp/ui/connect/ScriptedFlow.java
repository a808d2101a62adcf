package dev.onramp.ui.connect;

import dev.onramp.connect.ConnectFlow;
import dev.onramp.connect.ConnectListener;
import dev.onramp.connect.ConnectOutcome;
import dev.onramp.model.FlowId;
import dev.onramp.model.FlowState;
import java.util.concurrent.CompletableFuture;

/** A connect flow the test drives by hand: it reports steps to its listener and ends when told. */
final class ScriptedFlow implements ConnectFlow {
    final ConnectListener listener;
    private final FlowId id = FlowId.random();
    private final CompletableFuture<ConnectOutcome> outcome = new CompletableFuture<>();
    private volatile boolean cancelled;
    volatile boolean browserOpensAgain = true;
    volatile int openedAgain;

    ScriptedFlow(ConnectListener listener) {
        this.listener = listener;
    }

    @Override
    public FlowId id() {
        return id;
    }

    @Override
    public CompletableFuture<ConnectOutcome> outcome() {
        return outcome;
    }

    @Override
    public void cancel() {
        cancelled = true;
        end(FlowState.CANCELLED, "You cancelled connecting.");
    }

    @Override
    public boolean openConsentAgain() {
        openedAgain++;
        return browserOpensAgain;
    }

    boolean cancelled() {
        return cancelled;
    }

    void end(FlowState state, String message) {
        outcome.complete(new ConnectOutcome.Ended(id, state, message));
    }

    void complete(ConnectOutcome outcomeToReport) {
        outcome.complete(outcomeToReport);
    }
}
