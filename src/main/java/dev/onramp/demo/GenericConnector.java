package dev.onramp.demo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Makes a simulator connector from one entry of the catalog snapshot and its full specification: its
 * OAuth facts as the registry gives them, a plain consent page, and demo streams made from its keywords.
 */
final class GenericConnector {
    static final String ACCOUNT_OWNER = "Demo Outfitters";
    private static final int MOST_STREAMS = 4;
    private static final int FEWEST_STREAMS = 2;
    private static final Map<String, String> FIELDS = fields();

    private GenericConnector() {}

    /** The connector of snapshot entry {@code entry}, whose connection specification is {@code specification}. */
    static DemoConnector of(JsonNode entry, ObjectNode specification) {
        String name = entry.path("name").asText();
        List<String> keywords = DemoConnectors.texts(entry.path("keywords"));
        Optional<DemoConnector.OAuth> oauth = "OAUTH".equals(entry.path("authMode").asText()) && entry.path("oauth").isObject()
                ? Optional.of(oauth(entry.path("oauth"), name, keywords))
                : Optional.empty();
        return new DemoConnector(
                entry.path("definitionId").asText(),
                name,
                entry.path("sourceType").asText(entry.path("id").asText()),
                entry.path("docs").asText(),
                specification,
                oauth,
                streams(entry.path("id").asText(), keywords));
    }

    private static DemoConnector.OAuth oauth(JsonNode oauth, String name, List<String> keywords) {
        List<String> access = new ArrayList<>();
        access.add("Read your " + name + " data");
        List<String> kinds = streamNames(keywords).stream().map(stream -> stream.replace('_', ' ')).toList();
        if (!kinds.isEmpty()) {
            access.add("Read your " + listed(kinds));
        }
        access.add("Nothing in " + name + " will be changed");
        return new DemoConnector.OAuth(
                "oauth2.0",
                DemoConnectors.texts(oauth.path("predicateKey")),
                oauth.path("predicateValue").asText(""),
                DemoConnectors.paths(oauth.path("outputPaths")),
                DemoConnectors.paths(oauth.path("serverOutputPaths")),
                DemoConnectors.paths(oauth.path("userInputPaths")),
                List.of(),
                ACCOUNT_OWNER + " (" + name + " account)",
                access,
                "code");
    }

    /**
     * Up to four streams named after the connector's keywords ({@code "invoices"} → {@code invoices}),
     * with {@code <id>_records} and {@code <id>_users} added to make at least two; each has an id, a
     * name and its creation and update times, keyed by id and read incrementally by update time.
     */
    static List<DemoConnector.Stream> streams(String id, List<String> keywords) {
        Set<String> names = new LinkedHashSet<>(streamNames(keywords));
        String prefix = slug(id);
        for (String fallback : List.of(prefix + "_records", prefix + "_users")) {
            if (names.size() < FEWEST_STREAMS) {
                names.add(fallback);
            }
        }
        return names.stream().map(stream -> new DemoConnector.Stream(stream, List.of("full_refresh", "incremental"),
                List.of("id"), Optional.of("updated_at"), FIELDS)).toList();
    }

    private static List<String> streamNames(List<String> keywords) {
        Set<String> names = new LinkedHashSet<>();
        for (String keyword : keywords) {
            String slug = slug(keyword);
            if (!slug.isEmpty() && Character.isLetter(slug.charAt(0)) && names.size() < MOST_STREAMS) {
                names.add(slug);
            }
        }
        return List.copyOf(names);
    }

    /** Lower case, every run of other characters than letters and digits one underscore, none at the ends. */
    private static String slug(String text) {
        return text.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "_").replaceAll("^_+|_+$", "");
    }

    private static String listed(List<String> words) {
        if (words.size() == 1) {
            return words.getFirst();
        }
        return String.join(", ", words.subList(0, words.size() - 1)) + " and " + words.getLast();
    }

    private static Map<String, String> fields() {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("id", "string");
        fields.put("name", "string");
        fields.put("created_at", "date-time");
        fields.put("updated_at", "date-time");
        return fields;
    }
}
