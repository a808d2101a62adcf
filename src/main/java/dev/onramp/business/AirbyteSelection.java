package dev.onramp.business;

import dev.onramp.airbyte.AirbyteGateway;
import dev.onramp.model.AirbyteSettings;
import dev.onramp.model.AirbyteSettings.Demo;
import dev.onramp.model.AirbyteSettings.SelfManaged;
import dev.onramp.model.TenantId;
import dev.onramp.store.SettingsRepository;
import java.net.URI;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * Decides which Airbyte each business uses (the one given on the command line for this run if any,
 * else the one its settings name, else the built-in simulator) and opens each distinct one's gateway once.
 */
public final class AirbyteSelection {
    private final SettingsRepository settings;
    private final Function<AirbyteSettings, AirbyteGateway> gateways;
    private final Optional<URI> override;
    private final Map<AirbyteSettings, AirbyteGateway> opened = new ConcurrentHashMap<>();

    /**
     * @param gateways opens the gateway to the Airbyte that settings name (normally
     *     {@link dev.onramp.airbyte.AirbyteGateways#open}); it fails with an
     *     {@link dev.onramp.airbyte.AirbyteException} saying what to change when this Onramp cannot
     *     talk to that kind of Airbyte
     * @param override a self-managed Airbyte's API base that every business uses for this run,
     *     whatever its settings say (the command line's {@code --airbyte-url})
     */
    public AirbyteSelection(SettingsRepository settings, Function<AirbyteSettings, AirbyteGateway> gateways,
            Optional<URI> override) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.gateways = Objects.requireNonNull(gateways, "gateways");
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
        return override.<AirbyteSettings>map(SelfManaged::new).orElseGet(() -> saved(tenant));
    }

    /**
     * The gateway to the Airbyte the business uses now; fails with an
     * {@link dev.onramp.airbyte.AirbyteException} saying what to change when its settings name an
     * Airbyte this Onramp cannot use.
     */
    public AirbyteGateway gatewayFor(TenantId tenant) {
        return gatewayFor(effective(tenant));
    }

    /** The gateway to the Airbyte that {@code target} names, e.g. to test settings before they are saved. */
    public AirbyteGateway gatewayFor(AirbyteSettings target) {
        return opened.computeIfAbsent(target, gateways);
    }
}
