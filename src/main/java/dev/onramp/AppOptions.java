package dev.onramp;

import dev.onramp.oauth.BrowserLauncher;
import java.net.URI;
import java.nio.file.Path;
import dev.onramp.text.Locales;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;

/**
 * How to build the app: where its data lives, which Airbyte to use (none means the embedded
 * simulator), how the browser is opened, the waits, and the language the window speaks: given for this run
 * ({@code --locale}, {@code localeGiven}), it wins over the one chosen in View → Language; else the system's.
 */
public record AppOptions(
        Path dataDir,
        Optional<URI> airbyteUrl,
        BrowserLauncher browser,
        Duration simulatorLatency,
        Duration consentTimeout,
        Locale locale,
        boolean localeGiven) {

    /** As the canonical constructor, {@code locale} given for this run. */
    public AppOptions(Path dataDir, Optional<URI> airbyteUrl, BrowserLauncher browser, Duration simulatorLatency,
            Duration consentTimeout, Locale locale) {
        this(dataDir, airbyteUrl, browser, simulatorLatency, consentTimeout, locale, true);
    }

    /** As the canonical constructor, in the system's language (English when Onramp does not ship it). */
    public AppOptions(Path dataDir, Optional<URI> airbyteUrl, BrowserLauncher browser, Duration simulatorLatency,
            Duration consentTimeout) {
        this(dataDir, airbyteUrl, browser, simulatorLatency, consentTimeout, Locales.system(), false);
    }
}
