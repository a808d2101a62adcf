package dev.onramp.airbyte;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Reads the {@code advancedAuth} of a {@code SourceDefinitionSpecificationRead}. */
final class AdvancedAuthReader {
    private AdvancedAuthReader() {}

    /**
     * Output paths are those of {@code completeOAuthOutputSpecification} and
     * {@code completeOAuthServerOutputSpecification} together: Airbyte's web app merges both from
     * the auth payload (the server ones arrive masked and Airbyte fills them in itself). The server
     * output paths are also kept apart.
     */
    static Optional<AdvancedAuth> read(JsonNode advancedAuth) {
        if (!advancedAuth.isObject()) {
            return Optional.empty();
        }
        JsonNode spec = advancedAuth.path("oauthConfigSpecification");
        Map<String, List<String>> outputs = new LinkedHashMap<>(paths(spec.path("completeOAuthOutputSpecification")));
        Map<String, List<String>> serverOutputs = paths(spec.path("completeOAuthServerOutputSpecification"));
        serverOutputs.forEach(outputs::putIfAbsent);
        return Optional.of(new AdvancedAuth(
                advancedAuth.path("authFlowType").asText("oauth2.0"),
                texts(advancedAuth.path("predicateKey")),
                advancedAuth.path("predicateValue").asText(""),
                outputs,
                paths(spec.path("oauthUserInputFromConnectorConfigSpecification")),
                serverOutputs));
    }

    /** Each property's {@code path_in_connector_config}; properties without one are left out. */
    private static Map<String, List<String>> paths(JsonNode schema) {
        Map<String, List<String>> paths = new LinkedHashMap<>();
        schema.path("properties").properties().forEach(property -> {
            List<String> path = texts(property.getValue().path("path_in_connector_config"));
            if (!path.isEmpty()) {
                paths.put(property.getKey(), path);
            }
        });
        return paths;
    }

    private static List<String> texts(JsonNode array) {
        List<String> texts = new ArrayList<>();
        array.forEach(item -> texts.add(item.asText()));
        return texts;
    }
}
