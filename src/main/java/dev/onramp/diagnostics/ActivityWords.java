package dev.onramp.diagnostics;

import java.util.Map;
import java.util.Optional;

/** Says an audit action in a few plain words ("connect.succeeded" is "Connected"), where Onramp knows it. */
final class ActivityWords {
    private static final Map<String, String> WORDS = Map.ofEntries(
            Map.entry("tenant.created", "Business created"),
            Map.entry("demo.reset", "Demo reset"),
            Map.entry("demo.reset-refused", "Demo not reset"),
            Map.entry("tenant.renamed", "Business renamed"),
            Map.entry("tenant.retyped", "Business type changed"),
            Map.entry("tenant.deleted", "Business deleted"),
            Map.entry("tenant.delete-refused", "Business not deleted"),
            Map.entry("settings.changed", "Airbyte settings changed"),
            Map.entry("settings.redirect-changed", "Sign-in redirect changed"),
            Map.entry("connect.succeeded", "Connected"),
            Map.entry("connect.failed", "Connect failed"),
            Map.entry("connect.cancelled", "Connect cancelled"),
            Map.entry("connect.timed-out", "Connect timed out"),
            Map.entry("connect.recovered", "Unfinished connect finished after a restart"),
            Map.entry("connect.reauthorized", "Reconnected"),
            Map.entry("reconnect.failed", "Reconnect failed"),
            Map.entry("reconnect.cancelled", "Reconnect cancelled"),
            Map.entry("reconnect.timed-out", "Reconnect timed out"),
            Map.entry("connection.disconnected", "Disconnected"),
            Map.entry("connection.renamed", "Connection renamed"),
            Map.entry("connection.status-changed", "Connection status changed"),
            Map.entry("connection.credentials-updated", "Credentials updated"),
            Map.entry("connection.credentials-update.failed", "Credentials update failed"),
            Map.entry("connection.credentials-update.cancelled", "Credentials update cancelled"),
            Map.entry("connection.credentials-update.timed-out", "Credentials update timed out"),
            Map.entry("connection.credentials-update.refused", "Credentials update refused"),
            Map.entry("disconnect.failed", "Disconnect failed"),
            Map.entry("disconnect.refused", "Disconnect refused"),
            Map.entry("keys.rotate.secret-unreadable", "Key rotation found a secret it could not read"));

    private ActivityWords() {}

    /** The action in words, or empty when the raw action is all Onramp can say. */
    static Optional<String> of(String action) {
        return Optional.ofNullable(WORDS.get(action));
    }
}
