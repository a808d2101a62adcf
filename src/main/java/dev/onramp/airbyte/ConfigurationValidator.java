package dev.onramp.airbyte;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.MissingNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.AnnotationKeyword;
import com.networknt.schema.JsonMetaSchema;
import com.networknt.schema.JsonNodePath;
import com.networknt.schema.JsonSchemaException;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.PathType;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import dev.onramp.airbyte.AirbyteException.Kind;
import dev.onramp.model.OAuthFacts;
import dev.onramp.text.Messages;
import dev.onramp.text.Text;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Checks a source configuration against its connector's {@code connectionSpecification} as Airbyte
 * does (JSON Schema draft 7, formats asserted, no defaults filled in) before Onramp sends it, and
 * words each failure for a person by the field's title and path, never by its value.
 */
final class ConfigurationValidator {
    private static final Logger LOG = LoggerFactory.getLogger(ConfigurationValidator.class);
    /** The keywords that hold subschemas by name, and those that hold a list of them. */
    private static final List<String> NAMED_SUBSCHEMAS = List.of("properties", "patternProperties", "definitions",
            "$defs", "dependencies");
    private static final List<String> LISTED_SUBSCHEMAS = List.of("oneOf", "anyOf", "allOf", "items");
    private static final List<String> SINGLE_SUBSCHEMAS = List.of("additionalProperties", "additionalItems", "items",
            "contains", "propertyNames", "not", "if", "then", "else");
    /** Which failure of a field is told, when it has several: the first of these it has. */
    private static final List<String> PRIORITY = List.of("required", "additionalProperties", "type", "const", "enum",
            "oneOf", "anyOf", "format", "pattern");
    private static final int MOST_PROBLEMS_TOLD = 8;
    private static final int MOST_VALUES_TOLD = 8;

    private final ConnectorNames names;

