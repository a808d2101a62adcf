package dev.onramp.connect;

import dev.onramp.model.FlowState;

/** Ends a flow early with the state to record and the sentence to show. */
final class FlowEnd extends RuntimeException {
    private final FlowState state;
    private final boolean retryable;

    FlowEnd(FlowState state, String message) {
        this(state, message, true);
    }

    /** {@code retryable} false: the same attempt can only end the same way. */
    FlowEnd(FlowState state, String message, boolean retryable) {
        super(message, null, false, false);
        this.state = state;
        this.retryable = retryable;
    }

    FlowState state() {
        return state;
    }

    boolean retryable() {
        return retryable;
    }
}
