package dev.onramp.connect;

import dev.onramp.model.Connection;
import dev.onramp.model.ConnectionStatus;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * What one check of a stored connection found: its status now (unchanged when the check could not
 * run), the status before, when it ran (or was tried, when {@code checked} is false), and Airbyte's
 * reason when it did not pass.
 */
public record ConnectionHealth(Connection connection, ConnectionStatus status, ConnectionStatus before,
        Instant checkedAt, Optional<String> error, boolean checked) {
    public ConnectionHealth {
        Objects.requireNonNull(connection, "connection");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(before, "before");
        Objects.requireNonNull(checkedAt, "checkedAt");
        Objects.requireNonNull(error, "error");
    }

    /** The status in a few words, as the command line shows it. */
    public String words() {
        if (!checked) {
            return "not checked";
        }
        return switch (status) {
            case ACTIVE -> "connected";
            case NEEDS_REAUTH -> "needs reconnecting";
            case FAILED -> "failing";
            case MISSING -> "missing in Airbyte";
            case OTHER_AIRBYTE -> "in another Airbyte";
            case DISCONNECTED -> "disconnected";
        };
    }
}
