package dev.onramp.connect;

import dev.onramp.text.Messages;
import dev.onramp.text.Text;
import java.util.Objects;
import java.util.Optional;

/** Whether an OAuth connector's sign-in can start through a business's Airbyte, with a sentence a person can act on. */
public record SignInReadiness(String providerId, String providerName, State state, Text detailText,
        Optional<String> redirectUri) {
    public SignInReadiness {
        Objects.requireNonNull(providerId, "providerId");
        Objects.requireNonNull(providerName, "providerName");
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(detailText, "detailText");
        Objects.requireNonNull(redirectUri, "redirectUri");
    }

    /** {@link #detailText()} in the window's (the process's display) language. */
    public String detail() {
        return Messages.display().render(detailText);
    }

    /** Whether a sign-in to the connector can start through this Airbyte. */
    public enum State {
        /** Airbyte hands out the consent link. */
        READY("ready"),
        /** Airbyte has no OAuth app (client id and secret) for the connector; its operator sets one up. */
        NO_OAUTH_APP("no OAuth app"),
        /** Airbyte has OAuth switched off for the connector. */
        OAUTH_DISABLED("OAuth switched off"),
        /** This Airbyte does not have the connector. */
        NOT_INSTALLED("not installed"),
        /** This Airbyte does not offer a sign-in for the connector through its API (typed credentials instead). */
        NOT_OFFERED("not offered"),
        /** The check itself failed (unreachable, refused, …); the detail says why. */
        FAILED("check failed");

        private final String words;

        State(String words) {
            this.words = words;
        }

        /**
         * True when the operator of the business's Airbyte has something to set up or fix; a
         * sign-in that Airbyte does not offer at all (typed credentials are the way in) needs nothing.
         */
        public boolean needsSetUp() {
            return this != READY && this != NOT_OFFERED;
        }

        /** The state in a few words, in English (as JSON and logs say it). */
        public String words() {
            return words;
        }

        /** The state in a few words, as the command line says it in the run's language. */
        public Text text() {
            return switch (this) {
                case READY -> Text.of("connect.readiness.state.ready");
                case NO_OAUTH_APP -> Text.of("connect.readiness.state.noOAuthApp");
                case OAUTH_DISABLED -> Text.of("connect.readiness.state.oauthDisabled");
                case NOT_INSTALLED -> Text.of("connect.readiness.state.notInstalled");
                case NOT_OFFERED -> Text.of("connect.readiness.state.notOffered");
                case FAILED -> Text.of("connect.readiness.state.failed");
            };
        }
    }
}
