package dev.onramp.connect;

import dev.onramp.model.Connection;

/** How a disconnect ended: the connection disconnected, or left as it was with the reason and the way on. */
public sealed interface DisconnectOutcome {
    /** What happened, as a sentence to show a person. */
    String message();

    /** The connection is disconnected now; {@code message} says what became of its source in Airbyte. */
    record Disconnected(Connection connection, String message) implements DisconnectOutcome {}

    /**
     * Nothing changed: the connection stays as it was. {@code offersOnrampOnly} is true when Airbyte
     * could not delete the source (unreachable, too slow, failing, refusing Onramp), so removing the
     * connection from Onramp only, the source left in Airbyte, is the way on.
     */
    record NotDisconnected(String message, boolean offersOnrampOnly) implements DisconnectOutcome {}
}
