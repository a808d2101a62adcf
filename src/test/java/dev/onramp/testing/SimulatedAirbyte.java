package dev.onramp.testing;

import dev.onramp.airbyte.ConfigApiGateway;
import dev.onramp.demo.AirbyteSimulator;
import java.time.Duration;

/**
 * A self-managed Airbyte for tests: the simulator, a recording {@link AirbyteProxy} in front of it,
 * and a Config API gateway that goes through the proxy, closed in reverse order.
 */
public record SimulatedAirbyte(AirbyteSimulator simulator, AirbyteProxy proxy, ConfigApiGateway gateway)
        implements AutoCloseable {
    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(10);

    /** Starts the simulator without delays, the proxy in front of it and the gateway to the proxy. */
    public static SimulatedAirbyte start() {
        AirbyteSimulator simulator = AirbyteSimulator.start(Duration.ZERO);
        AirbyteProxy proxy = AirbyteProxy.inFrontOf(simulator.apiBaseUrl());
        return new SimulatedAirbyte(simulator, proxy, new ConfigApiGateway(proxy.apiBase(), REQUEST_TIMEOUT));
    }

    /** A new gateway straight to the simulator, past the proxy. */
    public ConfigApiGateway directGateway() {
        return new ConfigApiGateway(simulator.apiBaseUrl(), REQUEST_TIMEOUT);
    }

    @Override
    public void close() {
        proxy.close();
        simulator.close();
    }
}
