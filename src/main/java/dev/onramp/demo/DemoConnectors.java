package dev.onramp.demo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/** The connectors bundled in {@code connectors.json}, looked up by definition id. */
final class DemoConnectors {
    private static final String RESOURCE = "connectors.json";

    private final Map<String, DemoConnector> byDefinitionId;

    private DemoConnectors(List<DemoConnector> connectors) {
        this.byDefinitionId = connectors.stream()
                .collect(Collectors.toMap(DemoConnector::definitionId, Function.identity(), (a, b) -> a, LinkedHashMap::new));
    }

    static DemoConnectors bundled(ObjectMapper json) {
        try (InputStream in = DemoConnectors.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("The simulator's " + RESOURCE + " is missing from the application");
            }
            List<DemoConnector> connectors = new ArrayList<>();
            for (JsonNode node : json.readTree(in).path("connectors")) {
                connectors.add(connector(node));
            }
            return new DemoConnectors(connectors);
        } catch (IOException e) {
            throw new UncheckedIOException("The simulator's " + RESOURCE + " could not be read", e);
        }
    }

    Optional<DemoConnector> byDefinitionId(String definitionId) {
        return Optional.ofNullable(byDefinitionId.get(definitionId));
    }

    List<DemoConnector> all() {
        return List.copyOf(byDefinitionId.values());
    }

    private static DemoConnector connector(JsonNode node) {
        List<DemoConnector.Stream> streams = new ArrayList<>();
        node.path("streams").forEach(stream -> streams.add(stream(stream)));
        JsonNode auth = node.path("advancedAuth");
        Optional<DemoConnector.OAuth> oauth = auth.isObject()
                ? Optional.of(oauth(auth, node.path("consent")))
                : Optional.empty();
        return new DemoConnector(
                node.path("definitionId").asText(),
                node.path("name").asText(),
                node.path("sourceType").asText(),
                node.path("documentationUrl").asText(),
                (ObjectNode) node.path("connectionSpecification"),
                oauth,
                streams);
    }

    private static DemoConnector.OAuth oauth(JsonNode auth, JsonNode consent) {
        return new DemoConnector.OAuth(
                auth.path("authFlowType").asText("oauth2.0"),
                texts(auth.path("predicateKey")),
                auth.path("predicateValue").asText(""),
                paths(auth.path("outputPaths")),
                paths(auth.path("serverOutputPaths")),
                paths(auth.path("userInputPaths")),
                texts(consent.path("scopes")),
                consent.path("account").asText(),
                texts(consent.path("access")),
                // The query parameter the provider's redirect carries the code in: Amazon's is spapi_oauth_code.
                consent.path("codeParameter").asText("code"));
    }

    private static DemoConnector.Stream stream(JsonNode node) {
        Map<String, String> fields = new LinkedHashMap<>();
        node.path("fields").properties().forEach(field -> fields.put(field.getKey(), field.getValue().asText()));
        return new DemoConnector.Stream(
                node.path("name").asText(),
                texts(node.path("syncModes")),
                texts(node.path("primaryKey")),
                Optional.ofNullable(node.path("cursorField").textValue()),
                fields);
    }

    private static Map<String, List<String>> paths(JsonNode node) {
        Map<String, List<String>> paths = new LinkedHashMap<>();
        node.properties().forEach(entry -> paths.put(entry.getKey(), texts(entry.getValue())));
        return paths;
    }

    private static List<String> texts(JsonNode array) {
        List<String> texts = new ArrayList<>();
        array.forEach(item -> texts.add(item.asText()));
        return texts;
    }
}
