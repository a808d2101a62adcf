package dev.onramp.demo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Clock;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.List;

/**
 * What a completed OAuth hands back at each output path: a token the ledger issues, or, where the
 * specification types the output as a date-time (an access token's expiry), the time the token expires.
 */
final class OAuthOutputs {
    private static final Duration TOKEN_LIFETIME = Duration.ofHours(1);

    private OAuthOutputs() {}

    /** Each output of the connector's OAuth, by output key, into {@code payload}. */
    static void issue(ObjectNode payload, DemoConnector connector, OAuthLedger ledger, Clock clock) {
        connector.oauth().orElseThrow().outputPaths().forEach((key, path) -> {
            if (isTime(connector, path)) {
                payload.put(key, clock.instant().plus(TOKEN_LIFETIME).truncatedTo(ChronoUnit.SECONDS).toString());
            } else {
                payload.put(key, ledger.issueToken(connector.definitionId()));
            }
        });
    }

    /** Whether the output is a token this Airbyte issued and can revoke: not Shopify's shop, not an expiry time. */
    static boolean isToken(DemoConnector connector, String key, List<String> path) {
        return !key.equals(ConfigurationRules.SHOP_OUTPUT) && !isTime(connector, path);
    }

    private static boolean isTime(DemoConnector connector, List<String> path) {
        return "date-time".equals(schemaAt(connector.connectionSpecification(), path).path("format").asText());
    }

    /** The schema of the field at {@code path}, looking into {@code oneOf} options on the way; missing when there is none. */
    static JsonNode schemaAt(JsonNode schema, List<String> path) {
        JsonNode node = schema;
        for (String step : path) {
            JsonNode next = node.path("properties").path(step);
            for (JsonNode option : node.path("oneOf")) {
                if (next.isMissingNode()) {
                    next = option.path("properties").path(step);
                }
            }
            node = next;
        }
        return node == null ? MissingNode.getInstance() : node;
    }
}
