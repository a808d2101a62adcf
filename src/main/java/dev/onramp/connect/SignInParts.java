package dev.onramp.connect;

import dev.onramp.catalog.Catalog;
import dev.onramp.oauth.BrowserLauncher;
import java.security.SecureRandom;
import java.time.Duration;

/** What a sign-in flow (a connect or a reconnect) works with beside its stores. */
record SignInParts(Catalog catalog, TenantGateways gateways, BrowserLauncher browser, Duration consentTimeout,
        SecureRandom random) {}
