package dev.onramp.ui.common;

import dev.onramp.business.DemoAirbyte;
import dev.onramp.business.LanguageSetting;
import dev.onramp.business.RedirectService;
import dev.onramp.business.SettingsService;
import dev.onramp.business.TenantService;
import dev.onramp.business.ThemeSetting;
import dev.onramp.business.WindowPlacement;
import dev.onramp.catalog.Catalog;
import dev.onramp.connect.BusinessRemoval;
import dev.onramp.connect.ConnectService;
import dev.onramp.connect.CredentialsService;
import dev.onramp.connect.DemoReset;
import dev.onramp.connect.DisconnectService;
import dev.onramp.connect.ProviderLists;
import dev.onramp.diagnostics.Diagnostics;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.Executor;

/**
 * What the window needs from the rest of the app, in one value: the services, the executor for their
 * blocking calls, the FX thread's executor, whether the built-in simulator stands in for Airbyte, the
 * diagnostics the Help menu copies, disconnecting, the Demo menu's way to the simulator while it runs, and
 * each business's provider list ({@link ProviderLists#forBusiness}, refreshed in the background), deleting a business,
 * resetting the demo, the window's remembered theme, where the window was last closed, and its remembered language.
 */
public record UiServices(
        Catalog catalog,
        TenantService tenants,
        ConnectService connect,
        CredentialsService credentials,
        SettingsService settings,
        RedirectService redirects,
        Executor background,
        Executor fx,
        boolean demo,
        String airbyteDescription,
        Diagnostics diagnostics,
        DisconnectService disconnects,
        Optional<DemoAirbyte> demoAirbyte,
        ProviderLists providerLists,
        BusinessRemoval businessRemoval,
        Optional<DemoReset> demoReset,
        ThemeSetting theme,
        Optional<WindowPlacement> windowPlacement,
        LanguageSetting language) {
    public UiServices {
        Objects.requireNonNull(catalog, "catalog");
        Objects.requireNonNull(tenants, "tenants");
        Objects.requireNonNull(connect, "connect");
        Objects.requireNonNull(credentials, "credentials");
        Objects.requireNonNull(settings, "settings");
        Objects.requireNonNull(redirects, "redirects");
        Objects.requireNonNull(background, "background");
        Objects.requireNonNull(fx, "fx");
        Objects.requireNonNull(airbyteDescription, "airbyteDescription");
        Objects.requireNonNull(diagnostics, "diagnostics");
        Objects.requireNonNull(disconnects, "disconnects");
        Objects.requireNonNull(demoAirbyte, "demoAirbyte");
        Objects.requireNonNull(providerLists, "providerLists");
        Objects.requireNonNull(businessRemoval, "businessRemoval");
        Objects.requireNonNull(demoReset, "demoReset");
        Objects.requireNonNull(theme, "theme");
        Objects.requireNonNull(windowPlacement, "windowPlacement");
        Objects.requireNonNull(language, "language");
    }

    /** As the canonical constructor, the language chosen in View → Language kept only while the app runs. */
    public UiServices(Catalog catalog, TenantService tenants, ConnectService connect, CredentialsService credentials,
            SettingsService settings, RedirectService redirects, Executor background, Executor fx, boolean demo,
            String airbyteDescription, Diagnostics diagnostics, DisconnectService disconnects,
            Optional<DemoAirbyte> demoAirbyte, ProviderLists providerLists, BusinessRemoval businessRemoval,
            Optional<DemoReset> demoReset, ThemeSetting theme, Optional<WindowPlacement> windowPlacement) {
        this(catalog, tenants, connect, credentials, settings, redirects, background, fx, demo, airbyteDescription,
                diagnostics, disconnects, demoAirbyte, providerLists, businessRemoval, demoReset, theme, windowPlacement,
                LanguageSetting.unsaved());
    }
}
