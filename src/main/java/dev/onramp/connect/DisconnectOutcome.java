package dev.onramp.connect;

import dev.onramp.model.Connection;
import dev.onramp.text.Messages;
import dev.onramp.text.Text;

/** How a disconnect ended: the connection disconnected, or left as it was with the reason and the way on. */
public sealed interface DisconnectOutcome {
    /** What happened, as a key and its arguments, for the window and the command line to say in their language. */
    Text text();

    /** What happened, as a sentence in the window's (the process's display) language. */
    default String message() {
        return Messages.display().render(text());
    }

    /** The connection is disconnected now; {@code text} says what became of its source in Airbyte. */
    record Disconnected(Connection connection, Text text) implements DisconnectOutcome {}

    /**
     * Nothing changed: the connection stays as it was. {@code offersOnrampOnly} is true when Airbyte
     * could not delete the source (unreachable, too slow, failing, refusing Onramp), so removing the
     * connection from Onramp only, the source left in Airbyte, is the way on.
     */
    record NotDisconnected(Text text, boolean offersOnrampOnly) implements DisconnectOutcome {
        /** A refusal said in words already. */
        public NotDisconnected(String message, boolean offersOnrampOnly) {
            this(Text.verbatim(message), offersOnrampOnly);
        }
    }
}
