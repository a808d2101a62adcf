package dev.onramp.demo;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** Builds the {@code AirbyteStreamAndConfiguration} entries of a discovered catalog. */
final class StreamCatalog {
    private StreamCatalog() {}

    static ObjectNode entry(ObjectMapper json, DemoConnector.Stream stream) {
        ObjectNode entry = json.createObjectNode();
        entry.set("stream", stream(json, stream));
        entry.set("config", config(json, stream));
        return entry;
    }

    private static ObjectNode stream(ObjectMapper json, DemoConnector.Stream stream) {
        ObjectNode node = json.createObjectNode().put("name", stream.name());
        ObjectNode schema = node.putObject("jsonSchema")
                .put("$schema", "http://json-schema.org/draft-07/schema#")
                .put("type", "object")
                .put("additionalProperties", true);
        ObjectNode properties = schema.putObject("properties");
        stream.fields().forEach((field, type) -> properties.set(field, fieldSchema(json, type)));
        stream.syncModes().forEach(node.putArray("supportedSyncModes")::add);
        node.put("sourceDefinedCursor", stream.cursorField().isPresent());
        ArrayNode cursor = node.putArray("defaultCursorField");
        stream.cursorField().ifPresent(cursor::add);
        primaryKey(node.putArray("sourceDefinedPrimaryKey"), stream);
        return node.put("isResumable", true).put("isFileBased", false);
    }

    private static ObjectNode config(ObjectMapper json, DemoConnector.Stream stream) {
        boolean incremental = stream.cursorField().isPresent() && stream.syncModes().contains("incremental");
        ObjectNode config = json.createObjectNode().put("syncMode", incremental ? "incremental" : "full_refresh");
        ArrayNode cursor = config.putArray("cursorField");
        stream.cursorField().filter(c -> incremental).ifPresent(cursor::add);
        String destinationMode = incremental && !stream.primaryKey().isEmpty() ? "append_dedup" : "overwrite";
        config.put("destinationSyncMode", destinationMode);
        primaryKey(config.putArray("primaryKey"), stream);
        return config.put("aliasName", stream.name())
                .put("selected", true)
                .put("suggested", true)
                .put("fieldSelectionEnabled", false);
    }

    private static void primaryKey(ArrayNode target, DemoConnector.Stream stream) {
        stream.primaryKey().forEach(field -> target.addArray().add(field));
    }

    private static ObjectNode fieldSchema(ObjectMapper json, String type) {
        ObjectNode schema = json.createObjectNode();
        String jsonType = switch (type) {
            case "date", "date-time" -> "string";
            default -> type;
        };
        schema.putArray("type").add("null").add(jsonType);
        if (type.startsWith("date")) {
            schema.put("format", type);
        }
        return schema;
    }
}
