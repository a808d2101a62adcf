package dev.onramp.connect.form;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.MissingNode;
import dev.onramp.catalog.SpecWords;
import dev.onramp.connect.form.FormField.Kind;
import dev.onramp.connect.form.FormField.Rules;
import dev.onramp.model.OAuthFacts;
import dev.onramp.text.Text;
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
 * decides the order. Given the connector's {@link SpecWords}, its titles and help are in their language;
 * an option's title stays the specification's own, and only its label is translated.
 */
public final class SpecForms {
    private static final int MAX_EXAMPLES = 3;

    private SpecForms() {}

    /** The whole form, in the specification's own words. */
    public static ConnectorForm read(JsonNode spec) {
        return read(spec, SpecWords.english());
    }

    /** The whole form, its titles and help in {@code words}' language where it has them. */
    public static ConnectorForm read(JsonNode spec, SpecWords words) {
        return new Reader(Optional.empty(), new FormWords(spec, words)).form(spec);
    }

    /**
     * The form for typed credentials of a connector that may also sign in through Airbyte's OAuth:
     * the option its OAuth predicate selects is left out, unless it is the only one.
     */
    public static ConnectorForm withoutOAuth(JsonNode spec, OAuthFacts oauth) {
        return withoutOAuth(spec, oauth, SpecWords.english());
    }

    /** As {@link #withoutOAuth(JsonNode, OAuthFacts)}, its titles and help in {@code words}' language. */
    public static ConnectorForm withoutOAuth(JsonNode spec, OAuthFacts oauth, SpecWords words) {
        return new Reader(Optional.of(oauth).filter(OAuthFacts::hasPredicate), new FormWords(spec, words)).form(spec);
    }

    /**
     * The fields a person gives before an OAuth connector's consent, in the specification's order;
     * empty when it needs none. They are the inputs its OAuth asks for
     * ({@code oauthUserInputFromConnectorConfigSpecification}, e.g. Zendesk's subdomain, or Microsoft's
     * tenant id inside the OAuth option of its {@code credentials}), and every other field the
     * specification requires that the sign-in does not fill (Google Analytics' property ids, Intercom's
     * start date, the first stream of Google Drive's required list of streams), since Airbyte validates
     * the whole configuration without filling defaults: a field with a default comes filled with it.
     * Optional secret inputs (Intercom's own OAuth app) are left out: the OAuth app is Airbyte's
     * operator's business. The form's constants are the required constants beside those fields and
     * those of the object the sign-in fills (RD Station's {@code authorization.auth_type: Client}).
     */
    public static ConnectorForm consentInputs(JsonNode spec, OAuthFacts oauth) {
        return consentInputs(spec, oauth, SpecWords.english());
    }

    /** As {@link #consentInputs(JsonNode, OAuthFacts)}, its titles and help in {@code words}' language. */
    public static ConnectorForm consentInputs(JsonNode spec, OAuthFacts oauth, SpecWords words) {
        Reader reader = new Reader(Optional.empty(), new FormWords(spec, words));
        List<Placed> placed = new ArrayList<>();
        Map<String, JsonNode> constants = new LinkedHashMap<>();
        for (List<String> path : oauth.userInputPaths().values()) {
            if (path.isEmpty()) {
                continue;
            }
            JsonNode parent = objectAt(spec, path.subList(0, path.size() - 1), oauth);
            JsonNode property = parent.path("properties").path(path.getLast());
            if (!property.isObject()) {
                continue;
            }
            boolean required = requires(parent, path.getLast());
            if (property.path("airbyte_secret").asBoolean(false) && !required) {
                continue;
            }
            placed.add(new Placed(property, path, List.of(reader.field(property, path, path.getLast(), required))));
        }
        Set<List<String>> filled = new HashSet<>(oauth.outputPaths().values());
        filled.addAll(oauth.serverOutputPaths().values());
        filled.addAll(oauth.userInputPaths().values());
        filled.add(oauth.predicateKey());
        List<String> signInOption = oauth.hasPredicate()
                ? oauth.predicateKey().subList(0, oauth.predicateKey().size() - 1) : List.of();
        requiredBeyondSignIn(reader, spec, List.of(), filled, signInOption, placed, constants);
        signInConstants(spec, oauth, filled, constants);
        placed.sort(Comparator.comparingInt(Placed::order).thenComparing(Placed::path));
        return new ConnectorForm(placed.stream().flatMap(each -> each.elements().stream()).toList(), constants);
    }

    /** Elements read from one property of a specification, placed by its {@code order}, then its path. */
    private record Placed(int order, String path, List<FormElement> elements) {
        Placed(JsonNode property, List<String> keys, List<FormElement> elements) {
            this(property.path("order").asInt(Integer.MAX_VALUE), String.join(".", keys), elements);
        }
    }

