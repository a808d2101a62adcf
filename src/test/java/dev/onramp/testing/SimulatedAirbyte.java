package dev.onramp.testing;

import dev.onramp.airbyte.ConfigApiGateway;
import dev.onramp.demo.AirbyteSimulator;
import java.time.Duration;

/**
 * A self-managed Airbyte for tests: the simulator, a recording {@link AirbyteProxy} in front of it,
 * and a Config API gateway that goes through the proxy, closed in reverse order.
 */
public final class SimulatedAirbyte implements AutoCloseable {
    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(10);

    private final AirbyteSimulator simulator;
    private final AirbyteProxy proxy;
    private final ConfigApiGateway gateway;

    private SimulatedAirbyte(AirbyteSimulator simulator) {
        this.simulator = simulator;
        this.proxy = AirbyteProxy.inFrontOf(simulator.apiBaseUrl());
        this.gateway = new ConfigApiGateway(proxy.apiBase(), REQUEST_TIMEOUT);
    }

    /** Starts the simulator without delays, the proxy in front of it and the gateway to the proxy. */
    public static SimulatedAirbyte start() {
        return new SimulatedAirbyte(AirbyteSimulator.start(Duration.ZERO));
    }

    public AirbyteSimulator simulator() {
        return simulator;
    }

    public AirbyteProxy proxy() {
        return proxy;
    }

    /** The gateway through the proxy, so that every call it makes is recorded. */
    public ConfigApiGateway gateway() {
        return gateway;
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
