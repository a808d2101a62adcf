package dev.onramp.oauth;

import java.net.URI;
import java.nio.file.Path;

/** Opens a URL in the person's browser; the system browser in production. */
@FunctionalInterface
public interface BrowserLauncher {
    /** Returns false when no browser could be opened, so the link can be shown to copy instead. */
    boolean open(URI url);

    /**
     * Opens {@code page}, an HTML file Onramp wrote on this computer (the user guide), in the person's browser;
     * false when no browser opened. Links from elsewhere go through {@link #open(URI)}, which takes web
     * addresses only.
     */
    default boolean openPage(Path page) {
        return open(page.toAbsolutePath().toUri());
    }
}
