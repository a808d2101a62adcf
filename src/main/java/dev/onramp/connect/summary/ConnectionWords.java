package dev.onramp.connect.summary;

import dev.onramp.model.AirbyteLocation;
import dev.onramp.model.Connection;
import dev.onramp.model.ConnectionStatus;
import dev.onramp.text.Text;

/** How a summary words a connection's status, and what a person does about one that does not work. */
final class ConnectionWords {
    private ConnectionWords() {}

    /** "Connected", "Needs reconnecting", "Failing", "Missing in Airbyte", "In another Airbyte" or "Disconnected". */
    static Text status(ConnectionStatus status) {
        return switch (status) {
            case ACTIVE -> Text.of("connect.summary.status.active");
            case NEEDS_REAUTH -> Text.of("connect.summary.status.needsReauth");
            case FAILED -> Text.of("connect.summary.status.failed");
            case MISSING -> Text.of("connect.summary.status.missing");
            case OTHER_AIRBYTE -> Text.of("connect.summary.status.otherAirbyte");
            case DISCONNECTED -> Text.of("connect.summary.status.disconnected");
        };
    }

    /**
     * The words of a status given by its name ({@code ACTIVE}, …), else {@code written} as it is (a status
     * this Onramp does not know).
     */
    static Text status(String name, String written) {
        for (ConnectionStatus status : ConnectionStatus.values()) {
            if (status.name().equals(name)) {
                return status(status);
            }
        }
        return Text.verbatim(written);
    }

    /** What to do about a connection that does not work, in a sentence; empty words for one that works. */
    static Text action(Connection c) {
        return switch (c.status()) {
            case ACTIVE, DISCONNECTED -> Text.verbatim("");
            case NEEDS_REAUTH -> Text.of("connect.summary.action.needsReauth");
            case FAILED -> c.lastError().filter(error -> !error.isBlank()).map(Text::verbatim)
                    .orElseGet(() -> Text.of("connect.summary.action.failed"));
            case MISSING -> Text.of("connect.summary.action.missing");
            case OTHER_AIRBYTE -> c.lastError().filter(error -> !error.isBlank()).map(Text::verbatim)
                    .orElseGet(() -> Text.of("connect.summary.action.otherAirbyte", c.airbyte().map(AirbyteLocation::text)
                            .orElseGet(() -> Text.of("connect.summary.action.anotherAirbyte"))));
        };
    }

    /** What to do about a recommended provider the business has not connected. */
    static Text connect(String providerId) {
        return Text.of("connect.summary.action.connect", providerId);
    }
}
