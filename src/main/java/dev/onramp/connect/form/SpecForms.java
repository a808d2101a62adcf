package dev.onramp.connect.form;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.onramp.connect.form.FormField.Kind;
import dev.onramp.connect.form.FormField.Rules;
import dev.onramp.model.OAuthFacts;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Reads a connector's {@code connectionSpecification} (JSON Schema as Airbyte writes it) into a
 * {@link ConnectorForm}: {@code oneOf} becomes a choice, nested objects are flattened, {@code const}
 * fields are filled in by themselves, {@code airbyte_hidden} fields are left out, and {@code order}
 * decides the order.
 */
public final class SpecForms {
    private static final int MAX_EXAMPLES = 3;

    private SpecForms() {}

    /** The whole form. */
    public static ConnectorForm read(JsonNode spec) {
        return new Reader(Optional.empty()).form(spec);
    }

    /**
     * The form for typed credentials of a connector that may also sign in through Airbyte's OAuth:
     * the option its OAuth predicate selects is left out, unless it is the only one.
     */
    public static ConnectorForm withoutOAuth(JsonNode spec, OAuthFacts oauth) {
        return new Reader(Optional.of(oauth).filter(OAuthFacts::hasPredicate)).form(spec);
    }

    /**
     * The fields a person gives before an OAuth connector's consent, in the specification's order;
     * empty when it needs none. They are the inputs its OAuth asks for
     * ({@code oauthUserInputFromConnectorConfigSpecification}, e.g. Zendesk's subdomain), and every
     * other field the specification requires that the sign-in does not fill (Google Analytics'
     * property ids, Intercom's start date), since Airbyte validates the whole configuration without
     * filling defaults: a field with a default comes filled with it. Optional secret inputs
     * (Intercom's own OAuth app) are left out: the OAuth app is Airbyte's operator's business.
     */
    public static ConnectorForm consentInputs(JsonNode spec, OAuthFacts oauth) {
        List<Map.Entry<Integer, FormField>> fields = new ArrayList<>();
        for (List<String> path : oauth.userInputPaths().values()) {
            if (path.isEmpty()) {
                continue;
            }
            JsonNode parent = spec;
            for (String key : path.subList(0, path.size() - 1)) {
                parent = parent.path("properties").path(key);
            }
            JsonNode property = parent.path("properties").path(path.getLast());
            if (!property.isObject()) {
                continue;
            }
            boolean required = false;
            for (JsonNode name : parent.path("required")) {
                required |= name.asText().equals(path.getLast());
            }
            if (property.path("airbyte_secret").asBoolean(false) && !required) {
                continue;
            }
            fields.add(Map.entry(property.path("order").asInt(Integer.MAX_VALUE),
                    Reader.field(property, path, path.getLast(), required)));
        }
        Set<List<String>> filled = new HashSet<>(oauth.outputPaths().values());
        filled.addAll(oauth.serverOutputPaths().values());
        filled.addAll(oauth.userInputPaths().values());
        filled.add(oauth.predicateKey());
        List<String> signInOption = oauth.hasPredicate()
                ? oauth.predicateKey().subList(0, oauth.predicateKey().size() - 1) : List.of();
        requiredBeyondSignIn(spec, List.of(), filled, signInOption, fields);
        fields.sort(Map.Entry.<Integer, FormField>comparingByKey().thenComparing(e -> e.getValue().path()));
        return new ConnectorForm(fields.stream().<FormElement>map(Map.Entry::getValue).toList(), Map.of());
    }

    /**
     * The required fields of {@code schema} (and of its required nested objects) that the sign-in does
     * not fill: not an OAuth output, server output, input or predicate, not a constant, and not inside
     * the object that holds the OAuth option ({@code signInOption}; empty when the predicate is at the
     * top, where the filled paths say enough). A required choice outside it is left to the typed form.
     */
    private static void requiredBeyondSignIn(JsonNode schema, List<String> prefix, Set<List<String>> filled,
            List<String> signInOption, List<Map.Entry<Integer, FormField>> into) {
        Set<String> required = new HashSet<>();
        schema.path("required").forEach(name -> required.add(name.asText()));
        for (Map.Entry<String, JsonNode> entry : schema.path("properties").properties()) {
            List<String> path = Reader.append(prefix, entry.getKey());
            JsonNode property = entry.getValue();
            boolean insideSignIn = !signInOption.isEmpty() && path.size() >= signInOption.size()
                    && path.subList(0, signInOption.size()).equals(signInOption);
            if (!required.contains(entry.getKey()) || filled.contains(path) || insideSignIn || property.has("const")
                    || property.has("oneOf") || property.path("airbyte_hidden").asBoolean(false)) {
                continue;
            }
            if (Reader.isType(property, "object") && property.path("properties").isObject()) {
                requiredBeyondSignIn(property, path, filled, signInOption, into);
            } else {
                into.add(Map.entry(property.path("order").asInt(Integer.MAX_VALUE),
                        Reader.field(property, path, entry.getKey(), true)));
            }
        }
    }

