package dev.onramp.model;

import java.util.List;
import java.util.Map;

/**
 * A connector's Airbyte OAuth facts: the predicate field that selects OAuth in its configuration
 * (empty key when it has none), where each completed-OAuth output goes, which fields the user must
 * give before consent, where Airbyte puts its OAuth app's own values (client id and secret), and
 * where at the provider an operator registers that app ({@code appConsole}, empty when unknown).
 */
public record OAuthFacts(
        List<String> predicateKey,
        String predicateValue,
        Map<String, List<String>> outputPaths,
        Map<String, List<String>> userInputPaths,
        Map<String, List<String>> serverOutputPaths,
        String appConsole) {
    public OAuthFacts {
        predicateKey = List.copyOf(predicateKey);
        outputPaths = Map.copyOf(outputPaths);
        userInputPaths = Map.copyOf(userInputPaths);
        serverOutputPaths = Map.copyOf(serverOutputPaths);
        appConsole = appConsole == null ? "" : appConsole;
    }

    /** Facts without the provider's app console. */
    public OAuthFacts(List<String> predicateKey, String predicateValue, Map<String, List<String>> outputPaths,
            Map<String, List<String>> userInputPaths, Map<String, List<String>> serverOutputPaths) {
        this(predicateKey, predicateValue, outputPaths, userInputPaths, serverOutputPaths, "");
    }

    /**
     * The names Airbyte's {@code oauth_params} take for the connector's OAuth app: the server
     * outputs' keys, or {@code client_id} and {@code client_secret} when the catalog names none.
     */
    public List<String> appParams() {
        return serverOutputPaths.isEmpty() ? List.of("client_id", "client_secret")
                : serverOutputPaths.keySet().stream().sorted(OAuthFacts::clientIdFirst).toList();
    }

    private static int clientIdFirst(String a, String b) {
        return Integer.compare(rank(a), rank(b)) != 0 ? Integer.compare(rank(a), rank(b)) : a.compareTo(b);
    }

    private static int rank(String param) {
        return param.contains("id") ? 0 : param.contains("secret") ? 1 : 2;
    }

    /** Facts without the OAuth app's server-provided values. */
    public OAuthFacts(List<String> predicateKey, String predicateValue, Map<String, List<String>> outputPaths,
            Map<String, List<String>> userInputPaths) {
        this(predicateKey, predicateValue, outputPaths, userInputPaths, Map.of(), "");
    }

    public boolean hasPredicate() {
        return !predicateKey.isEmpty();
    }
}
