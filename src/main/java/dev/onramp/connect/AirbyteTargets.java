package dev.onramp.connect;

import dev.onramp.airbyte.AirbyteGateway;
import dev.onramp.model.AirbyteSettings;
import dev.onramp.model.AirbyteSettings.Cloud;
import dev.onramp.model.AirbyteSettings.Demo;
import dev.onramp.model.AirbyteSettings.SelfManaged;
import dev.onramp.model.TenantId;
import dev.onramp.store.SettingsRepository;
import java.net.URI;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Decides which Airbyte each business uses: the one given on the command line for this run if any,
 * else the one its settings name, else the built-in simulator. Gateways are built once per distinct
 * settings and reused.
 */
public final class AirbyteTargets implements TenantGateways {
    public static final String DEMO_DESCRIPTION = "Demo: the built-in Airbyte simulator";

    private final SettingsRepository settings;
    private final AirbyteGatewayFactory factory;
    private final Optional<URI> override;
    private final Map<AirbyteSettings, AirbyteGateway> gateways = new ConcurrentHashMap<>();

    /**
     * @param override a self-managed Airbyte's API base that every business uses for this run,
     *     whatever its settings say (the command line's {@code --airbyte-url})
     */
    public AirbyteTargets(SettingsRepository settings, AirbyteGatewayFactory factory, Optional<URI> override) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.factory = Objects.requireNonNull(factory, "factory");
        this.override = Objects.requireNonNull(override, "override");
    }

    /** The settings the business saved, or demo mode when it saved none. */
    public AirbyteSettings saved(TenantId tenant) {
        return settings.find(tenant).orElseGet(Demo::new);
    }

    /** The Airbyte address given for this run that overrides every business's settings, if any. */
    public Optional<URI> override() {
        return override;
    }

    /** The settings the business's flows use now: the override's, or its saved ones. */
    public AirbyteSettings effective(TenantId tenant) {
        return override.<AirbyteSettings>map(url -> new SelfManaged(url, Optional.empty())).orElseGet(() -> saved(tenant));
    }

    /** The Airbyte the business uses now. */
    public TenantAirbyte forTenant(TenantId tenant) {
        return open(effective(tenant));
    }

    /** The Airbyte that {@code target} names, e.g. to test settings before they are saved. */
    public TenantAirbyte open(AirbyteSettings target) {
        return new TenantAirbyte(target, gateways.computeIfAbsent(target, factory::open), describe(target));
    }

    @Override
    public AirbyteGateway gatewayFor(TenantId tenant) {
        return forTenant(tenant).gateway();
    }

    /** A short description of an Airbyte for the window's header and the command line, without secrets. */
    public static String describe(AirbyteSettings target) {
        return switch (target) {
            case Demo demo -> DEMO_DESCRIPTION;
            case SelfManaged selfManaged -> "Airbyte at " + selfManaged.url();
            case Cloud cloud -> "Airbyte Cloud, workspace " + cloud.workspaceId();
        };
    }
}
