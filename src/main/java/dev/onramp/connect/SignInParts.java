package dev.onramp.connect;

import dev.onramp.airbyte.AirbyteGateway;
import dev.onramp.catalog.Catalog;
import dev.onramp.model.TenantId;
import dev.onramp.oauth.BrowserLauncher;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.function.Function;

/** What a sign-in flow (a connect or a reconnect) works with beside its stores. */
record SignInParts(Catalog catalog, Function<TenantId, AirbyteGateway> airbyteOf, BrowserLauncher browser,
        Duration consentTimeout, SecureRandom random) {}
