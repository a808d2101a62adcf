package dev.onramp.model;

import java.util.List;
import java.util.Map;

/**
 * A connector's Airbyte OAuth facts: the predicate field that selects OAuth in its configuration
 * (empty key when it has none), where each completed-OAuth output goes, and which fields the user
 * must give before consent.
 */
public record OAuthFacts(
        List<String> predicateKey,
        String predicateValue,
        Map<String, List<String>> outputPaths,
        Map<String, List<String>> userInputPaths) {
    public OAuthFacts {
        predicateKey = List.copyOf(predicateKey);
        outputPaths = Map.copyOf(outputPaths);
        userInputPaths = Map.copyOf(userInputPaths);
    }

    public boolean hasPredicate() {
        return !predicateKey.isEmpty();
    }
}
