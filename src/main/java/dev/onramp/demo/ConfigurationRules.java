package dev.onramp.demo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.onramp.demo.ApiError.Violation;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiPredicate;

/**
 * The checks {@code sources/create} applies to a configuration, and the masking of its secrets in
 * what Airbyte gives back.
 */
final class ConfigurationRules {
    /** Airbyte's mask for a value marked {@code airbyte_secret}. */
    static final String SECRET_MASK = "**********";
    /**
     * The one OAuth output that is not a token: Shopify's flow hands back the shop's domain, and is
     * known by it.
     */
    static final String SHOP_OUTPUT = "shop";

    private static final String ROOT = "connectionConfiguration";
    private static final int SHORTEST_SECRET = 8;

    private ConfigurationRules() {}

    /**
     * Every configuration must fill its specification's required fields, at every level of the option
     * it chose, with no defaults filled in (a blank text counts as missing here), and must validate
     * against the whole specification as JSON Schema draft 7, as Airbyte validates it; one that uses
     * OAuth must also carry the predicate value and a token this simulator issued at every OAuth
     * output path.
     */
    static List<Violation> violations(DemoConnector connector, JsonNode configuration, BiPredicate<String, String> issuedToken) {
        List<Violation> violations = new ArrayList<>(connector.oauth()
                .filter(oauth -> usesOAuth(oauth, configuration))
                .map(oauth -> oauthViolations(connector, oauth, configuration, issuedToken))
                .orElse(List.of()));
        // As Airbyte validates every configuration against the whole specification, filling no defaults;
        // what its own OAuth app provides (client id and secret) it puts in itself.
        List<String> serverProvided = connector.oauth().filter(oauth -> usesOAuth(oauth, configuration))
                .map(oauth -> oauth.serverOutputPaths().values().stream().map(ConfigurationRules::path).toList())
                .orElse(List.of());
        requiredViolations(connector.connectionSpecification(), configuration, ROOT).stream()
                .filter(violation -> !serverProvided.contains(violation.propertyPath()))
                .filter(violation -> violations.stream().noneMatch(v -> v.propertyPath().equals(violation.propertyPath())))
                .forEach(violations::add);
        List<List<String>> putInByAirbyte = connector.oauth().filter(oauth -> usesOAuth(oauth, configuration))
                .map(oauth -> List.copyOf(oauth.serverOutputPaths().values()))
                .orElse(List.of());
        SpecificationCheck.violations(connector.connectionSpecification(), configuration, putInByAirbyte, ROOT).stream()
                .filter(violation -> violations.stream().noneMatch(v -> v.propertyPath().equals(violation.propertyPath())))
                .forEach(violations::add);
        return violations;
    }

    /**
     * The title of a secret whose value no provider would accept (shorter than 8 characters, or with
     * spaces in it, unless it is the specification's default), so that testing such a source fails as a
     * real sign-in would.
     */
    static Optional<String> refusedSecret(DemoConnector connector, JsonNode configuration) {
        if (connector.oauth().filter(oauth -> usesOAuth(oauth, configuration)).isPresent()) {
            return Optional.empty();
        }
        return refusedSecret(connector.connectionSpecification(), configuration);
    }

    private static Optional<String> refusedSecret(JsonNode schema, JsonNode configuration) {
        for (Map.Entry<String, JsonNode> field : configuration.properties()) {
            for (JsonNode property : propertySchemas(schema, field.getKey())) {
                String value = field.getValue().asText("");
                // The specification's own default (Onfleet's placeholder password "x") is what the connector expects.
                boolean theDefault = field.getValue().equals(property.get("default"));
                if (property.path("airbyte_secret").asBoolean(false) && field.getValue().isTextual() && !theDefault
                        && !takenAsSecret(value)) {
                    return Optional.of(property.path("title").asText(field.getKey()));
                }
                if (field.getValue().isObject()) {
                    Optional<String> nested = refusedSecret(property, field.getValue());
                    if (nested.isPresent()) {
                        return nested;
                    }
                }
            }
        }
        return Optional.empty();
    }

    /** Whether a provider would take {@code value} as a secret: 8 or more characters, no spaces in it. */
    static boolean takenAsSecret(String value) {
        return value.strip().length() >= SHORTEST_SECRET && !value.strip().contains(" ");
    }

    /**
     * The OAuth tokens in the configuration (not the shop name an output may also be), when it chose
     * the OAuth option; empty otherwise.
     */
    static List<String> oauthTokens(DemoConnector connector, JsonNode configuration) {
        List<String> tokens = new ArrayList<>();
        connector.oauth().filter(oauth -> usesOAuth(oauth, configuration)).ifPresent(oauth ->
                oauth.outputPaths().forEach((key, path) -> {
                    JsonNode value = at(configuration, path);
                    if (OAuthOutputs.isToken(connector, key, path) && value.isTextual()) {
                        tokens.add(value.asText());
                    }
                }));
        return tokens;
    }

