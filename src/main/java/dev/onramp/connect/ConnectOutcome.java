package dev.onramp.connect;

import dev.onramp.model.Connection;
import dev.onramp.model.FlowId;
import dev.onramp.model.FlowState;
import dev.onramp.text.Messages;
import dev.onramp.text.Text;

/** How a connect flow ended: connected, or ended in FAILED, CANCELLED or TIMED_OUT with a reason. */
public sealed interface ConnectOutcome {
    FlowId flowId();

    /** The flow stored a new connection. */
    record Connected(FlowId flowId, Connection connection) implements ConnectOutcome {}

    /**
     * The flow ended without a connection; {@code text} says what happened and what to do next.
     * {@code retryable} is false when the same attempt can only end the same way (the sign-in is not
     * offered at all), so "Try again" would mislead.
     */
    record Ended(FlowId flowId, FlowState state, Text text, boolean retryable) implements ConnectOutcome {
        /** An end worth trying again. */
        public Ended(FlowId flowId, FlowState state, Text text) {
            this(flowId, state, text, true);
        }

        /** An end said in words already. */
        public Ended(FlowId flowId, FlowState state, String message, boolean retryable) {
            this(flowId, state, Text.verbatim(message), retryable);
        }

        /** An end said in words already, worth trying again. */
        public Ended(FlowId flowId, FlowState state, String message) {
            this(flowId, state, Text.verbatim(message), true);
        }

        /** {@link #text()} in the window's (the process's display) language. */
        public String message() {
            return Messages.display().render(text);
        }
    }
}
