package dev.onramp.connect;

import java.net.URI;
import java.time.Instant;

/**
 * Hears a connect flow's progress; called on the flow's background thread, so a UI must hop to
 * its own thread.
 */
public interface ConnectListener {
    void onStep(ConnectStep step);

    /** The consent link, and whether the system browser opened it (if not, show it to copy). */
    void onConsentUrl(URI consentUrl, boolean browserOpened);

    /** When the wait for the browser's answer ends, told right after the consent link. */
    default void onConsentDeadline(Instant deadline) {}

    ConnectListener NONE = new ConnectListener() {
        @Override
        public void onStep(ConnectStep step) {}

        @Override
        public void onConsentUrl(URI consentUrl, boolean browserOpened) {}
    };
}