    /** Whether the configuration chose the OAuth option: it did unless its predicate field holds another value. */
    private static boolean usesOAuth(DemoConnector.OAuth oauth, JsonNode configuration) {
        JsonNode predicate = at(configuration, oauth.predicateKey());
        return oauth.predicateKey().isEmpty() || isEmpty(predicate) || oauth.predicateValue().equals(predicate.asText());
    }

    /** A copy of the configuration with every field the specification marks secret masked. */
    static ObjectNode masked(JsonNode schema, ObjectNode configuration) {
        ObjectNode copy = configuration.deepCopy();
        mask(schema, copy);
        return copy;
    }

    private static List<Violation> oauthViolations(DemoConnector connector, DemoConnector.OAuth oauth,
            JsonNode configuration, BiPredicate<String, String> issuedToken) {
        List<Violation> violations = new ArrayList<>();
        if (!oauth.predicateKey().isEmpty()) {
            JsonNode predicate = at(configuration, oauth.predicateKey());
            if (!oauth.predicateValue().equals(predicate.asText(null))) {
                violations.add(new Violation(path(oauth.predicateKey()),
                        "must be \"" + oauth.predicateValue() + "\" to use " + connector.name() + "'s OAuth authorization"));
            }
        }
        for (List<String> input : OAuthInputRules.missingInConfiguration(connector, oauth, configuration)) {
            violations.add(new Violation(path(input), "is required: it is what the person gave before "
                    + connector.name() + "'s consent"));
        }
        for (Map.Entry<String, List<String>> output : oauth.outputPaths().entrySet()) {
            JsonNode value = at(configuration, output.getValue());
            if (isEmpty(value)) {
                violations.add(new Violation(path(output.getValue()),
                        "is missing: completing " + connector.name() + "'s OAuth authorization fills it"));
            } else if (OAuthOutputs.isToken(connector, output.getKey(), output.getValue())
                    && !issuedToken.test(value.asText(), connector.definitionId())) {
                violations.add(new Violation(path(output.getValue()),
                        "was not issued by this Airbyte's OAuth flow for " + connector.name()));
            }
        }
        return violations;
    }

    private static List<Violation> requiredViolations(JsonNode schema, JsonNode value, String where) {
        List<Violation> violations = new ArrayList<>();
        for (JsonNode required : schema.path("required")) {
            if (isEmpty(value.path(required.asText()))) {
                violations.add(new Violation(where + "." + required.asText(), "is required"));
            }
        }
        for (Map.Entry<String, JsonNode> property : schema.path("properties").properties()) {
            JsonNode nested = value.path(property.getKey());
            if (property.getValue().has("oneOf") && nested.isObject()) {
                String nestedWhere = where + "." + property.getKey();
                Optional<JsonNode> option = chosenOption(property.getValue(), nested);
                if (option.isPresent()) {
                    violations.addAll(requiredViolations(option.get(), nested, nestedWhere));
                } else {
                    violations.add(new Violation(nestedWhere, "does not match any of the ways this connector can be configured"));
                }
            }
        }
        return violations;
    }

    /** The {@code oneOf} option whose {@code const} fields all match the value. */
    private static Optional<JsonNode> chosenOption(JsonNode property, JsonNode value) {
        for (JsonNode option : property.path("oneOf")) {
            boolean matches = true;
            for (Map.Entry<String, JsonNode> field : option.path("properties").properties()) {
                JsonNode constant = field.getValue().path("const");
                if (!constant.isMissingNode() && !constant.equals(value.path(field.getKey()))) {
                    matches = false;
                }
            }
            if (matches) {
                return Optional.of(option);
            }
        }
        return Optional.empty();
    }

    private static void mask(JsonNode schema, ObjectNode configuration) {
        for (Map.Entry<String, JsonNode> field : configuration.properties()) {
            List<JsonNode> properties = propertySchemas(schema, field.getKey());
            if (properties.stream().anyMatch(p -> p.path("airbyte_secret").asBoolean(false))) {
                field.setValue(configuration.textNode(SECRET_MASK));
            } else if (field.getValue() instanceof ObjectNode nested) {
                properties.forEach(property -> mask(property, nested));
            }
        }
    }

    /** The schemas that may describe a field: the object's own property and those of its {@code oneOf} options. */
    private static List<JsonNode> propertySchemas(JsonNode schema, String name) {
        List<JsonNode> schemas = new ArrayList<>();
        if (schema.path("properties").has(name)) {
            schemas.add(schema.path("properties").path(name));
        }
        for (JsonNode option : schema.path("oneOf")) {
            if (option.path("properties").has(name)) {
                schemas.add(option.path("properties").path(name));
            }
        }
        return schemas;
    }

    static JsonNode at(JsonNode root, List<String> path) {
        JsonNode node = root;
        for (String step : path) {
            node = node.path(step);
        }
        return node;
    }

    private static boolean isEmpty(JsonNode value) {
        return value.isMissingNode() || value.isNull() || (value.isTextual() && value.asText().isBlank());
    }

    private static String path(List<String> steps) {
        return ROOT + "." + String.join(".", steps);
    }
}
