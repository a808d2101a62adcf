package dev.onramp.airbyte;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Optional;

/**
 * The connection specifications Onramp ships, by connector definition id: what a configuration is
 * checked against before it goes to an Airbyte that describes no connectors (Airbyte Cloud).
 */
@FunctionalInterface
public interface ShippedSpecs {
    /** The connector's {@code connectionSpecification}, if Onramp ships one. */
    Optional<JsonNode> specificationOf(String definitionId);
}
