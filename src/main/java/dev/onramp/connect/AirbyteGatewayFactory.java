package dev.onramp.connect;

import dev.onramp.airbyte.AirbyteGateway;
import dev.onramp.model.AirbyteSettings;

/** Builds the gateway to the Airbyte that settings name; the composition root knows the simulator and the adapters. */
@FunctionalInterface
public interface AirbyteGatewayFactory {
    /**
     * A gateway for {@code settings}; fails with an {@link dev.onramp.airbyte.AirbyteException} whose
     * message says what to change when this Onramp cannot talk to that kind of Airbyte.
     */
    AirbyteGateway open(AirbyteSettings settings);
}