    /** The validator, made at the first check rather than when a gateway is (it is not needed to start). */
    private static final class Draft7 {
        /** Draft 7, with Airbyte's own keywords ({@code airbyte_secret}, {@code order}, …) read as annotations. */
        private static final JsonMetaSchema META_SCHEMA = JsonMetaSchema.builder(JsonMetaSchema.getV7())
                .unknownKeywordFactory((keyword, context) -> new AnnotationKeyword(keyword))
                .build();
        static final JsonSchemaFactory SCHEMAS = JsonSchemaFactory
                .builder(JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V7))
                .metaSchema(META_SCHEMA)
                .build();
        static final SchemaValidatorsConfig CONFIG = SchemaValidatorsConfig.builder()
                .pathType(PathType.JSON_POINTER)
                .build();
    }

    ConfigurationValidator(ConnectorNames names) {
        this.names = names;
    }

    /**
     * For a call that sends the whole configuration ({@code sources/create}, {@code sources/update},
     * {@code POST /sources}), which Airbyte validates as it is: every field the specification
     * requires must be there, at every level of the option it chose, except what Airbyte puts in
     * itself. That is, when the configuration uses the connector's OAuth, the server outputs (its
     * OAuth app's client id and secret) and, when a {@code secretId} goes with it, the OAuth
     * outputs too (the tokens Airbyte keeps behind that coordinate).
     *
     * @param oauth the connector's OAuth facts, if it signs in through OAuth
     * @param withSecretId whether the call carries the {@code secretId} of a completed OAuth
     * @throws AirbyteException of kind REJECTED naming each failing field, before anything is sent
     */
    void requireWhole(ApiCall call, String definitionId, JsonNode specification, JsonNode configuration,
            Optional<OAuthFacts> oauth, boolean withSecretId) {
        ObjectNode schema = readable(specification);
        suppliedByAirbyte(oauth, configuration, withSecretId).forEach(path -> notRequired(schema, path));
        require(call, definitionId, schema, configuration);
    }

    /**
     * For a call whose configuration Airbyte merges over the one it keeps before it validates the
     * result ({@code sources/partial_update}, {@code PATCH /sources/{id}}). Onramp cannot see the
     * stored half, so it checks what it can: every value it sends must be one the specification
     * allows (its type, pattern, format, enum or const, and the option it picks), while no field is
     * required (the stored configuration or the {@code secretId} may hold it) and a group of
     * settings need only fit one of its options rather than exactly one. Airbyte validates the
     * merged whole.
     *
     * @throws AirbyteException of kind REJECTED naming each failing field, before anything is sent
     */
    void requirePart(ApiCall call, String definitionId, JsonNode specification, JsonNode configuration) {
        ObjectNode schema = readable(specification);
        eachSchema(schema, ConfigurationValidator::relaxed);
        require(call, definitionId, schema, configuration);
    }

    /**
     * The paths Airbyte fills into a configuration that uses the connector's OAuth: the server
     * outputs, and the outputs when a {@code secretId} goes with it. A configuration uses OAuth when
     * the connector has no predicate field or the field holds the predicate value.
     */
    static Set<List<String>> suppliedByAirbyte(Optional<OAuthFacts> oauth, JsonNode configuration, boolean withSecretId) {
        Set<List<String>> supplied = new LinkedHashSet<>();
        oauth.filter(facts -> !facts.hasPredicate()
                        || facts.predicateValue().equals(at(configuration, facts.predicateKey()).asText(null)))
                .ifPresent(facts -> {
                    supplied.addAll(facts.serverOutputPaths().values());
                    if (withSecretId) {
                        supplied.addAll(facts.outputPaths().values());
                    }
                });
        supplied.removeIf(List::isEmpty);
        return supplied;
    }

    /**
     * Reads the specification once, ahead of the checks: the validator loads on its first use
     * (about a tenth of a second), which then falls when the specification is fetched rather than
     * between a flow's "creating the source" and its call. A specification it cannot read is left
     * for the check to refuse.
     */
    static void prepare(JsonNode specification) {
        try {
            problems(readable(specification), JsonNodeFactory.instance.objectNode());
        } catch (RuntimeException e) {
            LOG.debug("The connector's specification could not be read ahead of the checks: {}", e.toString());
        }
    }

    /** What is wrong with the configuration, in English, a sentence part for each failing field in path order; empty when it fits. */
    static List<String> problems(JsonNode schema, JsonNode configuration) {
        return problemTexts(schema, configuration).stream().map(Messages.english()::render).toList();
    }

    /** What is wrong with the configuration, a sentence part for each failing field in path order; empty when it fits. */
    static List<Text> problemTexts(JsonNode schema, JsonNode configuration) {
        List<ValidationMessage> messages = new ArrayList<>(Draft7.SCHEMAS.getSchema(schema, Draft7.CONFIG).validate(configuration));
        Map<String, Problem> byField = new LinkedHashMap<>();
        relevant(schema, configuration, messages).stream()
                .map(message -> problem(schema, message))
                .sorted(Comparator.comparing(Problem::path).thenComparingInt(Problem::priority))
                .forEach(problem -> byField.putIfAbsent(problem.path(), problem));
        return byField.values().stream().map(Problem::words).toList();
    }

    private void require(ApiCall call, String definitionId, ObjectNode schema, JsonNode configuration) {
        List<Text> problems;
        try {
            problems = problemTexts(schema, configuration);
        } catch (JsonSchemaException | IllegalArgumentException e) {
            throw new AirbyteException(Kind.BAD_RESPONSE, Text.of("airbyte.validation.unreadable",
                    names.describe(definitionId), String.valueOf(e.getMessage()), call.action()), e);
        }
        if (problems.isEmpty()) {
            return;
        }
        LOG.info("Not sent to Airbyte: the settings to {} do not fit the specification of {} ({} problem(s))",
                call.verb(), Messages.english().render(names.describe(definitionId)), problems.size());
        List<Object> told = new ArrayList<>(problems.subList(0, Math.min(problems.size(), MOST_PROBLEMS_TOLD)));
        if (problems.size() > MOST_PROBLEMS_TOLD) {
            told.add(Text.of("airbyte.validation.more", problems.size() - MOST_PROBLEMS_TOLD));
        }
        throw new AirbyteException(Kind.REJECTED, Text.of("airbyte.validation.refused", call.action(),
                names.describe(definitionId), Text.joined("; ", told)));
    }

    /** A copy of the specification that is always read as draft 7, whatever {@code $schema} it names. */
    private static ObjectNode readable(JsonNode specification) {
        if (!(specification instanceof ObjectNode object)) {
            throw new AirbyteException(Kind.BAD_RESPONSE, Text.of("airbyte.validation.notObject"));
        }
        ObjectNode copy = object.deepCopy();
        copy.remove("$schema");
        return copy;
    }

    /**
     * Takes the path's fields out of {@code required} wherever the path leads, through every option
     * on the way: the objects that hold a field Airbyte puts in, Airbyte makes too.
     */
    private static void notRequired(ObjectNode schema, List<String> path) {
        List<ObjectNode> holders = List.of(schema);
        for (String step : path) {
            List<ObjectNode> next = new ArrayList<>();
            for (ObjectNode holder : withOptions(holders)) {
                if (holder.get("required") instanceof ArrayNode required) {
                    for (int i = required.size() - 1; i >= 0; i--) {
                        if (required.get(i).asText().equals(step)) {
                            required.remove(i);
                        }
                    }
                }
                if (holder.path("properties").path(step) instanceof ObjectNode property) {
                    next.add(property);
                }
            }
            holders = next;
        }
    }

    /** The schemas and the options ({@code oneOf}, {@code anyOf}, {@code allOf}) each offers. */
    private static List<ObjectNode> withOptions(List<ObjectNode> schemas) {
        List<ObjectNode> all = new ArrayList<>();
        for (ObjectNode schema : schemas) {
            all.add(schema);
            for (String keyword : List.of("oneOf", "anyOf", "allOf")) {
                for (JsonNode option : schema.path(keyword)) {
                    if (option instanceof ObjectNode object) {
                        all.addAll(withOptions(List.of(object)));
                    }
                }
            }
        }
        return all;
    }

    /** For a part: nothing required, and any fitting option will do. */
    private static void relaxed(ObjectNode schema) {
        schema.remove("required");
        JsonNode options = schema.remove("oneOf");
        if (options != null) {
            schema.set("anyOf", options);
        }
    }

    /** Applies {@code change} to the schema and to every subschema in it. */
    private static void eachSchema(ObjectNode schema, Consumer<ObjectNode> change) {
        List<ObjectNode> subschemas = new ArrayList<>();
        for (String keyword : NAMED_SUBSCHEMAS) {
            schema.path(keyword).forEach(sub -> {
                if (sub instanceof ObjectNode object) {
                    subschemas.add(object);
                }
            });
        }
        for (String keyword : LISTED_SUBSCHEMAS) {
            if (schema.get(keyword) instanceof ArrayNode list) {
                list.forEach(sub -> {
                    if (sub instanceof ObjectNode object) {
                        subschemas.add(object);
                    }
                });
            }
        }
        for (String keyword : SINGLE_SUBSCHEMAS) {
            if (schema.get(keyword) instanceof ObjectNode object) {
                subschemas.add(object);
            }
        }
        change.accept(schema);
        subschemas.forEach(sub -> eachSchema(sub, change));
    }

    /**
     * The failures worth telling. When a group of settings fits none of its options, the option
     * its constant fields pick (the one it means) speaks for it and the others' failures are left
     * out; when none is picked, the group's own failure says which options there are.
     */
    private static List<ValidationMessage> relevant(JsonNode schema, JsonNode configuration,
            List<ValidationMessage> messages) {
        messages.sort(Comparator.comparingInt(message -> message.getEvaluationPath().getNameCount()));
        List<JsonNodePath> leftOut = new ArrayList<>();
        List<ValidationMessage> kept = new ArrayList<>();
        for (ValidationMessage message : messages) {
            JsonNodePath path = message.getEvaluationPath();
            if (leftOut.stream().anyMatch(path::startsWith)) {
                continue;
            }
            if (isChoice(message)) {
                JsonNode options = at(schema, message.getSchemaLocation().getFragment());
                OptionalInt meant = meantOption(options, at(configuration, message.getInstanceLocation()));
                for (int i = 0; i < options.size(); i++) {
                    if (meant.isEmpty() || i != meant.getAsInt()) {
                        leftOut.add(path.append(i));
                    }
                }
                JsonNodePath meantPath = meant.isPresent() ? path.append(meant.getAsInt()) : null;
                if (meantPath != null && messages.stream().anyMatch(other -> other != message
                        && other.getEvaluationPath().startsWith(meantPath))) {
                    continue;
                }
            }
            kept.add(message);
        }
        return kept;
    }

    private static boolean isChoice(ValidationMessage message) {
        return message.getType().equals("oneOf") || message.getType().equals("anyOf");
    }

    /**
     * The option whose constant fields ({@code const}, or an {@code enum} of one) all hold in the
     * value; else the only option of the value's type; else none.
     */
    private static OptionalInt meantOption(JsonNode options, JsonNode value) {
        for (int i = 0; i < options.size(); i++) {
            boolean constrained = false;
            boolean holds = true;
            for (Map.Entry<String, JsonNode> field : options.get(i).path("properties").properties()) {
                JsonNode constant = field.getValue().has("const") ? field.getValue().get("const")
                        : field.getValue().path("enum").size() == 1 ? field.getValue().path("enum").get(0) : null;
                if (constant != null) {
                    constrained = true;
                    holds &= constant.equals(value.path(field.getKey()));
                }
            }
            if (constrained && holds) {
                return OptionalInt.of(i);
            }
        }
        List<Integer> ofType = new ArrayList<>();
        for (int i = 0; i < options.size(); i++) {
            if (allowsType(options.get(i).path("type"), value)) {
                ofType.add(i);
            }
        }
        return ofType.size() == 1 ? OptionalInt.of(ofType.getFirst()) : OptionalInt.empty();
    }

    private static boolean allowsType(JsonNode type, JsonNode value) {
        if (type.isArray()) {
            for (JsonNode one : type) {
                if (allowsType(one, value)) {
                    return true;
                }
            }
            return false;
        }
        return switch (type.asText("")) {
            case "object" -> value.isObject();
            case "array" -> value.isArray();
            case "string" -> value.isTextual();
            case "integer" -> value.isIntegralNumber();
            case "number" -> value.isNumber();
            case "boolean" -> value.isBoolean();
            case "null" -> value.isNull();
            default -> false;
        };
    }

    /** One field's failure: where it is, how soon it is told, and the words. */
    private record Problem(String path, int priority, Text words) {}

    private static Problem problem(JsonNode schema, ValidationMessage message) {
        String keyword = message.getType();
        JsonNodePath location = message.getSchemaLocation().getFragment();
        JsonNode holder = location.getNameCount() == 0 ? schema : at(schema, location.getParent());
        JsonNodePath instance = message.getInstanceLocation();
        int priority = PRIORITY.contains(keyword) ? PRIORITY.indexOf(keyword) : PRIORITY.size();
        if (keyword.equals("required") || keyword.equals("additionalProperties")) {
            String name = Optional.ofNullable(message.getProperty()).orElse("");
            JsonNodePath field = instance.append(name);
            if (keyword.equals("required")) {
                return new Problem(dotted(field), priority,
                        Text.of("airbyte.validation.missing", label(field, holder.path("properties").path(name))));
            }
            return new Problem(dotted(field), priority,
                    Text.of("airbyte.validation.unknownSetting", label(field, MissingNode.getInstance())));
        }
        Object field = label(instance, holder);
        Text words = switch (keyword) {
            case "type" -> Text.of("airbyte.validation.mustBe", field, typeWords(holder.path("type")));
            case "const" -> Text.of("airbyte.validation.mustBe", field, shown(holder.path("const")));
            case "enum" -> Text.of("airbyte.validation.oneOf", field, listed(holder.path("enum")));
            case "pattern" -> form(field, holder);
            case "format" -> Text.of("airbyte.validation.mustBe", field, formatWords(holder.path("format").asText("")));
            case "minLength" -> Text.of("airbyte.validation.minLength", field, holder.path("minLength").asText());
            case "maxLength" -> Text.of("airbyte.validation.maxLength", field, holder.path("maxLength").asText());
            case "minimum" -> Text.of("airbyte.validation.minimum", field, holder.path("minimum").asText());
            case "maximum" -> Text.of("airbyte.validation.maximum", field, holder.path("maximum").asText());
            case "exclusiveMinimum" -> Text.of("airbyte.validation.exclusiveMinimum", field,
                    holder.path("exclusiveMinimum").asText());
            case "exclusiveMaximum" -> Text.of("airbyte.validation.exclusiveMaximum", field,
                    holder.path("exclusiveMaximum").asText());
            case "minItems" -> Text.of("airbyte.validation.minItems", field, holder.path("minItems").asText());
            case "maxItems" -> Text.of("airbyte.validation.maxItems", field, holder.path("maxItems").asText());
            case "uniqueItems" -> Text.of("airbyte.validation.uniqueItems", field);
            case "oneOf", "anyOf" -> Text.of("airbyte.validation.option", field, optionTitles(holder.path(keyword)));
            default -> Text.of("airbyte.validation.notAllowed", field, keyword);
        };
        return new Problem(dotted(instance), priority, words);
    }

    /** {@code "Title" (path.to.field)}, or the path alone when the field has no title; the configuration itself at the top. */
    private static Object label(JsonNodePath field, JsonNode property) {
        String path = dotted(field);
        if (path.isEmpty()) {
            return Text.of("airbyte.validation.configuration");
        }
        String title = property.path("title").asText("").strip();
        return title.isEmpty() ? path : "\"" + title + "\" (" + path + ")";
    }

    private static String dotted(JsonNodePath path) {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < path.getNameCount(); i++) {
            Object element = path.getElement(i);
            if (element instanceof Integer index) {
                text.append('[').append(index).append(']');
            } else {
                text.append(text.isEmpty() ? "" : ".").append(element);
            }
        }
        return text.toString();
    }

    /** The node at a path of property names and indexes; missing when there is none. */
    private static JsonNode at(JsonNode root, JsonNodePath path) {
        JsonNode node = root;
        for (int i = 0; i < path.getNameCount(); i++) {
            Object element = path.getElement(i);
            if (node.isArray()) {
                try {
                    node = node.path(element instanceof Integer index ? index : Integer.parseInt(element.toString()));
                } catch (NumberFormatException e) {
                    return MissingNode.getInstance();
                }
            } else {
                node = node.path(element.toString());
            }
        }
        return node;
    }

    private static JsonNode at(JsonNode root, List<String> path) {
        JsonNode node = root;
        for (String step : path) {
            node = node.path(step);
        }
        return node;
    }

    private static Text typeWords(JsonNode type) {
        List<Object> types = new ArrayList<>();
        if (type.isArray()) {
            type.forEach(one -> types.add(typeWord(one.asText())));
        } else {
            types.add(typeWord(type.asText()));
        }
        return Text.joined(Text.of("airbyte.validation.or"), types);
    }

    private static Object typeWord(String type) {
        return switch (type) {
            case "string" -> Text.of("airbyte.type.string");
            case "integer" -> Text.of("airbyte.type.integer");
            case "number" -> Text.of("airbyte.type.number");
            case "boolean" -> Text.of("airbyte.type.boolean");
            case "array" -> Text.of("airbyte.type.array");
            case "object" -> Text.of("airbyte.type.object");
            case "null" -> Text.of("airbyte.type.null");
            default -> type;
        };
    }

    private static Text formatWords(String format) {
        return switch (format) {
            case "date" -> Text.of("airbyte.format.date");
            case "date-time" -> Text.of("airbyte.format.dateTime");
            case "time" -> Text.of("airbyte.format.time");
            case "email" -> Text.of("airbyte.format.email");
            case "uri", "uri-reference", "iri" -> Text.of("airbyte.format.uri");
            case "hostname" -> Text.of("airbyte.format.hostname");
            case "ipv4", "ipv6" -> Text.of("airbyte.format.ip");
            case "uuid" -> Text.of("airbyte.format.uuid");
            default -> Text.of("airbyte.format.other", format);
        };
    }

    /**
     * A patterned field not in its form, and the form as the specification tells it: its descriptor, else
     * its first example.
     */
    private static Text form(Object field, JsonNode property) {
        String descriptor = property.path("pattern_descriptor").asText("").strip();
        if (!descriptor.isEmpty()) {
            return Text.of("airbyte.validation.patternDescribed", field, descriptor);
        }
        JsonNode example = property.path("examples").path(0);
        return example.isValueNode() ? Text.of("airbyte.validation.patternExample", field, shown(example))
                : Text.of("airbyte.validation.pattern", field);
    }

    private static String shown(JsonNode value) {
        return value.isTextual() ? "\"" + value.asText() + "\"" : value.toString();
    }

    private static String listed(JsonNode values) {
        List<String> shown = new ArrayList<>();
        values.forEach(value -> shown.add(shown(value)));
        return shown.size() <= MOST_VALUES_TOLD ? String.join(", ", shown)
                : String.join(", ", shown.subList(0, MOST_VALUES_TOLD)) + ", …";
    }

    private static Object optionTitles(JsonNode options) {
        List<String> titles = new ArrayList<>();
        options.forEach(option -> titles.add(option.path("title").asText("").strip()));
        return titles.stream().allMatch(String::isEmpty) ? Text.of("airbyte.validation.options", options.size())
                : titles.stream().filter(title -> !title.isEmpty()).map(title -> "\"" + title + "\"")
                        .collect(Collectors.joining(", "));
    }
}