    /**
     * The titles of the options a person can fill in instead of signing in through Airbyte's OAuth,
     * e.g. Shopify's "API Password"; empty when the connector has no such option.
     */
    public static List<String> alternativesToOAuth(JsonNode spec, OAuthFacts oauth) {
        if (!oauth.hasPredicate()) {
            return List.of();
        }
        List<String> parent = oauth.predicateKey().subList(0, oauth.predicateKey().size() - 1);
        JsonNode choice = spec;
        for (String key : parent) {
            choice = choice.path("properties").path(key);
        }
        String last = oauth.predicateKey().getLast();
        List<String> titles = new ArrayList<>();
        for (JsonNode option : choice.path("oneOf")) {
            if (!isOAuthOption(option, last, oauth.predicateValue())) {
                titles.add(optionTitle(option, titles.size()));
            }
        }
        return titles;
    }

    private static boolean isOAuthOption(JsonNode option, String predicateField, String predicateValue) {
        return option.path("properties").path(predicateField).path("const").asText("").equals(predicateValue);
    }

    private static String optionTitle(JsonNode option, int index) {
        String title = option.path("title").asText("").strip();
        if (title.isEmpty()) {
            title = HelpText.plain(option.path("description").asText(""));
        }
        return title.isEmpty() ? "Option " + (index + 1) : title;
    }

    /** One pass over a specification; {@code oauth} names the OAuth option to leave out, if any. */
    private record Reader(Optional<OAuthFacts> oauth) {
        ConnectorForm form(JsonNode spec) {
            Map<String, JsonNode> constants = new LinkedHashMap<>();
            List<FormElement> elements = object(spec, List.of(), true, constants, 0);
            return new ConnectorForm(elements, constants);
        }

        /**
         * The elements of an object's properties; its {@code const} fields go to {@code constants},
         * keyed by their path below the first {@code base} keys.
         */
        private List<FormElement> object(JsonNode schema, List<String> prefix, boolean present,
                Map<String, JsonNode> constants, int base) {
            Set<String> required = new HashSet<>();
            schema.path("required").forEach(name -> required.add(name.asText()));
            List<Map.Entry<String, JsonNode>> properties = new ArrayList<>(schema.path("properties").properties());
            properties.sort(Comparator.comparingInt(entry -> entry.getValue().path("order").asInt(Integer.MAX_VALUE)));

            List<FormElement> elements = new ArrayList<>();
            for (Map.Entry<String, JsonNode> entry : properties) {
                JsonNode property = entry.getValue();
                List<String> keys = append(prefix, entry.getKey());
                boolean isRequired = present && required.contains(entry.getKey());
                if (property.path("airbyte_hidden").asBoolean(false)) {
                    continue;
                }
                JsonNode constant = constant(property);
                if (constant != null) {
                    // An optional object's constants would make it present, with every field it requires.
                    if (present) {
                        constants.put(String.join(".", keys.subList(base, keys.size())), constant);
                    }
                } else if (property.has("oneOf") && hasObjectOptions(property)) {
                    elements.add(choice(property, keys, entry.getKey(), isRequired));
                } else if (isType(property, "object") && !property.path("properties").isEmpty()) {
                    elements.addAll(object(property, keys, isRequired, constants, base));
                } else if (isRequired && isListOfObjects(property)) {
                    // A required list of settings (S3's streams): the form asks for its first item, and
                    // the list is there even when that item's fields are all left empty.
                    constants.put(String.join(".", keys.subList(base, keys.size())), JsonNodeFactory.instance.arrayNode());
                    elements.addAll(object(property.path("items"), append(keys, "0"), true, constants, base));
                } else {
                    elements.add(field(property, keys, entry.getKey(), isRequired));
                }
            }
            return elements;
        }

        /**
         * The value a property can only have: its {@code const}, or the one value of its {@code enum}
         * (a discriminator such as MySQL's {@code ssl_mode.mode}); null for a property a person fills.
         */
        private static JsonNode constant(JsonNode property) {
            if (property.has("const")) {
                return property.get("const");
            }
            JsonNode allowed = property.path("enum");
            return allowed.isArray() && allowed.size() == 1 ? allowed.get(0) : null;
        }

        /** Whether a {@code oneOf} offers ways of filling an object, rather than types of one value. */
        private static boolean hasObjectOptions(JsonNode property) {
            for (JsonNode option : property.path("oneOf")) {
                if (!option.path("properties").isObject()) {
                    return false;
                }
            }
            return !property.path("oneOf").isEmpty();
        }

        private static boolean isListOfObjects(JsonNode property) {
            JsonNode items = property.path("items");
            return isType(property, "array") && isType(items, "object") && !items.path("properties").isEmpty()
                    && !items.has("oneOf");
        }

