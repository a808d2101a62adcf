package dev.onramp.demo;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The fields a connector's OAuth needs from the person before consent
 * ({@code oauthUserInputFromConnectorConfigSpecification}) that its specification makes required,
 * such as Zendesk's subdomain: without them the provider's consent link cannot even be built.
 */
final class OAuthInputRules {
    private OAuthInputRules() {}

    /** The input names whose required value {@code oauthInput} lacks (missing or blank), in name order. */
    static List<String> missing(DemoConnector connector, JsonNode oauthInput) {
        return connector.oauth().map(oauth -> required(connector, oauth).stream()
                        .filter(name -> isEmpty(oauthInput.path(name)))
                        .toList())
                .orElse(List.of());
    }

    /** The paths of the required inputs whose value {@code configuration} lacks. */
    static List<List<String>> missingInConfiguration(DemoConnector connector, DemoConnector.OAuth oauth, JsonNode configuration) {
        return required(connector, oauth).stream()
                .map(name -> oauth.userInputPaths().get(name))
                .filter(path -> isEmpty(ConfigurationRules.at(configuration, path)))
                .toList();
    }

    private static List<String> required(DemoConnector connector, DemoConnector.OAuth oauth) {
        List<String> names = new ArrayList<>();
        for (Map.Entry<String, List<String>> input : oauth.userInputPaths().entrySet()) {
            List<String> path = input.getValue();
            if (!path.isEmpty() && isRequired(connector.connectionSpecification(), path)) {
                names.add(input.getKey());
            }
        }
        names.sort(null);
        return names;
    }

    private static boolean isRequired(JsonNode spec, List<String> path) {
        JsonNode parent = spec;
        for (String key : path.subList(0, path.size() - 1)) {
            parent = parent.path("properties").path(key);
        }
        for (JsonNode name : parent.path("required")) {
            if (name.asText().equals(path.getLast())) {
                return true;
            }
        }
        return false;
    }

    private static boolean isEmpty(JsonNode value) {
        return value.isMissingNode() || value.isNull() || (value.isTextual() && value.asText().isBlank());
    }
}
