package dev.onramp.airbyte;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Writes {@code src/test/resources/dev/onramp/airbyte/openapi-requests.json}: for each operation
 * Onramp calls, the request schemas that Airbyte's published OpenAPI documents give it (its path
 * and query parameters as one object, and its JSON body), self-contained and in JSON Schema draft
 * 7, for {@link OpenApiRequestsTest}. The build never runs it; run it again, and commit what it
 * writes, when Airbyte's documents or the operations Onramp calls change.
 *
 * <p>It reads {@code config.yaml} (the Config API of a self-managed Airbyte, served under
 * {@code /api}) and {@code api.yaml} (the public API of Airbyte Cloud, served under {@code /v1};
 * {@code public_api.yaml} is the read-only subset a self-managed Airbyte serves and lacks the calls
 * that write) from a folder holding Airbyte's published documents (kept outside the project; its
 * {@code SOURCES.md} names the commit each came from), given as the first argument. From the
 * project's folder:
 *
 * <pre>
 * mvn -B -q test-compile org.codehaus.mojo:exec-maven-plugin:3.6.4:exec -Dexec.executable=java \
 *     -Dexec.classpathScope=test \
 *     -Dexec.args="-cp %classpath dev.onramp.airbyte.RequestSchemaGenerator DOCS_FOLDER"
 * </pre>
 *
 * (an optional second argument names another output file). What it changes from OpenAPI to draft 7:
 * <ul>
 *   <li>every {@code $ref} to a component (schema, parameter, request body) is inlined;</li>
 *   <li>{@code nullable: true} (OpenAPI 3.0) becomes {@code null} among the allowed types (and
 *       enum values); a boolean {@code exclusiveMinimum}/{@code exclusiveMaximum} (3.0, as in
 *       draft 4) becomes the draft-7 number;</li>
 *   <li>{@code format: uuid} (also written {@code UUID}) becomes the pattern of a UUID, as draft 7
 *       has no such format; formats that are OpenAPI's own ({@code int32}, {@code int64},
 *       {@code double}, {@code binary}, …) are left out, draft 7's are kept;</li>
 *   <li>words for people and tools ({@code description}, {@code example}, {@code x-…},
 *       {@code discriminator}, {@code externalDocs}, {@code xml}, {@code deprecated}) are left out;</li>
 *   <li>Onramp's stricter reading: an object that lists its properties and says nothing of others
 *       takes no others ({@code additionalProperties: false}), so that a misspelt field, which
 *       Airbyte would ignore, is caught; a field the document requires without describing it is
 *       allowed with any value. Parameters are read the same way.</li>
 * </ul>
 */
public final class RequestSchemaGenerator {
    static final String RESOURCE = "openapi-requests.json";
    private static final Path OUTPUT = Path.of("src/test/resources/dev/onramp/airbyte", RESOURCE);
    private static final String CONFIG_API = "config.yaml";
    private static final String PUBLIC_API = "api.yaml";
    private static final String UUID_PATTERN =
            "^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$";
    private static final Set<String> DRAFT_7_FORMATS = Set.of("date-time", "date", "time", "email", "idn-email",
            "hostname", "idn-hostname", "ipv4", "ipv6", "uri", "uri-reference", "iri", "iri-reference", "uri-template",
            "json-pointer", "relative-json-pointer", "regex");
    private static final Set<String> LEFT_OUT = Set.of("description", "example", "examples", "discriminator",
            "externalDocs", "xml", "deprecated");
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    /** One operation Onramp calls: in which document, by which method, at which path of that document. */
    record Operation(String document, String method, String path) {
        /** How Onramp's request line names it: the document's path under the server's base. */
        String key() {
            return method + " " + (document.equals(CONFIG_API) ? "/api" : "/v1") + path;
        }
    }

    /**
     * Every operation Onramp calls: each {@link ConfigApiCall} (all POST under {@code /api/v1/}),
     * and the public API's as {@link PublicApiGateway} and its transport send them (test and list
     * of streams are one operation).
     */
    static List<Operation> operations() {
        List<Operation> operations = new ArrayList<>();
        for (ConfigApiCall call : ConfigApiCall.values()) {
            operations.add(new Operation(CONFIG_API, "POST", "/v1/" + call.endpoint()));
        }
        operations.add(new Operation(PUBLIC_API, "POST", "/applications/token"));     // MINT_TOKEN
        operations.add(new Operation(PUBLIC_API, "GET", "/workspaces"));              // LIST_WORKSPACES
        operations.add(new Operation(PUBLIC_API, "GET", "/sources"));                 // LIST_SOURCES
        operations.add(new Operation(PUBLIC_API, "POST", "/sources/initiateOAuth"));  // INITIATE_OAUTH
        operations.add(new Operation(PUBLIC_API, "POST", "/sources"));                // CREATE_SOURCE
        operations.add(new Operation(PUBLIC_API, "PATCH", "/sources/{sourceId}"));    // REAUTHORIZE_SOURCE
        operations.add(new Operation(PUBLIC_API, "GET", "/streams"));                 // TEST_SOURCE, LIST_STREAMS
        operations.add(new Operation(PUBLIC_API, "DELETE", "/sources/{sourceId}"));   // DELETE_SOURCE
        return operations;
    }