    /**
     * The required fields of {@code schema} (and of its required nested objects) that the sign-in does
     * not fill: not an OAuth output, server output, input or predicate, and not inside the object that
     * holds the OAuth option ({@code signInOption}; empty when the predicate is at the top, where the
     * filled paths say enough). A required constant goes to {@code constants}; a required list of
     * settings (Google Drive's streams) is asked for its first item, as in the typed form; a required
     * choice outside the sign-in is left to the typed form.
     */
    private static void requiredBeyondSignIn(Reader reader, JsonNode schema, List<String> prefix,
            Set<List<String>> filled, List<String> signInOption, List<Placed> into, Map<String, JsonNode> constants) {
        for (Map.Entry<String, JsonNode> entry : schema.path("properties").properties()) {
            List<String> path = Reader.append(prefix, entry.getKey());
            JsonNode property = entry.getValue();
            boolean insideSignIn = !signInOption.isEmpty() && path.size() >= signInOption.size()
                    && path.subList(0, signInOption.size()).equals(signInOption);
            if (!requires(schema, entry.getKey()) || filled.contains(path) || insideSignIn
                    || property.path("airbyte_hidden").asBoolean(false)) {
                continue;
            }
            JsonNode constant = Reader.constant(property);
            if (constant != null) {
                constants.put(String.join(".", path), constant);
            } else if (property.has("oneOf")) {
                continue;
            } else if (Reader.isType(property, "object") && property.path("properties").isObject()) {
                requiredBeyondSignIn(reader, property, path, filled, signInOption, into, constants);
            } else if (Reader.isListOfObjects(property)) {
                constants.put(String.join(".", path), JsonNodeFactory.instance.arrayNode());
                into.add(new Placed(property, path,
                        reader.object(property.path("items"), Reader.append(path, "0"), true, constants, 0)));
            } else {
                into.add(new Placed(property, path, List.of(reader.field(property, path, entry.getKey(), true))));
            }
        }
    }

    /**
     * Puts into {@code constants} the required constants of the object the sign-in fills (the
     * predicate's object, else the one holding the OAuth's outputs), or of its option that the
     * sign-in selects: Airbyte's sign-in fills the tokens, not the constants that tell the option
     * apart (RD Station's only option requires {@code auth_type: Client}). The predicate itself is
     * left to the sign-in.
     */
    private static void signInConstants(JsonNode spec, OAuthFacts oauth, Set<List<String>> filled,
            Map<String, JsonNode> constants) {
        Optional<List<String>> signIn = signInObject(oauth);
        if (signIn.isEmpty() || signIn.get().isEmpty()) {
            return;
        }
        JsonNode object = objectAt(spec, signIn.get(), oauth);
        for (Map.Entry<String, JsonNode> entry : object.path("properties").properties()) {
            List<String> path = Reader.append(signIn.get(), entry.getKey());
            JsonNode constant = Reader.constant(entry.getValue());
            if (constant != null && requires(object, entry.getKey()) && !filled.contains(path)) {
                constants.put(String.join(".", path), constant);
            }
        }
    }

    /** The path of the object the sign-in fills: the predicate's, else the deepest one holding every output. */
    private static Optional<List<String>> signInObject(OAuthFacts oauth) {
        if (oauth.hasPredicate()) {
            return Optional.of(oauth.predicateKey().subList(0, oauth.predicateKey().size() - 1));
        }
        List<String> common = null;
        for (List<String> path : oauth.outputPaths().values()) {
            if (path.isEmpty()) {
                continue;
            }
            List<String> parent = path.subList(0, path.size() - 1);
            if (common == null) {
                common = parent;
            } else {
                int same = 0;
                while (same < common.size() && same < parent.size() && common.get(same).equals(parent.get(same))) {
                    same++;
                }
                common = common.subList(0, same);
            }
        }
        return Optional.ofNullable(common).map(List::copyOf);
    }

    /**
     * The schema of the object at {@code keys} whose properties the sign-in uses: where a {@code oneOf}
     * is met on the way, the option the sign-in selects ({@link #signInOption}); a missing node when
     * there is no such object.
     */
    private static JsonNode objectAt(JsonNode spec, List<String> keys, OAuthFacts oauth) {
        JsonNode node = signInOption(spec, List.of(), oauth);
        for (int i = 0; i < keys.size(); i++) {
            node = signInOption(node.path("properties").path(keys.get(i)), keys.subList(0, i + 1), oauth);
        }
        return node;
    }

