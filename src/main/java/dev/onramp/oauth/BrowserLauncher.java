package dev.onramp.oauth;

import java.net.URI;

/** Opens a URL in the person's browser; the system browser in production. */
@FunctionalInterface
public interface BrowserLauncher {
    /** Returns false when no browser could be opened, so the link can be shown to copy instead. */
    boolean open(URI url);
}