    private final Map<String, JsonNode> documents = new LinkedHashMap<>();

    private RequestSchemaGenerator() {}

    public static void main(String[] args) throws IOException {
        if (args.length < 1 || args.length > 2) {
            System.err.println("usage: RequestSchemaGenerator <folder with config.yaml and api.yaml> [output file]");
            System.exit(2);
        }
        Path folder = Path.of(args[0]);
        Path output = args.length > 1 ? Path.of(args[1]) : OUTPUT;
        ObjectNode written = new RequestSchemaGenerator().generate(folder);
        ObjectMapper json = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
        Files.createDirectories(output.toAbsolutePath().getParent());
        Files.writeString(output, json.writeValueAsString(written) + "\n", StandardCharsets.UTF_8);
        System.out.println("Wrote the request schemas of " + written.path("operations").size() + " operations to " + output);
    }

    private ObjectNode generate(Path folder) throws IOException {
        YAMLMapper yaml = new YAMLMapper();
        ObjectNode file = NODES.objectNode();
        file.put("about", "Written by dev.onramp.airbyte.RequestSchemaGenerator (see there how to run it) from Airbyte's"
                + " published OpenAPI documents; do not edit. For each operation Onramp calls: its path and query"
                + " parameters as one object and its JSON body, as JSON Schema draft 7.");
        ObjectNode sources = file.putObject("documents");
        for (String name : List.of(CONFIG_API, PUBLIC_API)) {
            byte[] bytes = Files.readAllBytes(folder.resolve(name));
            documents.put(name, yaml.readTree(bytes));
            sources.put(name, "sha256:" + sha256(bytes));
        }
        ObjectNode operations = file.putObject("operations");
        for (Operation operation : operations()) {
            operations.set(operation.key(), operation(operation));
        }
        return file;
    }

    private ObjectNode operation(Operation operation) {
        JsonNode document = documents.get(operation.document());
        JsonNode pathItem = document.path("paths").path(operation.path());
        JsonNode definition = pathItem.path(operation.method().toLowerCase(Locale.ROOT));
        if (!definition.isObject()) {
            throw new IllegalStateException(operation.document() + " has no " + operation.method() + " " + operation.path());
        }
        ObjectNode written = NODES.objectNode()
                .put("document", operation.document())
                .put("operationId", definition.path("operationId").asText(""));

        Map<String, JsonNode> parameters = new LinkedHashMap<>();
        for (JsonNode level : List.of(pathItem.path("parameters"), definition.path("parameters"))) {
            for (JsonNode parameter : level) {
                JsonNode resolved = resolved(document, parameter, "#/components/parameters/");
                String in = resolved.path("in").asText();
                if (in.equals("path") || in.equals("query")) {
                    parameters.put(resolved.path("name").asText(), resolved);
                }
            }
        }
        ObjectNode parameterSchema = written.putObject("parameters").put("type", "object");
        ObjectNode properties = parameterSchema.putObject("properties");
        ArrayNode required = NODES.arrayNode();
        parameters.forEach((name, parameter) -> {
            properties.set(name, closed(converted(document, parameter.path("schema"), new ArrayDeque<>()), false));
            if (parameter.path("required").asBoolean(false) || parameter.path("in").asText().equals("path")) {
                required.add(name);
            }
        });
        if (!required.isEmpty()) {
            parameterSchema.set("required", required);
        }
        parameterSchema.put("additionalProperties", false);

        JsonNode body = definition.path("requestBody");
        if (!body.isMissingNode()) {
            JsonNode resolved = resolved(document, body, "#/components/requestBodies/");
            JsonNode schema = resolved.path("content").path("application/json").path("schema");
            if (schema.isMissingNode()) {
                throw new IllegalStateException(operation.key() + " takes no JSON body");
            }
            written.put("bodyRequired", resolved.path("required").asBoolean(false));
            written.set("body", closed(converted(document, schema, new ArrayDeque<>()), false));
        }
        return written;
    }

    /** A parameter or request body itself, following its {@code $ref} to the components. */
    private static JsonNode resolved(JsonNode document, JsonNode node, String prefix) {
        JsonNode ref = node.path("$ref");
        if (!ref.isTextual()) {
            return node;
        }
        if (!ref.asText().startsWith(prefix)) {
            throw new IllegalStateException("A reference outside " + prefix + ": " + ref.asText());
        }
        return resolved(document, document.path("components").path(prefix.substring("#/components/".length(), prefix.length() - 1))
                .path(ref.asText().substring(prefix.length())), prefix);
    }

