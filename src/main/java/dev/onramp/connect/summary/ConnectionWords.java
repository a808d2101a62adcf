package dev.onramp.connect.summary;

import dev.onramp.model.AirbyteLocation;
import dev.onramp.model.Connection;

/** How a summary words a connection's status, and what a person does about one that does not work. */
final class ConnectionWords {
    private ConnectionWords() {}

    /** "Connected", "Needs reconnecting", "Failing", "Missing in Airbyte", "In another Airbyte" or "Disconnected". */
    static String status(Connection c) {
        return switch (c.status()) {
            case ACTIVE -> "Connected";
            case NEEDS_REAUTH -> "Needs reconnecting";
            case FAILED -> "Failing";
            case MISSING -> "Missing in Airbyte";
            case OTHER_AIRBYTE -> "In another Airbyte";
            case DISCONNECTED -> "Disconnected";
        };
    }

    /** What to do about a connection that does not work, in a sentence; empty for one that works. */
    static String action(Connection c) {
        return switch (c.status()) {
            case ACTIVE, DISCONNECTED -> "";
            case NEEDS_REAUTH -> "The sign-in expired or was revoked: sign in again with Reconnect.";
            case FAILED -> c.lastError().filter(error -> !error.isBlank())
                    .orElse("Airbyte's check of this source failed: fix the account at the provider, then check again.");
            case MISSING -> "Airbyte no longer has this source: connect it again.";
            case OTHER_AIRBYTE -> c.lastError().filter(error -> !error.isBlank()).orElseGet(() -> "Made in "
                    + c.airbyte().map(AirbyteLocation::describe).orElse("another Airbyte")
                    + ": switch back in Settings, or connect it again.");
        };
    }

    /** What to do about a recommended provider the business has not connected. */
    static String connect(String providerId) {
        return "Connect it in the hub, or with onramp connect " + providerId + ".";
    }
}
