package dev.onramp.airbyte;

import dev.onramp.model.OAuthFacts;
import java.util.List;
import java.util.Map;

/**
 * A connector's {@code advancedAuth} as Airbyte reports it: the predicate that selects OAuth and
 * the {@code path_in_connector_config} of each OAuth output and user input. As read from Airbyte,
 * the outputs include the server-provided ones (client id and secret), which Airbyte's auth
 * payload carries masked; {@code serverOutputPaths} names those alone, as Airbyte puts them into a
 * configuration itself.
 */
public record AdvancedAuth(
        String authFlowType,
        List<String> predicateKey,
        String predicateValue,
        Map<String, List<String>> outputPaths,
        Map<String, List<String>> userInputPaths,
        Map<String, List<String>> serverOutputPaths) {
    public AdvancedAuth {
        predicateKey = List.copyOf(predicateKey);
        outputPaths = Map.copyOf(outputPaths);
        userInputPaths = Map.copyOf(userInputPaths);
        serverOutputPaths = Map.copyOf(serverOutputPaths);
    }

    /** An {@code advancedAuth} without server-provided outputs. */
    public AdvancedAuth(String authFlowType, List<String> predicateKey, String predicateValue,
            Map<String, List<String>> outputPaths, Map<String, List<String>> userInputPaths) {
        this(authFlowType, predicateKey, predicateValue, outputPaths, userInputPaths, Map.of());
    }

    public OAuthFacts toFacts() {
        return new OAuthFacts(predicateKey, predicateValue == null ? "" : predicateValue, outputPaths, userInputPaths,
                serverOutputPaths);
    }
}
