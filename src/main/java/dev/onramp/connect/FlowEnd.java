package dev.onramp.connect;

import dev.onramp.model.FlowState;

/** Ends a flow early with the state to record and the sentence to show. */
final class FlowEnd extends RuntimeException {
    private final FlowState state;

    FlowEnd(FlowState state, String message) {
        super(message, null, false, false);
        this.state = state;
    }

    FlowState state() {
        return state;
    }
}
