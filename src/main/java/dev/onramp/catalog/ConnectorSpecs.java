package dev.onramp.catalog;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.onramp.model.Provider;
import java.io.IOException;
import java.io.InputStream;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The connection specifications bundled for the catalog's providers (trimmed from Airbyte's
 * connector registry), used where Airbyte does not serve them: Airbyte Cloud and demo mode.
 */
public final class ConnectorSpecs {
    private static final String FOLDER = "specs/";

    private final Map<String, ObjectNode> byProviderId;
    private final Map<String, ObjectNode> byDefinitionId;

    private ConnectorSpecs(Map<String, ObjectNode> byProviderId, Map<String, ObjectNode> byDefinitionId) {
        this.byProviderId = Map.copyOf(byProviderId);
        this.byDefinitionId = Map.copyOf(byDefinitionId);
    }

    /**
     * Loads the specification of every provider in {@code catalog}.
     *
     * @throws IllegalStateException when one is missing or broken, naming it
     */
    public static ConnectorSpecs bundled(Catalog catalog) {
        ObjectMapper json = new ObjectMapper();
        Map<String, ObjectNode> specs = new LinkedHashMap<>();
        Map<String, ObjectNode> byDefinition = new LinkedHashMap<>();
        for (Provider provider : catalog.providers()) {
            ObjectNode spec = load(json, provider);
            specs.put(provider.id(), spec);
            byDefinition.put(provider.definitionId(), spec);
        }
        return new ConnectorSpecs(specs, byDefinition);
    }

    /** The provider's {@code connectionSpecification} (a JSON Schema); a copy the caller may change. */
    public Optional<ObjectNode> specification(String providerId) {
        return Optional.ofNullable(byProviderId.get(providerId)).map(ObjectNode::deepCopy);
    }

    /** The {@code connectionSpecification} of the provider with this Airbyte definition id; a copy the caller may change. */
    public Optional<ObjectNode> specificationOfDefinition(String definitionId) {
        return Optional.ofNullable(byDefinitionId.get(definitionId)).map(ObjectNode::deepCopy);
    }

    private static ObjectNode load(ObjectMapper json, Provider provider) {
        String resource = FOLDER + provider.id() + ".json";
        String origin = "dev/onramp/catalog/" + resource;
        try (InputStream in = ConnectorSpecs.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("The connector specification " + origin
                        + " is missing from the Onramp package: reinstall Onramp.");
            }
            JsonNode file = json.readTree(in);
            if (!provider.definitionId().equals(file.path("definitionId").asText())
                    || !(file.path("connectionSpecification") instanceof ObjectNode spec)
                    || !spec.path("properties").isObject()) {
                throw new IllegalStateException("The connector specification " + origin + " is broken: it is not "
                        + provider.name() + "'s specification. Reinstall Onramp.");
            }
            return spec;
        } catch (JacksonException e) {
            throw new IllegalStateException("The connector specification " + origin + " is not valid JSON ("
                    + e.getOriginalMessage() + "). Reinstall Onramp.", e);
        } catch (IOException e) {
            throw new IllegalStateException("Onramp could not read its connector specification " + origin + ": "
                    + e.getMessage(), e);
        }
    }
}
