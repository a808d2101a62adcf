package dev.onramp.connect;

import dev.onramp.airbyte.AirbyteGateway;
import dev.onramp.catalog.Catalog;
import dev.onramp.model.RedirectSettings;
import dev.onramp.model.TenantId;
import dev.onramp.oauth.BrowserLauncher;
import dev.onramp.oauth.LoopbackRedirects;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.function.Function;

/**
 * What a sign-in flow (a connect or a reconnect) works with beside its stores: among them the
 * process's redirect ports, the redirect each business's sign-ins use, and how a business's providers
 * are found ({@code providers}: the catalog's, or also those only its Airbyte lists).
 */
record SignInParts(Catalog catalog, ProviderLookup providers, Function<TenantId, AirbyteGateway> airbyteOf, BrowserLauncher browser,
        Duration consentTimeout, SecureRandom random, LoopbackRedirects redirects,
        Function<TenantId, RedirectSettings> redirectOf) {}
