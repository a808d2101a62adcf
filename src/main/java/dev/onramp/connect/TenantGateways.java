package dev.onramp.connect;

import dev.onramp.airbyte.AirbyteGateway;
import dev.onramp.model.TenantId;

/** Finds the Airbyte a business's flows talk to. */
@FunctionalInterface
public interface TenantGateways {
    /**
     * The business's gateway; fails with an {@link dev.onramp.airbyte.AirbyteException} saying what to
     * change when its settings name an Airbyte this Onramp cannot use.
     */
    AirbyteGateway gatewayFor(TenantId tenant);
}
