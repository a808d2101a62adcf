package dev.onramp.demo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Map;

/**
 * Builds a connector's {@code advancedAuth} as {@code source_definition_specifications/get} reports
 * it, each OAuth field typed as the connection specification types it.
 */
final class AdvancedAuthSchema {
    private AdvancedAuthSchema() {}

    static ObjectNode of(ObjectMapper json, DemoConnector connector, DemoConnector.OAuth oauth) {
        ObjectNode auth = json.createObjectNode().put("authFlowType", oauth.authFlowType());
        if (!oauth.predicateKey().isEmpty()) {
            oauth.predicateKey().forEach(auth.putArray("predicateKey")::add);
            auth.put("predicateValue", oauth.predicateValue());
        }
        ObjectNode spec = auth.putObject("oauthConfigSpecification");
        JsonNode connection = connector.connectionSpecification();
        if (!oauth.userInputPaths().isEmpty()) {
            spec.set("oauthUserInputFromConnectorConfigSpecification", pathSchema(json, connection, oauth.userInputPaths()));
        }
        spec.set("completeOAuthOutputSpecification", pathSchema(json, connection, oauth.outputPaths()));
        if (!oauth.serverOutputPaths().isEmpty()) {
            ObjectNode serverInput = objectSchema(json);
            oauth.serverOutputPaths().keySet()
                    .forEach(key -> ((ObjectNode) serverInput.get("properties")).putObject(key).put("type", "string"));
            spec.set("completeOAuthServerInputSpecification", serverInput);
            spec.set("completeOAuthServerOutputSpecification", pathSchema(json, connection, oauth.serverOutputPaths()));
        }
        return auth;
    }

    private static ObjectNode pathSchema(ObjectMapper json, JsonNode connection, Map<String, List<String>> paths) {
        ObjectNode schema = objectSchema(json);
        ObjectNode properties = (ObjectNode) schema.get("properties");
        paths.forEach((key, path) -> {
            ObjectNode property = properties.putObject(key).put("type", typeAt(connection, path));
            path.forEach(property.putArray("path_in_connector_config")::add);
        });
        return schema;
    }

    private static ObjectNode objectSchema(ObjectMapper json) {
        ObjectNode schema = json.createObjectNode().put("type", "object").put("additionalProperties", false);
        schema.putObject("properties");
        return schema;
    }

    /** The JSON type the specification gives the field at {@code path}, looking into {@code oneOf} options. */
    private static String typeAt(JsonNode schema, List<String> path) {
        return OAuthOutputs.schemaAt(schema, path).path("type").asText("string");
    }
}
