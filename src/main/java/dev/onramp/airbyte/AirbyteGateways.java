package dev.onramp.airbyte;

import dev.onramp.model.AirbyteLocation;
import dev.onramp.model.AirbyteSettings;
import java.net.URI;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The one place that turns a business's {@link AirbyteSettings} into a gateway: the Config API
 * gateway for the demo simulator and a self-managed Airbyte, the public API gateway for Airbyte
 * Cloud, all with the same call policy and connector names.
 */
public final class AirbyteGateways {
    private final CallPolicy policy;
    private final ConnectorNames names;
    private final ShippedSpecs specs;
    private final Supplier<URI> demoApiBase;

    /**
     * @param policy timeouts and retries for every gateway
     * @param names the connectors' names, for errors that name them
     * @param specs the specifications Onramp ships, which a configuration for Airbyte Cloud must fit
     * @param demoApiBase the simulator's Config API base ({@code http://127.0.0.1:<port>/api}); asked
     *     only when a demo gateway is made, so the simulator may start late
     */
    public AirbyteGateways(CallPolicy policy, ConnectorNames names, ShippedSpecs specs, Supplier<URI> demoApiBase) {
        this.policy = policy;
        this.names = names;
        this.specs = specs;
        this.demoApiBase = demoApiBase;
    }

    /**
     * A gateway to the Airbyte that {@code settings} name.
     *
     * @throws AirbyteException when this run cannot reach that kind of Airbyte (the simulator is not running)
     * @throws IllegalArgumentException when a self-managed Airbyte's address is plain http to another computer
     */
    public AirbyteGateway open(AirbyteSettings settings) {
        return switch (settings) {
            case AirbyteSettings.Demo _ -> new ConfigApiGateway(demoApiBase.get(), AirbyteLocation.BUILT_IN_SIMULATOR,
                    Optional.empty(), policy, names);
            case AirbyteSettings.SelfManaged selfManaged ->
                    new ConfigApiGateway(selfManaged.url(), selfManaged.login(), policy, names);
            case AirbyteSettings.Cloud cloud -> new PublicApiGateway(cloud, policy, names, specs);
        };
    }
}
