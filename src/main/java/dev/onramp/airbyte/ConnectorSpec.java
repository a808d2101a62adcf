package dev.onramp.airbyte;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Optional;

/** What {@code source_definition_specifications/get} says about a connector. */
public record ConnectorSpec(
        String definitionId,
        JsonNode connectionSpecification,
        Optional<AdvancedAuth> advancedAuth,
        Optional<Boolean> globalCredentialsAvailable) {}
