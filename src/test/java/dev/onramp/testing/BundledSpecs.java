package dev.onramp.testing;

import com.fasterxml.jackson.databind.JsonNode;
import dev.onramp.airbyte.ShippedSpecs;
import dev.onramp.catalog.Catalog;
import dev.onramp.catalog.ConnectorSpecs;

/** The specifications bundled with Onramp, as the composition root hands them to the gateways. */
public final class BundledSpecs {
    private static final ConnectorSpecs SPECS = ConnectorSpecs.bundled(Catalog.bundled());

    private BundledSpecs() {}

    public static ShippedSpecs shipped() {
        return definitionId -> SPECS.specificationOfDefinition(definitionId).map(JsonNode.class::cast);
    }
}
