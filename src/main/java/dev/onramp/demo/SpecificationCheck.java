package dev.onramp.demo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.AnnotationKeyword;
import com.networknt.schema.JsonMetaSchema;
import com.networknt.schema.JsonNodePath;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.PathType;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import dev.onramp.demo.ApiError.Violation;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.function.Predicate;

/**
 * Validates a whole configuration against its connection specification as Airbyte does (JSON
 * Schema draft 7, formats asserted, no defaults filled in), but for the fields Airbyte's own OAuth
 * app puts in.
 */
final class SpecificationCheck {
    private static final JsonMetaSchema DRAFT_7 = JsonMetaSchema.builder(JsonMetaSchema.getV7())
            .unknownKeywordFactory((keyword, context) -> new AnnotationKeyword(keyword))
            .build();
    private static final JsonSchemaFactory SCHEMAS = JsonSchemaFactory
            .builder(JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V7))
            .metaSchema(DRAFT_7)
            .build();
    private static final SchemaValidatorsConfig CONFIG = SchemaValidatorsConfig.builder()
            .pathType(PathType.JSON_POINTER)
            .build();
    private static final int SHORTEST_VALUE_HIDDEN = 4;

    private SpecificationCheck() {}

    /**
     * Each failure, at its path under {@code root} and in the validator's words less any value of
     * the configuration they might repeat (a value may be a secret).
     *
     * @param putInByAirbyte paths of fields Airbyte fills in itself, which (with the objects that
     *     hold them) the configuration need not have
     */
    static List<Violation> violations(JsonNode specification, JsonNode configuration,
            Collection<List<String>> putInByAirbyte, String root) {
        ObjectNode schema = specification.deepCopy();
        schema.remove("$schema");
        putInByAirbyte.forEach(path -> notRequired(schema, path));
        List<Violation> violations = new ArrayList<>();
        for (ValidationMessage message : SCHEMAS.getSchema(schema, CONFIG).validate(configuration)) {
            JsonNodePath where = message.getInstanceLocation();
            if (message.getType().equals("required") && message.getProperty() != null) {
                where = where.append(message.getProperty());
            }
            violations.add(new Violation(dotted(root, where), words(message)));
        }
        return violations;
    }

    /** A test of one value against one property's schema, compiled once, as {@link #violations} checks it. */
    static Predicate<JsonNode> fitting(JsonNode propertySchema) {
        ObjectNode schema = propertySchema.deepCopy();
        schema.remove("$schema");
        JsonSchema compiled = SCHEMAS.getSchema(schema, CONFIG);
        return value -> compiled.validate(value).isEmpty();
    }

    /** The objects along the path, and its last field, taken out of {@code required} in every option on the way. */
    private static void notRequired(ObjectNode schema, List<String> path) {
        List<ObjectNode> holders = List.of(schema);
        for (String step : path) {
            List<ObjectNode> next = new ArrayList<>();
            for (ObjectNode holder : withOptions(holders)) {
                if (holder.get("required") instanceof ArrayNode required) {
                    for (int i = required.size() - 1; i >= 0; i--) {
                        if (required.get(i).asText().equals(step)) {
                            required.remove(i);
                        }
                    }
                }
                if (holder.path("properties").path(step) instanceof ObjectNode property) {
                    next.add(property);
                }
            }
            holders = next;
        }
    }

    private static List<ObjectNode> withOptions(List<ObjectNode> schemas) {
        List<ObjectNode> all = new ArrayList<>();
        for (ObjectNode schema : schemas) {
            all.add(schema);
            for (String keyword : List.of("oneOf", "anyOf", "allOf")) {
                for (JsonNode option : schema.path(keyword)) {
                    if (option instanceof ObjectNode object) {
                        all.addAll(withOptions(List.of(object)));
                    }
                }
            }
        }
        return all;
    }

    /** The validator's message without its leading location, and without the value it refused if it repeats it. */
    private static String words(ValidationMessage message) {
        String text = message.getMessage();
        String location = message.getInstanceLocation().toString();
        if (text.startsWith(location + ": ")) {
            text = text.substring(location.length() + 2);
        }
        JsonNode value = message.getInstanceNode();
        if (value != null && value.isValueNode() && value.asText().length() >= SHORTEST_VALUE_HIDDEN
                && text.contains(value.asText())) {
            return "is not valid (" + message.getType() + ")";
        }
        return text;
    }

    private static String dotted(String root, JsonNodePath path) {
        StringBuilder text = new StringBuilder(root);
        for (int i = 0; i < path.getNameCount(); i++) {
            Object element = path.getElement(i);
            if (element instanceof Integer index) {
                text.append('[').append(index).append(']');
            } else {
                text.append('.').append(element);
            }
        }
        return text.toString();
    }
}
