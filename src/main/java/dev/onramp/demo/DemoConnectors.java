package dev.onramp.demo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * The connectors the simulator knows: the hand-made ones of {@code connectors.json} (consent pages and
 * streams of their own), then every other connector of Onramp's catalog snapshot, read only when one of
 * them is first asked for.
 */
final class DemoConnectors {
    private static final String RESOURCE = "connectors.json";

    private final Map<String, DemoConnector> byDefinitionId;
    private final Supplier<SnapshotConnectors> snapshot;

    private DemoConnectors(List<DemoConnector> connectors, Supplier<SnapshotConnectors> snapshot) {
        this.byDefinitionId = connectors.stream()
                .collect(Collectors.toMap(DemoConnector::definitionId, Function.identity(), (a, b) -> a, LinkedHashMap::new));
        this.snapshot = snapshot;
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
            return new DemoConnectors(connectors, SnapshotConnectors::bundled);
        } catch (IOException e) {
            throw new UncheckedIOException("The simulator's " + RESOURCE + " could not be read", e);
        }
    }

    /** The hand-made connector of this definition, else the snapshot's. */
    Optional<DemoConnector> byDefinitionId(String definitionId) {
        return Optional.ofNullable(byDefinitionId.get(definitionId))
                .or(() -> snapshot.get().byDefinitionId(definitionId).map(SnapshotConnectors.Definition::connector));
    }

    /** The connector of this source type (Airbyte's dockerRepository without {@code airbyte/source-}), hand-made first. */
    Optional<DemoConnector> bySourceType(String sourceType) {
        return byDefinitionId.values().stream().filter(c -> c.sourceType().equals(sourceType)).findFirst()
                .or(() -> snapshot.get().bySourceType(sourceType).map(SnapshotConnectors.Definition::connector));
    }

    /** The hand-made connectors of {@code connectors.json}, without reading the snapshot. */
    List<DemoConnector> handMade() {
        return List.copyOf(byDefinitionId.values());
    }

    /** Every connector: the hand-made ones, then the snapshot's others. */
    List<DemoConnector> all() {
        List<DemoConnector> all = new ArrayList<>(byDefinitionId.values());
        snapshot.get().definitions().stream().map(SnapshotConnectors.Definition::connector)
                .filter(connector -> !byDefinitionId.containsKey(connector.definitionId()))
                .forEach(all::add);
        return List.copyOf(all);
    }

    /**
     * Every definition as Airbyte lists it, in the snapshot's order, each with the hand-made connector where
     * there is one; a hand-made connector the snapshot lacks comes last, as {@code airbyte/source-<sourceType>}.
     */
    List<SnapshotConnectors.Definition> definitions() {
        List<SnapshotConnectors.Definition> definitions = new ArrayList<>();
        Set<String> listed = new HashSet<>();
        for (SnapshotConnectors.Definition definition : snapshot.get().definitions()) {
            DemoConnector own = byDefinitionId.get(definition.connector().definitionId());
            definitions.add(own == null ? definition : new SnapshotConnectors.Definition(own, definition.dockerRepository(),
                    definition.dockerImageTag(), definition.kind(), definition.supportLevel(), definition.releaseStage(),
                    definition.releaseDate(), definition.language(), definition.iconUrl()));
            listed.add(definition.connector().definitionId());
        }
        byDefinitionId.values().stream().filter(own -> !listed.contains(own.definitionId()))
                .forEach(own -> definitions.add(new SnapshotConnectors.Definition(own, "airbyte/source-" + own.sourceType(),
                        "latest", "api", "community", "alpha", Optional.empty(), Optional.empty(), Optional.empty())));
        return definitions;
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

    /** The JSON object of name → path arrays as a map of lists. */
    static Map<String, List<String>> paths(JsonNode node) {
        Map<String, List<String>> paths = new LinkedHashMap<>();
        node.properties().forEach(entry -> paths.put(entry.getKey(), texts(entry.getValue())));
        return paths;
    }

    /** The texts of a JSON array. */
    static List<String> texts(JsonNode array) {
        List<String> texts = new ArrayList<>();
        array.forEach(item -> texts.add(item.asText()));
        return texts;
    }
}
