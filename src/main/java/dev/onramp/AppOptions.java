package dev.onramp;

import dev.onramp.oauth.BrowserLauncher;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

/**
 * How to build the app: where its data lives, which Airbyte to use (none means the embedded
 * simulator), how the browser is opened, and the waits.
 */
public record AppOptions(
        Path dataDir,
        Optional<URI> airbyteUrl,
        BrowserLauncher browser,
        Duration simulatorLatency,
        Duration consentTimeout) {}
