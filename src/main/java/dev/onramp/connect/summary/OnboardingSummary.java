package dev.onramp.connect.summary;

import dev.onramp.text.Messages;
import dev.onramp.text.Text;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A business's onboarding at one moment: the Airbyte its sources go to, how many of its recommended
 * providers are connected, each live connection and what is still missing. It holds ids, names and
 * statuses only, never a secret (no token, no configuration value).
 */
public record OnboardingSummary(
        Instant generatedAt,
        Business business,
        Airbyte airbyte,
        Progress progress,
        List<RecommendedSource> recommended,
        List<ConnectionEntry> connections,
        List<MissingItem> missing) {
    /** The version of the JSON schema ({@code docs/summary-schema.md}); fields are only added within it. */
    public static final int SCHEMA_VERSION = 1;

    public OnboardingSummary {
        Objects.requireNonNull(generatedAt, "generatedAt");
        Objects.requireNonNull(business, "business");
        Objects.requireNonNull(airbyte, "airbyte");
        Objects.requireNonNull(progress, "progress");
        recommended = List.copyOf(recommended);
        connections = List.copyOf(connections);
        missing = List.copyOf(missing);
    }

    /** The business: its id, its name, and the kind of business its recommendations come from. */
    public record Business(String id, String name, String typeId, String typeName) {
        public Business {
            Objects.requireNonNull(id, "id");
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(typeId, "typeId");
            Objects.requireNonNull(typeName, "typeName");
        }
    }

    /** What kind of Airbyte a business uses. */
    public enum AirbyteKind { DEMO, SELF_MANAGED, CLOUD }

    /**
     * The Airbyte the business's connections go to now: its kind, how a person reads it, its address
     * (none for the built-in simulator, whose address changes each run) and the workspace, when known;
     * {@code text} is the description not yet put into words, which {@code description} says in English.
     */
    public record Airbyte(AirbyteKind kind, String description, Optional<String> url, Optional<String> workspace,
            Text text) {
        public Airbyte {
            Objects.requireNonNull(kind, "kind");
            Objects.requireNonNull(description, "description");
            Objects.requireNonNull(url, "url");
            Objects.requireNonNull(workspace, "workspace");
            Objects.requireNonNull(text, "text");
        }

        /** An Airbyte described by {@code text}, its English rendering the description. */
        public Airbyte(AirbyteKind kind, Text text, Optional<String> url, Optional<String> workspace) {
            this(kind, Messages.english().render(text), url, workspace, text);
        }

        /** An Airbyte whose description is said the same in every language. */
        public Airbyte(AirbyteKind kind, String description, Optional<String> url, Optional<String> workspace) {
            this(kind, description, url, workspace, Text.verbatim(description));
        }
    }

    /** How far the business is: of its recommended providers, how many are connected, need attention, or are not connected. */
    public record Progress(int recommended, int connected, int needsAttention, int notConnected) {
        /** True when every recommended provider is connected. */
        public boolean complete() {
            return connected == recommended;
        }

        /** "3 of 5 recommended sources connected", "All 5 recommended sources connected", … in English. */
        public String text() {
            return ProgressText.of(connected, recommended);
        }

        /** {@link #text()} not yet put into words, for the language a person reads. */
        public Text words() {
            return ProgressText.text(connected, recommended);
        }
    }

    /** Where a recommended provider stands for the business. */
    public enum SourceState {
        /** One of its connections works. */
        CONNECTED("connected"),
        /** It has a connection, but none works (needs reconnecting, failing, missing in Airbyte, in another Airbyte). */
        NEEDS_ATTENTION("needs attention"),
        /** It has no connection. */
        NOT_CONNECTED("not connected");

        private final String words;

        SourceState(String words) {
            this.words = words;
        }

        /** "connected", "needs attention" or "not connected", in English. */
        public String words() {
            return words;
        }

        /** {@link #words()} not yet put into words, for the language a person reads. */
        public Text text() {
            return switch (this) {
                case CONNECTED -> Text.of("connect.summary.state.connected");
                case NEEDS_ATTENTION -> Text.of("connect.summary.state.needsAttention");
                case NOT_CONNECTED -> Text.of("connect.summary.state.notConnected");
            };
        }
    }

    /** A provider recommended for the business, why, and where it stands. */
    public record RecommendedSource(String providerId, String name, String reason, SourceState state) {
        public RecommendedSource {
            Objects.requireNonNull(providerId, "providerId");
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(reason, "reason");
            Objects.requireNonNull(state, "state");
        }
    }

    /**
     * One live connection: its provider, account label, status in words and as the enum's name, when it was
     * last checked, its streams, its source's id and the Airbyte (and workspace) it was made in, when known.
     */
    public record ConnectionEntry(
            String id,
            String providerId,
            String providerName,
            String account,
            String status,
            String statusText,
            String sourceId,
            Instant createdAt,
            Optional<Instant> lastChecked,
            Optional<String> lastError,
            List<String> streams,
            Optional<Location> airbyte) {
        public ConnectionEntry {
            Objects.requireNonNull(id, "id");
            Objects.requireNonNull(providerId, "providerId");
            Objects.requireNonNull(providerName, "providerName");
            Objects.requireNonNull(account, "account");
            Objects.requireNonNull(status, "status");
            Objects.requireNonNull(statusText, "statusText");
            Objects.requireNonNull(sourceId, "sourceId");
            Objects.requireNonNull(createdAt, "createdAt");
            Objects.requireNonNull(lastChecked, "lastChecked");
            Objects.requireNonNull(lastError, "lastError");
            streams = List.copyOf(streams);
            Objects.requireNonNull(airbyte, "airbyte");
        }

        /** True when the connection works. */
        public boolean active() {
            return status.equals("ACTIVE");
        }
    }

    /** The Airbyte a connection's source was made in: its address, its workspace when known, and in words. */
    public record Location(String address, Optional<String> workspace, String description) {
        public Location {
            Objects.requireNonNull(address, "address");
            Objects.requireNonNull(workspace, "workspace");
            Objects.requireNonNull(description, "description");
        }
    }

    /** Why something is on the missing list. */
    public enum MissingKind {
        /** A recommended provider the business has not connected. */
        NOT_CONNECTED,
        /** A connection that does not work. */
        NEEDS_ATTENTION
    }

    /**
     * Something still to do: a recommended provider not connected (with why it is recommended), or a
     * connection that needs attention (its account label and status then given), with what to do about it
     * in one sentence ({@code action} in English, {@code actionText} for the language a person reads).
     */
    public record MissingItem(MissingKind kind, String providerId, String providerName, Optional<String> account,
            Optional<String> status, Optional<String> reason, String action, Text actionText) {
        /** An item whose action is {@code actionText}, its English rendering the action. */
        public MissingItem(MissingKind kind, String providerId, String providerName, Optional<String> account,
                Optional<String> status, Optional<String> reason, Text actionText) {
            this(kind, providerId, providerName, account, status, reason, Messages.english().render(actionText),
                    actionText);
        }

        /** An item whose action is said the same in every language. */
        public MissingItem(MissingKind kind, String providerId, String providerName, Optional<String> account,
                Optional<String> status, Optional<String> reason, String action) {
            this(kind, providerId, providerName, account, status, reason, action, Text.verbatim(action));
        }

        public MissingItem {
            Objects.requireNonNull(actionText, "actionText");
            Objects.requireNonNull(reason, "reason");
            Objects.requireNonNull(kind, "kind");
            Objects.requireNonNull(providerId, "providerId");
            Objects.requireNonNull(providerName, "providerName");
            Objects.requireNonNull(account, "account");
            Objects.requireNonNull(status, "status");
            Objects.requireNonNull(action, "action");
        }
    }
}
