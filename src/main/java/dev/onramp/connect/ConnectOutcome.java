package dev.onramp.connect;

import dev.onramp.model.Connection;
import dev.onramp.model.FlowId;
import dev.onramp.model.FlowState;

/** How a connect flow ended: connected, or ended in FAILED, CANCELLED or TIMED_OUT with a reason. */
public sealed interface ConnectOutcome {
    FlowId flowId();

    /** The flow stored a new connection. */
    record Connected(FlowId flowId, Connection connection) implements ConnectOutcome {}

    /**
     * The flow ended without a connection; {@code message} says what happened and what to do next.
     * {@code retryable} is false when the same attempt can only end the same way (the sign-in is not
     * offered at all), so "Try again" would mislead.
     */
    record Ended(FlowId flowId, FlowState state, String message, boolean retryable) implements ConnectOutcome {
        /** An end worth trying again. */
        public Ended(FlowId flowId, FlowState state, String message) {
            this(flowId, state, message, true);
        }
    }
}
