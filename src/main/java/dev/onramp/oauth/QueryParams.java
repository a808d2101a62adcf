package dev.onramp.oauth;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/** Decodes a raw URL query into its parameters, refusing ambiguous or malformed ones. */
final class QueryParams {
    private QueryParams() {}

    /**
     * Returns the decoded parameters, or empty when the query is malformed or names a parameter
     * twice: with {@code state=a&state=b} there is no honest answer to which state was meant.
     */
    static Optional<Map<String, String>> parse(String rawQuery) {
        Map<String, String> params = new LinkedHashMap<>();
        if (rawQuery == null || rawQuery.isEmpty()) {
            return Optional.of(params);
        }
        for (String pair : rawQuery.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String rawName = eq < 0 ? pair : pair.substring(0, eq);
            String rawValue = eq < 0 ? "" : pair.substring(eq + 1);
            try {
                String name = URLDecoder.decode(rawName, StandardCharsets.UTF_8);
                String value = URLDecoder.decode(rawValue, StandardCharsets.UTF_8);
                if (name.isEmpty() || params.putIfAbsent(name, value) != null) {
                    return Optional.empty();
                }
            } catch (IllegalArgumentException badEscape) {
                return Optional.empty();
            }
        }
        return Optional.of(params);
    }
}
