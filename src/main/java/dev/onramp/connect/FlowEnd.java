package dev.onramp.connect;

import dev.onramp.model.FlowState;
import dev.onramp.text.Messages;
import dev.onramp.text.Text;

/** Ends a flow early with the state to record and the sentence to show (its message is the English rendering). */
final class FlowEnd extends RuntimeException {
    private final FlowState state;
    private final transient Text text;
    private final boolean retryable;

    FlowEnd(FlowState state, Text text) {
        this(state, text, true);
    }

    /** {@code retryable} false: the same attempt can only end the same way. */
    FlowEnd(FlowState state, Text text, boolean retryable) {
        super(Messages.english().render(text), null, false, false);
        this.state = state;
        this.text = text;
        this.retryable = retryable;
    }

    FlowState state() {
        return state;
    }

    Text text() {
        return text;
    }

    boolean retryable() {
        return retryable;
    }
}
