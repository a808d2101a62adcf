package dev.onramp.airbyte;

import java.net.URI;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Makes the gateway an {@link AirbyteTarget} calls for: the Config API gateway for the demo
 * simulator and a self-managed Airbyte, the public API gateway for Airbyte Cloud, all with the same
 * call policy and connector names.
 */
public final class AirbyteGateways {
    private final CallPolicy policy;
    private final ConnectorNames names;
    private final Supplier<URI> demoApiBase;

    /**
     * @param policy timeouts and retries for every gateway
     * @param names the connectors' names, for errors that name them
     * @param demoApiBase the simulator's Config API base ({@code http://127.0.0.1:<port>/api}); asked
     *     only when a demo gateway is made, so the simulator may start late
     */
    public AirbyteGateways(CallPolicy policy, ConnectorNames names, Supplier<URI> demoApiBase) {
        this.policy = policy;
        this.names = names;
        this.demoApiBase = demoApiBase;
    }

    public AirbyteGateway open(AirbyteTarget target) {
        return switch (target) {
            case AirbyteTarget.Demo _ -> new ConfigApiGateway(demoApiBase.get(), Optional.empty(), policy, names);
            case AirbyteTarget.SelfManaged selfManaged ->
                    new ConfigApiGateway(selfManaged.apiBase(), selfManaged.login(), policy, names);
            case AirbyteTarget.Cloud cloud -> new PublicApiGateway(cloud, policy, names);
        };
    }
}