    /** The OpenAPI schema as a self-contained draft-7 schema (see the class comment for what changes). */
    private static JsonNode converted(JsonNode document, JsonNode schema, Deque<String> inlining) {
        if (!schema.isObject()) {
            return schema.isMissingNode() ? NODES.objectNode() : schema.deepCopy();
        }
        ObjectNode result = NODES.objectNode();
        JsonNode ref = schema.path("$ref");
        if (ref.isTextual()) {
            String prefix = "#/components/schemas/";
            if (!ref.asText().startsWith(prefix)) {
                throw new IllegalStateException("A reference outside the document's schemas: " + ref.asText());
            }
            String name = ref.asText().substring(prefix.length());
            if (inlining.contains(name)) {
                throw new IllegalStateException("The schema " + name + " refers to itself (" + inlining + "): it cannot"
                        + " be inlined");
            }
            inlining.push(name);
            JsonNode target = converted(document, document.path("components").path("schemas").path(name), inlining);
            inlining.pop();
            if (target instanceof ObjectNode object) {
                result.setAll(object);
            }
        }
        for (Map.Entry<String, JsonNode> entry : schema.properties()) {
            String keyword = entry.getKey();
            JsonNode value = entry.getValue();
            if (keyword.equals("$ref") || keyword.equals("nullable") || LEFT_OUT.contains(keyword) || keyword.startsWith("x-")) {
                continue;
            }
            switch (keyword) {
                case "properties" -> {
                    ObjectNode properties = result.putObject("properties");
                    value.properties().forEach(p -> properties.set(p.getKey(), converted(document, p.getValue(), inlining)));
                }
                case "items", "not", "additionalProperties" -> result.set(keyword,
                        value.isObject() ? converted(document, value, inlining) : value.deepCopy());
                case "allOf", "anyOf", "oneOf" -> {
                    ArrayNode options = result.putArray(keyword);
                    value.forEach(option -> options.add(converted(document, option, inlining)));
                }
                case "format" -> {
                    String format = value.asText().toLowerCase(Locale.ROOT);
                    if (format.equals("uuid")) {
                        result.put("pattern", UUID_PATTERN);
                    } else if (DRAFT_7_FORMATS.contains(format)) {
                        result.put("format", format);
                    }
                }
                case "exclusiveMinimum", "exclusiveMaximum" -> {
                    if (value.isBoolean()) {
                        String bound = keyword.equals("exclusiveMinimum") ? "minimum" : "maximum";
                        if (value.booleanValue() && schema.has(bound)) {
                            result.set(keyword, schema.get(bound).deepCopy());
                        }
                    } else {
                        result.set(keyword, value.deepCopy());
                    }
                }
                case "minimum", "maximum" -> {
                    String exclusive = keyword.equals("minimum") ? "exclusiveMinimum" : "exclusiveMaximum";
                    if (!schema.path(exclusive).asBoolean(false)) {
                        result.set(keyword, value.deepCopy());
                    }
                }
                default -> result.set(keyword, value.deepCopy());
            }
        }
        return schema.path("nullable").asBoolean(false) ? nullable(result) : result;
    }

    /** {@code null} allowed besides what the schema allows. */
    private static JsonNode nullable(ObjectNode schema) {
        JsonNode type = schema.path("type");
        if (type.isTextual()) {
            schema.putArray("type").add(type.asText()).add("null");
        } else if (type.isArray()) {
            ((ArrayNode) type).add("null");
        } else {
            ObjectNode either = NODES.objectNode();
            either.putArray("anyOf").add(schema).addObject().put("type", "null");
            return either;
        }
        if (schema.get("enum") instanceof ArrayNode values) {
            values.addNull();
        }
        return schema;
    }

    /**
     * Onramp's stricter reading (see the class comment), through the whole schema: an object that
     * lists its properties and says nothing of others takes no others. Not the parts of an
     * {@code allOf}, whose properties are listed across them.
     */
    private static JsonNode closed(JsonNode node, boolean partOfAllOf) {
        if (!(node instanceof ObjectNode schema)) {
            return node;
        }
        if (schema.get("properties") instanceof ObjectNode properties && !partOfAllOf
                && !schema.has("additionalProperties") && !schema.has("allOf")) {
            for (JsonNode name : schema.path("required")) {
                if (!properties.has(name.asText())) {
                    properties.set(name.asText(), NODES.objectNode());
                }
            }
            schema.put("additionalProperties", false);
        }
        schema.path("properties").forEach(property -> closed(property, false));
        for (String keyword : List.of("items", "additionalProperties", "not")) {
            closed(schema.path(keyword), false);
        }
        for (String keyword : List.of("anyOf", "oneOf", "allOf")) {
            schema.path(keyword).forEach(option -> closed(option, keyword.equals("allOf")));
        }
        return schema;
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
