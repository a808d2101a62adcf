package dev.onramp.demo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;

/**
 * The specification the simulator serves of a connector: the connector's own, with an {@code examples}
 * value this simulator accepts first on every required field (and on every field whose own first example
 * it would refuse), and a description that says what it accepts; what it validates is unchanged.
 *
 * <p>A field's own examples are kept when they fit its schema and, for a secret, the simulator's test of
 * a secret (8 or more characters, no spaces); those that do not are dropped, so that the first example
 * is always one a demo connect goes through with. Fields a person picks rather than types (constants,
 * yes-or-no switches, several of a list of values) get none.
 */
final class DemoExamples {
    /** A secret that looks like none a provider issues, and that the simulator takes. */
    static final String SECRET = "demo-secret-0123456789";

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    /** Examples that read like the provider's own, by {@code sourceType/path}; each must still fit its field. */
    private static final Map<String, String> CHOSEN = Map.ofEntries(
            Map.entry("stripe/account_id", "acct_1DemoOutfitters"),
            Map.entry("stripe/client_secret", "sk_test_demo0123456789"),
            Map.entry("klaviyo/api_key", "pk_demo0123456789abcdef"),
            Map.entry("pipedrive/api_token", "demo0123456789abcdef"),
            Map.entry("quickbooks/realm_id", "4620816365164570000"),
            Map.entry("xero/tenant_id", "demo-outfitters-tenant"),
            Map.entry("shopify/shop", "demo-outfitters"),
            Map.entry("zendesk-support/subdomain", "demo-outfitters"));

    private DemoExamples() {}

    /**
     * A copy of {@code specification} (of the connector of {@code sourceType}) with the examples the simulator accepts,
     * each such field's description saying so in {@code words}' language.
     */
    static ObjectNode of(String sourceType, ObjectNode specification, PageWords words) {
        ObjectNode copy = specification.deepCopy();
        object(sourceType, words, copy, List.of());
        return copy;
    }

    private static void object(String sourceType, PageWords words, ObjectNode schema, List<String> at) {
        Set<String> required = new HashSet<>();
        schema.path("required").forEach(name -> required.add(name.asText()));
        for (Map.Entry<String, JsonNode> entry : schema.path("properties").properties()) {
            if (!(entry.getValue() instanceof ObjectNode property)) {
                continue;
            }
            List<String> path = append(at, entry.getKey());
            if (property.has("oneOf")) {
                options(sourceType, words, property, path);
            } else if (property.path("properties").isObject()) {
                object(sourceType, words, property, path);
            } else if (property.path("items") instanceof ObjectNode items && items.path("properties").isObject()) {
                // A required list of objects is asked for by its first item (streams.0.name).
                object(sourceType, words, items, append(path, "0"));
            } else {
                field(sourceType, words, property, path, required.contains(entry.getKey()));
            }
        }
        options(sourceType, words, schema, at);
    }

    private static void options(String sourceType, PageWords words, ObjectNode schema, List<String> at) {
        for (JsonNode option : schema.path("oneOf")) {
            if (option instanceof ObjectNode object) {
                object(sourceType, words, object, at);
            }
        }
    }

    private static void field(String sourceType, PageWords words, ObjectNode property, List<String> path,
            boolean required) {
        if (picked(property)) {
            return;
        }
        Predicate<JsonNode> accepted = accepted(property);
        JsonNode own = property.path("examples");
        boolean ownFirstAccepted = own.isArray() && !own.isEmpty() && accepted.test(own.get(0));
        if (!ownFirstAccepted && !required && (!own.isArray() || own.isEmpty())) {
            return;
        }
        ArrayNode examples = NODES.arrayNode();
        if (!ownFirstAccepted) {
            made(sourceType, property, path, accepted).ifPresent(examples::add);
        }
        own.forEach(example -> {
            if (accepted.test(example)) {
                examples.add(example);
            }
        });
        if (examples.isEmpty()) {
            property.remove("examples");
            return;
        }
        property.set("examples", examples);
        describe(property, words);
    }

    /** Whether a person picks the field's value rather than typing it: a constant, a switch, several of a list. */
    private static boolean picked(ObjectNode property) {
        return property.has("const") || type(property).equals("boolean")
                || (type(property).equals("array") && property.path("items").has("enum"));
    }

    /** What the simulator takes for the field: what fits its schema and, for a secret, what a provider would take. */
    private static Predicate<JsonNode> accepted(ObjectNode property) {
        Predicate<JsonNode> fits = SpecificationCheck.fitting(property);
        boolean secret = property.path("airbyte_secret").asBoolean(false);
        return value -> fits.test(value) && (!secret || !value.isTextual() || ConfigurationRules.takenAsSecret(value.asText()));
    }