    /**
     * The schema itself when it has no {@code oneOf}; otherwise the option the sign-in selects: the one
     * its predicate names, else the only one, else the only one holding every key the OAuth fills or
     * asks for below {@code keys}; a missing node when none is obvious.
     */
    private static JsonNode signInOption(JsonNode schema, List<String> keys, OAuthFacts oauth) {
        if (!schema.has("oneOf")) {
            return schema;
        }
        List<JsonNode> options = new ArrayList<>();
        schema.path("oneOf").forEach(options::add);
        if (oauth.hasPredicate() && oauth.predicateKey().subList(0, oauth.predicateKey().size() - 1).equals(keys)) {
            return options.stream()
                    .filter(option -> isOAuthOption(option, oauth.predicateKey().getLast(), oauth.predicateValue()))
                    .findFirst().orElse(MissingNode.getInstance());
        }
        if (options.size() == 1) {
            return options.getFirst();
        }
        Set<String> below = new HashSet<>();
        List<List<String>> paths = new ArrayList<>(oauth.outputPaths().values());
        paths.addAll(oauth.serverOutputPaths().values());
        paths.addAll(oauth.userInputPaths().values());
        for (List<String> path : paths) {
            if (path.size() > keys.size() && path.subList(0, keys.size()).equals(keys)) {
                below.add(path.get(keys.size()));
            }
        }
        List<JsonNode> holding = options.stream()
                .filter(option -> !below.isEmpty() && below.stream().allMatch(key -> option.path("properties").has(key)))
                .toList();
        return holding.size() == 1 ? holding.getFirst() : MissingNode.getInstance();
    }

    private static boolean requires(JsonNode schema, String name) {
        for (JsonNode each : schema.path("required")) {
            if (each.asText().equals(name)) {
                return true;
            }
        }
        return false;
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

    /** An option's name in {@link FormValues}: its own title, else its description, else "Option" and its number. */
    private static String optionTitle(JsonNode option, int index) {
        String title = option.path("title").asText("").strip();
        if (title.isEmpty()) {
            title = HelpText.plain(option.path("description").asText(""));
        }
        return title.isEmpty() ? "Option " + (index + 1) : title;
    }

    /**
     * One pass over a specification; {@code oauth} names the OAuth option to leave out, if any, and
     * {@code words} give the titles and help in the form's language.
     */
    private record Reader(Optional<OAuthFacts> oauth, FormWords words) {
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
                read.add(new FormOption(optionTitle(option, read.size()), optionLabel(option, read.size()), constants,
                        elements));
            }
            return new FormChoice(keys, title(property, name), help(property), required, read);
        }

        /** What a person sees of an option: its title, else its description, else "Option" and its number, in the form's language. */
        private String optionLabel(JsonNode option, int index) {
            String title = words.title(option, option.path("title").asText("")).strip();
            if (title.isEmpty()) {
                title = HelpText.plain(words.description(option, option.path("description").asText("")));
            }
            return title.isEmpty() ? words.option(index + 1) : title;
        }

        private FormField field(JsonNode property, List<String> keys, String name, boolean required) {
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
                    kind == Kind.DATE || kind == Kind.DATE_TIME ? DateFormats.of(property) : Optional.empty(),
                    kind == Kind.JSON ? Optional.of(type(property)).filter(t -> t.equals("array") || t.equals("object"))
                            : Optional.empty(),
                    DateFormats.contradiction(property).map(written -> impossible(property, name, written)));
            return new FormField(keys, title(property, name), help(property), required, kind,
                    property.path("airbyte_secret").asBoolean(false), property.path("multiline").asBoolean(false),
                    allowed, defaultValue, example, rules);
        }

        /** Why no value fits a date property whose format and pattern contradict each other. */
        private Text impossible(JsonNode property, String name, String written) {
            Text like = DateFormats.of(property)
                    .map(layout -> Text.of("connect.form.impossible.lookLike", DateFormats.write(layout, DateFormats.PROBE)))
                    .orElseGet(() -> Text.of("connect.form.impossible.match", property.path("pattern").asText()));
            return Text.of("connect.form.impossible", title(property, name), written, like);
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

        private String title(JsonNode property, String name) {
            String title = words.title(property, property.path("title").asText("")).strip();
            if (!title.isEmpty()) {
                return title;
            }
            String words = name.replace('_', ' ').replace('-', ' ').strip();
            return words.isEmpty() ? name : words.substring(0, 1).toUpperCase(Locale.ROOT) + words.substring(1);
        }

        private String help(JsonNode property) {
            String description = HelpText.plain(words.description(property, property.path("description").asText("")));
            List<String> examples = new ArrayList<>();
            for (JsonNode example : property.path("examples")) {
                if (examples.size() < MAX_EXAMPLES && example.isValueNode()) {
                    examples.add(example.asText());
                }
            }
            if (examples.isEmpty()) {
                return description;
            }
            String sentence = words.forExample(String.join(", ", examples));
            return description.isEmpty() ? sentence : description + " " + sentence;
        }

        private static List<String> append(List<String> prefix, String key) {
            List<String> keys = new ArrayList<>(prefix);
            keys.add(key);
            return List.copyOf(keys);
        }
    }
}
