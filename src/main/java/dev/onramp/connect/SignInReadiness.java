package dev.onramp.connect;

import java.util.Objects;
import java.util.Optional;

/** Whether an OAuth connector's sign-in can start through a business's Airbyte, with a sentence a person can act on. */
public record SignInReadiness(String providerId, String providerName, State state, String detail,
        Optional<String> redirectUri) {
    public SignInReadiness {
        Objects.requireNonNull(providerId, "providerId");
        Objects.requireNonNull(providerName, "providerName");
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(detail, "detail");
        Objects.requireNonNull(redirectUri, "redirectUri");
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

        /** The state in a few words, as the command line and the window show it. */
        public String words() {
            return words;
        }
    }
}