    private static Optional<JsonNode> made(String sourceType, ObjectNode property, List<String> path,
            Predicate<JsonNode> accepted) {
        List<JsonNode> candidates = new ArrayList<>();
        Optional.ofNullable(CHOSEN.get(sourceType + "/" + String.join(".", path))).map(NODES::textNode)
                .ifPresent(candidates::add);
        property.path("enum").forEach(candidates::add);
        if (type(property).equals("array")) {
            ObjectNode items = property.path("items") instanceof ObjectNode object ? object : NODES.objectNode();
            scalars(items, path).forEach(item -> candidates.add(NODES.arrayNode().add(item)));
        } else {
            candidates.addAll(scalars(property, path));
        }
        return candidates.stream().filter(accepted).findFirst();
    }

    /** Values of the schema's type worth trying, the likeliest first. */
    private static List<JsonNode> scalars(JsonNode schema, List<String> path) {
        List<JsonNode> candidates = new ArrayList<>();
        switch (type(schema)) {
            case "integer", "number" -> {
                Optional.ofNullable(schema.get("minimum")).filter(JsonNode::isNumber).ifPresent(candidates::add);
                Optional.ofNullable(schema.get("exclusiveMinimum")).filter(JsonNode::isNumber)
                        .map(min -> NODES.numberNode(min.decimalValue().add(java.math.BigDecimal.ONE)))
                        .ifPresent(candidates::add);
                List.of(1, 10, 100, 1000).forEach(n -> candidates.add(NODES.numberNode(n)));
            }
            default -> texts(schema, path).forEach(text -> candidates.add(NODES.textNode(text)));
        }
        return candidates;
    }

    private static List<String> texts(JsonNode schema, List<String> path) {
        List<String> texts = new ArrayList<>();
        switch (schema.path("format").asText("")) {
            case "date-time" -> texts.add("2024-01-01T00:00:00Z");
            case "date" -> texts.add("2024-01-01");
            case "email" -> texts.add("dana@demo-outfitters.example");
            case "uri", "url" -> texts.add("https://demo-outfitters.example");
            default -> { }
        }
        if (schema.path("airbyte_secret").asBoolean(false)) {
            texts.add(SECRET);
        }
        String name = (String.join(" ", path) + " " + schema.path("title").asText("")).toLowerCase(Locale.ROOT);
        if (name.contains("date") || name.contains("time") || name.contains("start") || name.contains("end")) {
            texts.addAll(List.of("2024-01-01T00:00:00Z", "2024-01-01", "2024-01-01T00:00:00.000Z", "2024-01-01 00:00:00",
                    "2024-01-01T00:00:00", "2024-01"));
        }
        if (name.contains("mail")) {
            texts.add("dana@demo-outfitters.example");
        }
        if (name.contains("url") || name.contains("domain") || name.contains("host") || name.contains("endpoint")) {
            texts.addAll(List.of("https://demo-outfitters.example", "demo-outfitters.example"));
        }
        texts.addAll(List.of("demo-outfitters", "123456789", SECRET, "2024-01-01T00:00:00Z", "2024-01-01",
                "https://demo-outfitters.example", "us-east-1", "ABCDEFGH12", "01-01-2024", "01/01/2024 00:00",
                "live_demo0123456789"));
        return texts;
    }

    /** Adds to the field's description what the simulator accepts in it, in {@code words}' language. */
    private static void describe(ObjectNode property, PageWords words) {
        String description = property.path("description").asText("").strip();
        String said = words.say("spec.demo", accepts(property, words));
        if (description.endsWith(said)) {
            return;
        }
        property.put("description", description.isEmpty() ? said
                : description + (description.endsWith(".") ? " " : ". ") + said);
    }

    /** What the simulator takes in the field, in {@code words}' language. */
    private static String accepts(ObjectNode property, PageWords words) {
        if (property.path("airbyte_secret").asBoolean(false)) {
            return words.say("spec.demo.secret");
        }
        if (property.has("enum")) {
            return words.say("spec.demo.listed");
        }
        if (property.has("pattern") || property.has("format") || property.path("items").has("pattern")) {
            return words.say("spec.demo.pattern");
        }
        if (type(property).equals("integer") || type(property).equals("number")) {
            return words.say("spec.demo.number");
        }
        return words.say("spec.demo.any");
    }

    /** The schema's type, the first that is not "null" when it lists several; empty when it names none. */
    private static String type(JsonNode schema) {
        JsonNode type = schema.path("type");
        if (type.isArray()) {
            for (JsonNode each : type) {
                if (!each.asText().equals("null")) {
                    return each.asText();
                }
            }
            return "";
        }
        return type.asText("");
    }

    private static List<String> append(List<String> prefix, String key) {
        List<String> keys = new ArrayList<>(prefix);
        keys.add(key);
        return List.copyOf(keys);
    }
}
