package dev.onramp.model;

import java.util.List;
import java.util.Map;

/**
 * A connector's Airbyte OAuth facts: the predicate field that selects OAuth in its configuration
 * (empty key when it has none), where each completed-OAuth output goes, which fields the user must
 * give before consent, and where Airbyte puts its OAuth app's own values (client id and secret).
 */
public record OAuthFacts(
        List<String> predicateKey,
        String predicateValue,
        Map<String, List<String>> outputPaths,
        Map<String, List<String>> userInputPaths,
        Map<String, List<String>> serverOutputPaths) {
    public OAuthFacts {
        predicateKey = List.copyOf(predicateKey);
        outputPaths = Map.copyOf(outputPaths);
        userInputPaths = Map.copyOf(userInputPaths);
        serverOutputPaths = Map.copyOf(serverOutputPaths);
    }

    /** Facts without the OAuth app's server-provided values. */
    public OAuthFacts(List<String> predicateKey, String predicateValue, Map<String, List<String>> outputPaths,
            Map<String, List<String>> userInputPaths) {
        this(predicateKey, predicateValue, outputPaths, userInputPaths, Map.of());
    }

    public boolean hasPredicate() {
        return !predicateKey.isEmpty();
    }
}
