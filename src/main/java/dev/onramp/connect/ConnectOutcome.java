package dev.onramp.connect;

import dev.onramp.model.Connection;
import dev.onramp.model.FlowId;
import dev.onramp.model.FlowState;

/** How a connect flow ended: connected, or ended in FAILED, CANCELLED or TIMED_OUT with a reason. */
public sealed interface ConnectOutcome {
    FlowId flowId();

    /** The flow stored a new connection. */
    record Connected(FlowId flowId, Connection connection) implements ConnectOutcome {}

    /** The flow ended without a connection; {@code message} says what happened and what to do next. */
    record Ended(FlowId flowId, FlowState state, String message) implements ConnectOutcome {}
}
