package dev.onramp.connect;

import dev.onramp.model.Connection;
import dev.onramp.model.ConnectionStatus;
import dev.onramp.text.Messages;
import dev.onramp.text.Text;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * What one check of a stored connection found: its status now (unchanged when the check could not
 * run), the status before, when it ran (or was tried, when {@code checked} is false), and the reason
 * when it did not pass: {@code errorText} to say it in a person's language, {@code error} in English as
 * it is kept with the connection.
 */
public record ConnectionHealth(Connection connection, ConnectionStatus status, ConnectionStatus before,
        Instant checkedAt, Optional<String> error, boolean checked, Optional<Text> errorText) {
    public ConnectionHealth {
        Objects.requireNonNull(connection, "connection");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(before, "before");
        Objects.requireNonNull(checkedAt, "checkedAt");
        Objects.requireNonNull(error, "error");
        Objects.requireNonNull(errorText, "errorText");
    }

    /** A check whose reason is said in words already. */
    public ConnectionHealth(Connection connection, ConnectionStatus status, ConnectionStatus before, Instant checkedAt,
            Optional<String> error, boolean checked) {
        this(connection, status, before, checkedAt, error, checked, error.map(Text::verbatim));
    }

    /** A check whose reason is a key and its arguments; {@code error} is its English rendering. */
    static ConnectionHealth of(Connection connection, ConnectionStatus status, ConnectionStatus before,
            Instant checkedAt, Optional<Text> reason, boolean checked) {
        return new ConnectionHealth(connection, status, before, checkedAt, reason.map(Messages.english()::render),
                checked, reason);
    }

    /** The status in a few words, as the command line shows it. */
    public Text wordsText() {
        if (!checked) {
            return Text.of("connect.health.notChecked");
        }
        return switch (status) {
            case ACTIVE -> Text.of("connect.health.active");
            case NEEDS_REAUTH -> Text.of("connect.health.needsReauth");
            case FAILED -> Text.of("connect.health.failed");
            case MISSING -> Text.of("connect.health.missing");
            case OTHER_AIRBYTE -> Text.of("connect.health.otherAirbyte");
            case DISCONNECTED -> Text.of("connect.health.disconnected");
        };
    }

    /** {@link #wordsText()} in the window's (the process's display) language. */
    public String words() {
        return Messages.display().render(wordsText());
    }
}
