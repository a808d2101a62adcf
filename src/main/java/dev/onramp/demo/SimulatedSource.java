package dev.onramp.demo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A source as either API of the simulator keeps it: its id, connector, workspace, name, whole
 * configuration (secrets included, as Airbyte keeps them in its secret store) and when it was made.
 */
record SimulatedSource(String sourceId, DemoConnector connector, String workspaceId, String name,
        ObjectNode configuration, long createdAt) {
    private static final Logger LOG = LoggerFactory.getLogger(SimulatedSource.class);

    /** The sources as the state file keeps them, oldest first. */
    static ArrayNode toJson(Collection<SimulatedSource> sources) {
        ArrayNode list = JsonNodeFactory.instance.arrayNode();
        sources.stream().sorted(Comparator.comparingLong(SimulatedSource::createdAt).thenComparing(SimulatedSource::sourceId))
                .forEach(source -> {
                    ObjectNode node = list.addObject()
                            .put("sourceId", source.sourceId())
                            .put("definitionId", source.connector().definitionId())
                            .put("workspaceId", source.workspaceId())
                            .put("name", source.name());
                    node.set("configuration", source.configuration().deepCopy());
                    node.put("createdAt", source.createdAt());
                });
        return list;
    }

    /**
     * The sources of a state file's list, by id; one whose connector this simulator does not have is left
     * out, with a warning.
     */
    static Map<String, SimulatedSource> fromJson(Iterable<JsonNode> list, DemoConnectors connectors)
            throws UnreadableStateException {
        Map<String, SimulatedSource> sources = new HashMap<>();
        for (JsonNode node : list) {
            String definitionId = KeptState.text(node, "definitionId");
            var connector = connectors.byDefinitionId(definitionId);
            if (connector.isEmpty()) {
                LOG.warn("The simulator's state has a source of connector {}, which it does not have; it is left out",
                        definitionId);
                continue;
            }
            if (!node.path("createdAt").canConvertToLong()) {
                throw new UnreadableStateException("\"createdAt\" of a source is not a number");
            }
            SimulatedSource source = new SimulatedSource(KeptState.text(node, "sourceId"), connector.get(),
                    KeptState.text(node, "workspaceId"), KeptState.text(node, "name"),
                    KeptState.object(node, "configuration").deepCopy(), node.path("createdAt").asLong());
            sources.put(source.sourceId(), source);
        }
        return sources;
    }
}
