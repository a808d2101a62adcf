package dev.onramp.airbyte;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Airbyte's published request schemas of the operations Onramp calls, as
 * {@link RequestSchemaGenerator} wrote them to {@code openapi-requests.json}, and the check of one
 * request against its operation's.
 */
final class PublishedRequestSchemas {
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final JsonSchemaFactory DRAFT_7 = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V7);
    private static final Pattern TEMPLATE_PARAMETER = Pattern.compile("\\{([^}/]+)}");

    /** One operation: its request line as a pattern, the names of its path parameters, and its schemas. */
    private record Operation(String method, Pattern path, List<String> pathParameters, JsonNode parameterSchema,
            JsonSchema parameters, Optional<JsonSchema> body, boolean bodyRequired) {}

    private final Map<String, Operation> operations = new LinkedHashMap<>();

    private PublishedRequestSchemas(JsonNode file) {
        file.path("operations").properties().forEach(entry -> operations.put(entry.getKey(), operation(entry.getKey(),
                entry.getValue())));
    }

    /** The schemas in the test resources. */
    static PublishedRequestSchemas load() {
        try (InputStream in = PublishedRequestSchemas.class.getResourceAsStream(RequestSchemaGenerator.RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RequestSchemaGenerator.RESOURCE + " is missing: run RequestSchemaGenerator");
            }
            return new PublishedRequestSchemas(new ObjectMapper().readTree(in));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Every operation the file holds, by its request line ({@code POST /api/v1/sources/create}, {@code PATCH /v1/sources/{sourceId}}). */
    Set<String> operations() {
        return operations.keySet();
    }

    /** The operation a request goes to, by its method and path. */
    Optional<String> operationOf(String method, String path) {
        return operations.entrySet().stream()
                .filter(entry -> entry.getValue().method().equals(method) && entry.getValue().path().matcher(path).matches())
                .map(Map.Entry::getKey)
                .findFirst();
    }

    /**
     * What the published schemas of the operation refuse in the request (its path and query
     * parameters, its body): empty when they take it.
     */
    List<String> problems(String operation, String path, String rawQuery, String body) {
        Operation schemas = operations.get(operation);
        List<String> problems = new ArrayList<>();
        ObjectNode parameters = NODES.objectNode();
        Matcher match = schemas.path().matcher(path);
        if (match.matches()) {
            for (int i = 0; i < schemas.pathParameters().size(); i++) {
                String name = schemas.pathParameters().get(i);
                parameters.set(name, typed(decoded(match.group(i + 1)), schemas.parameterSchema().path("properties").path(name)));
            }
        }
        queryParameters(rawQuery, schemas.parameterSchema(), parameters);
        schemas.parameters().validate(parameters).forEach(message -> problems.add("parameters " + words(message)));

        if (body.isBlank()) {
            if (schemas.bodyRequired()) {
                problems.add("has no body, which the operation requires");
            }
            return problems;
        }
        if (schemas.body().isEmpty()) {
            problems.add("has a body, which the operation does not take");
            return problems;
        }
        try {
            JsonNode sent = new ObjectMapper().readTree(body);
            schemas.body().get().validate(sent).forEach(message -> problems.add("body " + words(message)));
        } catch (JacksonException e) {
            problems.add("has a body that is not JSON");
        }
        return problems;
    }

    private static Operation operation(String key, JsonNode definition) {
        int space = key.indexOf(' ');
        String template = key.substring(space + 1);
        List<String> names = new ArrayList<>();
        Matcher parameter = TEMPLATE_PARAMETER.matcher(template);
        StringBuilder regex = new StringBuilder();
        int last = 0;
        while (parameter.find()) {
            regex.append(Pattern.quote(template.substring(last, parameter.start()))).append("([^/]+)");
            names.add(parameter.group(1));
            last = parameter.end();
        }
        regex.append(Pattern.quote(template.substring(last)));
        JsonNode body = definition.path("body");
        return new Operation(key.substring(0, space), Pattern.compile(regex.toString()), names,
                definition.path("parameters"), DRAFT_7.getSchema(definition.path("parameters")),
                body.isMissingNode() ? Optional.empty() : Optional.of(DRAFT_7.getSchema(body)),
                definition.path("bodyRequired").asBoolean(false));
    }

    /** The query's parameters, each read as the type its schema gives (a list from repeats and commas). */
    private static void queryParameters(String rawQuery, JsonNode schema, ObjectNode into) {
        if (rawQuery.isEmpty()) {
            return;
        }
        for (String pair : rawQuery.split("&")) {
            int eq = pair.indexOf('=');
            String name = decoded(eq < 0 ? pair : pair.substring(0, eq));
            String value = eq < 0 ? "" : decoded(pair.substring(eq + 1));
            JsonNode property = schema.path("properties").path(name);
            if (property.path("type").asText().equals("array")) {
                ArrayNode list = into.get(name) instanceof ArrayNode existing ? existing : into.putArray(name);
                for (String item : value.split(",")) {
                    list.add(typed(item, property.path("items")));
                }
            } else if (into.has(name)) {
                into.putArray(name + " (given twice)");
            } else {
                into.set(name, typed(value, property));
            }
        }
    }

    /** A parameter's text as the type its schema gives it, or left as text when it is not of that type. */
    private static JsonNode typed(String value, JsonNode schema) {
        String type = schema.path("type").asText("string");
        if (type.equals("integer") && value.matches("-?\\d{1,18}")) {
            return NODES.numberNode(Long.parseLong(value));
        }
        if (type.equals("number") && value.matches("-?\\d+(\\.\\d+)?")) {
            return NODES.numberNode(new java.math.BigDecimal(value));
        }
        if (type.equals("boolean") && (value.equals("true") || value.equals("false"))) {
            return NODES.booleanNode(Boolean.parseBoolean(value));
        }
        return NODES.textNode(value);
    }

    private static String decoded(String text) {
        return URLDecoder.decode(text, StandardCharsets.UTF_8);
    }

    private static String words(ValidationMessage message) {
        return message.getMessage();
    }
}
