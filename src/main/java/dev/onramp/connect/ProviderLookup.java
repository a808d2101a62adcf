package dev.onramp.connect;

import dev.onramp.airbyte.ConnectorSpec;
import dev.onramp.catalog.Catalog;
import dev.onramp.model.Provider;
import dev.onramp.model.TenantId;
import java.util.Optional;

/**
 * How the flows find the provider a business connects by its id: in the bundled catalog, or (with
 * {@link ProviderLists}) also among the connectors only the business's Airbyte lists.
 */
public interface ProviderLookup {
    /** The provider called {@code providerId} for this business; may block on a miss, so call it off the FX thread. */
    Optional<Provider> provider(TenantId tenant, String providerId);

    /**
     * The provider as its specification (from the business's Airbyte) shows it: a connector Onramp
     * knows only from that Airbyte's list signs in by OAuth once its specification has an
     * {@code advancedAuth}. The bundled catalog's providers stay as they are.
     */
    default Provider described(TenantId tenant, Provider provider, ConnectorSpec spec) {
        return provider;
    }

    /** The bundled catalog alone, the same for every business. */
    static ProviderLookup of(Catalog catalog) {
        return (tenant, providerId) -> catalog.provider(providerId);
    }
}
