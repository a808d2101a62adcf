package dev.onramp.airbyte;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;

/** Hides in Airbyte's words every value Onramp sent in a field that may hold a secret. */
final class Redactor {
    private static final int SHORTEST_SECRET = 6;

    private final List<String> secrets = new ArrayList<>();

    /** Collects every text value under the named fields of {@code request}. */
    Redactor(JsonNode request, List<String> secretFields) {
        secretFields.forEach(field -> collect(request.path(field)));
    }

    private void collect(JsonNode node) {
        if (node.isTextual() && node.asText().length() >= SHORTEST_SECRET) {
            secrets.add(node.asText());
        }
        node.forEach(this::collect);
    }

    String apply(String text) {
        String redacted = text;
        for (String secret : secrets) {
            redacted = redacted.replace(secret, "[hidden]");
        }
        return redacted;
    }
}
