package dev.onramp.connect;

import dev.onramp.airbyte.AirbyteGateway;
import dev.onramp.model.AirbyteSettings;
import java.util.Objects;

/** The Airbyte a business uses: its settings, the gateway to it, and how to describe it to a person. */
public record TenantAirbyte(AirbyteSettings settings, AirbyteGateway gateway, String description) {
    public TenantAirbyte {
        Objects.requireNonNull(settings, "settings");
        Objects.requireNonNull(gateway, "gateway");
        Objects.requireNonNull(description, "description");
    }

    /**
     * Whether this Airbyte describes its connectors itself: a self-managed one does; Airbyte Cloud's
     * public API does not, and demo mode uses the specifications bundled with Onramp.
     */
    public boolean servesSpecifications() {
        return settings instanceof AirbyteSettings.SelfManaged;
    }
}