        private FormChoice choice(JsonNode property, List<String> keys, String name, boolean required) {
            List<JsonNode> options = new ArrayList<>();
            property.path("oneOf").forEach(options::add);
            if (oauth.isPresent() && oauth.get().predicateKey().subList(0, oauth.get().predicateKey().size() - 1).equals(keys)) {
                String predicateField = oauth.get().predicateKey().getLast();
                List<JsonNode> typed = options.stream()
                        .filter(option -> !isOAuthOption(option, predicateField, oauth.get().predicateValue()))
                        .toList();
                if (!typed.isEmpty()) {
                    options = typed;
                }
            }
            List<FormOption> read = new ArrayList<>();
            for (JsonNode option : options) {
                Map<String, JsonNode> constants = new LinkedHashMap<>();
                List<FormElement> elements = object(option, keys, true, constants, keys.size());
                read.add(new FormOption(optionTitle(option, read.size()), constants, elements));
            }
            return new FormChoice(keys, title(property, name), help(property), required, read);
        }

        private static FormField field(JsonNode property, List<String> keys, String name, boolean required) {
            Kind kind = kind(property);
            List<JsonNode> allowed = new ArrayList<>();
            (kind == Kind.MULTI_ENUM ? property.path("items").path("enum") : property.path("enum")).forEach(allowed::add);
            Optional<String> defaultValue = Optional.ofNullable(property.get("default")).map(value -> text(value, kind));
            if (defaultValue.isEmpty() && kind == Kind.ENUM && allowed.size() == 1) {
                defaultValue = Optional.of(allowed.getFirst().asText());
            }
            Optional<String> example = Optional.ofNullable(property.path("examples").get(0)).map(value -> text(value, kind));
            Rules rules = new Rules(
                    Optional.ofNullable(property.path("pattern").textValue())
                            .or(() -> Optional.ofNullable(property.path("items").path("pattern").textValue())),
                    Optional.ofNullable(property.path("pattern_descriptor").textValue()),
                    decimal(property, "minimum"),
                    decimal(property, "exclusiveMinimum"),
                    decimal(property, "maximum"),
                    kind == Kind.DATE || kind == Kind.DATE_TIME ? DateFormats.of(property) : Optional.empty());
            return new FormField(keys, title(property, name), help(property), required, kind,
                    property.path("airbyte_secret").asBoolean(false), property.path("multiline").asBoolean(false),
                    allowed, defaultValue, example, rules);
        }

        private static Kind kind(JsonNode property) {
            if (property.has("enum")) {
                return Kind.ENUM;
            }
            return switch (type(property)) {
                case "string" -> DateFormats.of(property)
                        .map(layout -> DateFormats.hasTime(layout) ? Kind.DATE_TIME : Kind.DATE)
                        .orElse(Kind.TEXT);
                case "integer" -> Kind.INTEGER;
                case "number" -> Kind.NUMBER;
                case "boolean" -> Kind.BOOLEAN;
                case "array" -> {
                    JsonNode items = property.path("items");
                    if (items.has("enum")) {
                        yield Kind.MULTI_ENUM;
                    }
                    yield switch (type(items)) {
                        case "string" -> Kind.TEXT_LIST;
                        case "integer" -> Kind.INTEGER_LIST;
                        // Items of any type: a list of texts is what a person means.
                        case "" -> items.has("properties") ? Kind.JSON : Kind.TEXT_LIST;
                        default -> Kind.JSON;
                    };
                }
                case "object" -> Kind.JSON;
                default -> Kind.TEXT;
            };
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

        private static boolean isType(JsonNode schema, String wanted) {
            return type(schema).equals(wanted);
        }

        private static String text(JsonNode value, Kind kind) {
            if (kind == Kind.JSON || value.isObject()) {
                return value.toString();
            }
            if (value.isArray()) {
                List<String> items = new ArrayList<>();
                value.forEach(item -> items.add(item.asText()));
                return String.join(", ", items);
            }
            return value.asText();
        }

        private static Optional<BigDecimal> decimal(JsonNode property, String field) {
            JsonNode value = property.path(field);
            return value.isNumber() ? Optional.of(value.decimalValue()) : Optional.empty();
        }

        private static String title(JsonNode property, String name) {
            String title = property.path("title").asText("").strip();
            if (!title.isEmpty()) {
                return title;
            }
            String words = name.replace('_', ' ').replace('-', ' ').strip();
            return words.isEmpty() ? name : words.substring(0, 1).toUpperCase(Locale.ROOT) + words.substring(1);
        }

        private static String help(JsonNode property) {
            String description = HelpText.plain(property.path("description").asText(""));
            List<String> examples = new ArrayList<>();
            for (JsonNode example : property.path("examples")) {
                if (examples.size() < MAX_EXAMPLES && example.isValueNode()) {
                    examples.add(example.asText());
                }
            }
            if (examples.isEmpty()) {
                return description;
            }
            String sentence = "For example: " + String.join(", ", examples) + ".";
            return description.isEmpty() ? sentence : description + " " + sentence;
        }

        private static List<String> append(List<String> prefix, String key) {
            List<String> keys = new ArrayList<>(prefix);
            keys.add(key);
            return List.copyOf(keys);
        }
    }
}
