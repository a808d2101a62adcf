package dev.onramp.airbyte;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.onramp.model.OAuthFacts;
import java.util.List;
import java.util.Map;

/**
 * Puts a completed OAuth's auth payload into a source configuration the way Airbyte's web app
 * does: each value at its {@code path_in_connector_config}, and the predicate field set so the
 * configuration selects OAuth.
 */
public final class AuthPayloadMerger {
    private AuthPayloadMerger() {}

    /**
     * Returns a new configuration; {@code base} is left untouched. Payload keys without a path are
     * ignored, and paths whose key the payload lacks are left as they were.
     */
    public static ObjectNode merge(ObjectNode base, OAuthFacts facts, JsonNode authPayload) {
        ObjectNode merged = base.deepCopy();
        if (facts.hasPredicate()) {
            put(merged, facts.predicateKey(), merged.textNode(facts.predicateValue()));
        }
        for (Map.Entry<String, List<String>> output : facts.outputPaths().entrySet()) {
            JsonNode value = authPayload.get(output.getKey());
            if (value != null && !value.isNull() && !output.getValue().isEmpty()) {
                put(merged, output.getValue(), value.deepCopy());
            }
        }
        return merged;
    }

    public static ObjectNode merge(ObjectNode base, AdvancedAuth advancedAuth, JsonNode authPayload) {
        return merge(base, advancedAuth.toFacts(), authPayload);
    }

    /** Sets the value at the path, creating (or replacing non-object) intermediate objects. */
    private static void put(ObjectNode root, List<String> path, JsonNode value) {
        ObjectNode parent = root;
        for (String step : path.subList(0, path.size() - 1)) {
            parent = parent.get(step) instanceof ObjectNode existing ? existing : parent.putObject(step);
        }
        parent.set(path.getLast(), value);
    }
}
