package dev.onramp.demo;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Config API endpoints Onramp uses ({@code POST /api/v1/...}), answering with the shapes and
 * rules of a self-managed Airbyte.
 */
final class ConfigApi {
    static final String DEFAULT_ORGANIZATION_ID = "00000000-0000-0000-0000-000000000000";

    private static final Logger LOG = LoggerFactory.getLogger(ConfigApi.class);
    private static final String PREFIX = "/api/v1/";
    private static final String SERVER_SECRET_MASK = "******";

    /** One endpoint: a JSON request in, a JSON answer (empty for 204) out. */
    @FunctionalInterface
    private interface Endpoint {
        Optional<ObjectNode> answer(ObjectNode request) throws ApiError;
    }

    private record Source(String sourceId, DemoConnector connector, String workspaceId, String name,
            ObjectNode configuration, long createdAt) {}

    private final ObjectMapper json;
    private final DemoConnectors connectors;
    private final OAuthLedger ledger;
    private final String workspaceId;
    private final String customerId = UUID.randomUUID().toString();
    private final URI origin;
    private final Duration latency;
    private final Clock clock;
    private final Map<String, Source> sources = new ConcurrentHashMap<>();
    private final Map<String, Endpoint> endpoints = new LinkedHashMap<>();

    ConfigApi(ObjectMapper json, DemoConnectors connectors, OAuthLedger ledger, String workspaceId, URI origin,
            Duration latency, Clock clock) {
        this.json = json;
        this.connectors = connectors;
        this.ledger = ledger;
        this.workspaceId = workspaceId;
        this.origin = origin;
        this.latency = latency;
        this.clock = clock;
        endpoints.put("workspaces/list_by_organization_id", this::listWorkspaces);
        endpoints.put("source_definition_specifications/get", this::specification);
        endpoints.put("source_oauths/get_consent_url", this::consentUrl);
        endpoints.put("source_oauths/complete_oauth", this::completeOAuth);
        endpoints.put("sources/create", this::createSource);
        endpoints.put("sources/check_connection", this::checkConnection);
        endpoints.put("sources/discover_schema", this::discoverSchema);
        endpoints.put("sources/delete", this::deleteSource);
    }

    void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            if (!pause()) {
                return;
            }
            String path = exchange.getRequestURI().getPath();
            int status;
            try {
                Optional<ObjectNode> answer = route(exchange, path);
                status = answer.isPresent() ? 200 : 204;
                if (answer.isPresent()) {
                    Exchanges.send(exchange, 200, "application/json", json.writeValueAsBytes(answer.get()));
                } else {
                    Exchanges.sendEmpty(exchange, 204);
                }
            } catch (RuntimeException bug) {
                LOG.error("Simulated Airbyte failed on {}", path, bug);
                ApiError error = ApiError.known(500, "The simulated Airbyte failed: " + bug.getClass().getSimpleName());
                status = error.status();
                Exchanges.send(exchange, status, "application/json", json.writeValueAsBytes(error.body()));
            } catch (ApiError error) {
                status = error.status();
                if (status == 405) {
                    exchange.getResponseHeaders().set("Allow", "POST");
                }
                Exchanges.send(exchange, status, "application/json", json.writeValueAsBytes(error.body()));
            }
            LOG.debug("{} {} -> {}", exchange.getRequestMethod(), path, status);
        }
    }

    /** Sleeps the configured latency; false when the simulator is shutting down meanwhile. */
    private boolean pause() {
        if (latency.isZero()) {
            return true;
        }
        try {
            Thread.sleep(latency);
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private Optional<ObjectNode> route(HttpExchange exchange, String path) throws ApiError, IOException {
        Endpoint endpoint = path.startsWith(PREFIX) ? endpoints.get(path.substring(PREFIX.length())) : null;
        if (endpoint == null) {
            throw ApiError.known(404, "There is no Config API endpoint at " + path + ".");
        }
        if (!exchange.getRequestMethod().equals("POST")) {
            throw ApiError.known(405, "Config API endpoints answer POST only.");
        }
        String contentType = exchange.getRequestHeaders().getFirst("Content-Type");
        if (contentType == null || !contentType.toLowerCase().startsWith("application/json")) {
            throw ApiError.known(415, "Send the request body as application/json.");
        }
        return endpoint.answer(requestBody(exchange));
    }

    private ObjectNode requestBody(HttpExchange exchange) throws ApiError, IOException {
        String text;
        try (InputStream in = exchange.getRequestBody()) {
            text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        JsonNode body;
        try {
            body = json.readTree(text);
        } catch (JacksonException e) {
            throw ApiError.known(400, "The request body is not valid JSON: " + e.getOriginalMessage());
        }
        if (!(body instanceof ObjectNode object)) {
            throw ApiError.invalid("body", "The request body must be a JSON object.");
        }
        return object;
    }

    private Optional<ObjectNode> listWorkspaces(ObjectNode request) throws ApiError {
        String organizationId = text(request, "organizationId");
        if (!organizationId.equals(DEFAULT_ORGANIZATION_ID)) {
            throw ApiError.notFound("ORGANIZATION", organizationId);
        }
        String nameContains = request.path("nameContains").asText("");
        ObjectNode answer = json.createObjectNode();
        ArrayNode workspaces = answer.putArray("workspaces");
        if (AirbyteSimulator.WORKSPACE_NAME.toLowerCase().contains(nameContains.toLowerCase())) {
            ObjectNode workspace = workspaces.addObject()
                    .put("workspaceId", workspaceId)
                    .put("customerId", customerId)
                    .put("name", AirbyteSimulator.WORKSPACE_NAME)
                    .put("slug", "demo-workspace")
                    .put("initialSetupComplete", true)
                    .put("displaySetupWizard", false)
                    .put("anonymousDataCollection", false)
                    .put("news", false)
                    .put("securityUpdates", false)
                    .put("firstCompletedSync", false)
                    .put("feedbackDone", false)
                    .put("organizationId", DEFAULT_ORGANIZATION_ID)
                    .put("tombstone", false);
            workspace.putArray("notifications");
        }
        return Optional.of(answer);
    }

    private Optional<ObjectNode> specification(ObjectNode request) throws ApiError {
        DemoConnector connector = connector(request, "sourceDefinitionId");
        knownWorkspace(request);
        ObjectNode answer = json.createObjectNode()
                .put("sourceDefinitionId", connector.definitionId())
                .put("documentationUrl", connector.documentationUrl());
        answer.set("connectionSpecification", connector.connectionSpecification().deepCopy());
        connector.oauth().ifPresent(oauth -> {
            answer.set("advancedAuth", advancedAuth(connector, oauth));
            answer.put("advancedAuthGlobalCredentialsAvailable", true);
        });
        answer.set("jobInfo", jobInfo("get_spec", Optional.empty()));
        return Optional.of(answer);
    }

    private ObjectNode advancedAuth(DemoConnector connector, DemoConnector.OAuth oauth) {
        ObjectNode auth = json.createObjectNode().put("authFlowType", oauth.authFlowType());
        if (!oauth.predicateKey().isEmpty()) {
            oauth.predicateKey().forEach(auth.putArray("predicateKey")::add);
            auth.put("predicateValue", oauth.predicateValue());
        }
        ObjectNode spec = auth.putObject("oauthConfigSpecification");
        JsonNode connection = connector.connectionSpecification();
        if (!oauth.userInputPaths().isEmpty()) {
            spec.set("oauthUserInputFromConnectorConfigSpecification", pathSchema(connection, oauth.userInputPaths()));
        }
        spec.set("completeOAuthOutputSpecification", pathSchema(connection, oauth.outputPaths()));
        if (!oauth.serverOutputPaths().isEmpty()) {
            ObjectNode serverInput = objectSchema();
            oauth.serverOutputPaths().keySet()
                    .forEach(key -> ((ObjectNode) serverInput.get("properties")).putObject(key).put("type", "string"));
            spec.set("completeOAuthServerInputSpecification", serverInput);
            spec.set("completeOAuthServerOutputSpecification", pathSchema(connection, oauth.serverOutputPaths()));
        }
        return auth;
    }

    private ObjectNode pathSchema(JsonNode connection, Map<String, List<String>> paths) {
        ObjectNode schema = objectSchema();
        ObjectNode properties = (ObjectNode) schema.get("properties");
        paths.forEach((key, path) -> {
            ObjectNode property = properties.putObject(key).put("type", typeAt(connection, path));
            path.forEach(property.putArray("path_in_connector_config")::add);
        });
        return schema;
    }

    private ObjectNode objectSchema() {
        ObjectNode schema = json.createObjectNode().put("type", "object").put("additionalProperties", false);
        schema.putObject("properties");
        return schema;
    }

    /** The JSON type the specification gives the field at {@code path}, looking into {@code oneOf} options. */
    private static String typeAt(JsonNode schema, List<String> path) {
        JsonNode node = schema;
        for (String step : path) {
            JsonNode next = node.path("properties").path(step);
            for (JsonNode option : node.path("oneOf")) {
                if (next.isMissingNode()) {
                    next = option.path("properties").path(step);
                }
            }
            node = next;
        }
        return node.path("type").asText("string");
    }

    private Optional<ObjectNode> consentUrl(ObjectNode request) throws ApiError {
        DemoConnector connector = connector(request, "sourceDefinitionId");
        knownWorkspace(request);
        DemoConnector.OAuth oauth = oauthOf(connector);
        URI redirectUrl = redirectUrl(text(request, "redirectUrl"));
        String clientId = "airbyte-demo-" + connector.sourceType();
        String state = ledger.openConsent(connector, workspaceId, redirectUrl, clientId);
        Map<String, String> query = new LinkedHashMap<>();
        query.put("client_id", clientId);
        query.put("redirect_uri", redirectUrl.toString());
        query.put("response_type", "code");
        query.put("scope", String.join(" ", oauth.scopes()));
        query.put("state", state);
        URI consent = Exchanges.withQuery(origin.resolve("/oauth/" + connector.sourceType() + "/authorize"), query);
        return Optional.of(json.createObjectNode().put("consentUrl", consent.toString()));
    }

    private static URI redirectUrl(String text) throws ApiError {
        try {
            URI uri = new URI(text);
            if (uri.isAbsolute() && uri.getHost() != null
                    && (uri.getScheme().equals("http") || uri.getScheme().equals("https"))) {
                return uri;
            }
        } catch (URISyntaxException e) {
            // answered below like any other unusable address
        }
        throw ApiError.invalid("redirectUrl", "redirectUrl must be an absolute http or https URL.");
    }

    private Optional<ObjectNode> completeOAuth(ObjectNode request) throws ApiError {
        DemoConnector connector = connector(request, "sourceDefinitionId");
        String workspace = knownWorkspace(request);
        DemoConnector.OAuth oauth = oauthOf(connector);
        String code = request.path("queryParams").path("code").asText("");
        if (code.isEmpty()) {
            throw ApiError.invalid("queryParams.code", "queryParams has no code; pass every query parameter of the redirect.");
        }
        String redirectUrl = request.path("redirectUrl").asText("");
        OAuthLedger.Grant grant = ledger.redeem(code, connector.definitionId(), workspace, redirectUrl)
                .orElseThrow(() -> ApiError.invalid("queryParams.code", connector.name()
                        + " refused the authorization code: it was not issued for this connector and redirect URL, or it was already used."));
        ObjectNode answer = json.createObjectNode().put("request_succeeded", true);
        ObjectNode payload = answer.putObject("auth_payload");
        oauth.serverOutputPaths().keySet().forEach(key -> payload.put(key, SERVER_SECRET_MASK));
        for (String key : oauth.outputPaths().keySet()) {
            payload.put(key, key.equals(ConfigurationRules.SHOP_OUTPUT)
                    ? grant.account()
                    : ledger.issueToken(connector.definitionId()));
        }
        return Optional.of(answer);
    }

    private Optional<ObjectNode> createSource(ObjectNode request) throws ApiError {
        DemoConnector connector = connector(request, "sourceDefinitionId");
        String workspace = knownWorkspace(request);
        String name = text(request, "name");
        if (!(request.get("connectionConfiguration") instanceof ObjectNode configuration)) {
            throw ApiError.invalid("connectionConfiguration", "connectionConfiguration must be a JSON object.");
        }
        List<ApiError.Violation> violations = ConfigurationRules.violations(connector, configuration, ledger::isTokenFor);
        if (!violations.isEmpty()) {
            throw ApiError.invalid("The configuration is not valid for " + connector.name() + ".", violations);
        }
        Source source = new Source(UUID.randomUUID().toString(), connector, workspace, name,
                configuration.deepCopy(), clock.instant().getEpochSecond());
        sources.put(source.sourceId(), source);
        LOG.info("Simulated Airbyte created a {} source", connector.name());
        return Optional.of(sourceRead(source));
    }

    private ObjectNode sourceRead(Source source) {
        ObjectNode read = json.createObjectNode()
                .put("sourceDefinitionId", source.connector().definitionId())
                .put("sourceId", source.sourceId())
                .put("workspaceId", source.workspaceId());
        read.set("connectionConfiguration",
                ConfigurationRules.masked(source.connector().connectionSpecification(), source.configuration()));
        return read.put("name", source.name())
                .put("sourceName", source.connector().name())
                .put("isVersionOverrideApplied", false)
                .put("isEntitled", true)
                .put("supportState", "supported")
                .put("status", "inactive")
                .put("createdAt", source.createdAt())
                .put("numConnections", 0);
    }

    private Optional<ObjectNode> checkConnection(ObjectNode request) throws ApiError {
        Source source = source(request);
        ObjectNode answer = json.createObjectNode().put("status", "succeeded");
        answer.set("jobInfo", jobInfo("check_connection_source", Optional.of(source.sourceId())));
        return Optional.of(answer);
    }

    private Optional<ObjectNode> discoverSchema(ObjectNode request) throws ApiError {
        Source source = source(request);
        ObjectNode answer = json.createObjectNode();
        ArrayNode streams = answer.putObject("catalog").putArray("streams");
        source.connector().streams().forEach(stream -> streams.add(StreamCatalog.entry(json, stream)));
        answer.set("jobInfo", jobInfo("discover_schema", Optional.of(source.sourceId())));
        answer.put("catalogId", UUID.randomUUID().toString());
        return Optional.of(answer);
    }

    private Optional<ObjectNode> deleteSource(ObjectNode request) throws ApiError {
        Source source = source(request);
        sources.remove(source.sourceId());
        LOG.info("Simulated Airbyte deleted a {} source", source.connector().name());
        return Optional.empty();
    }

    private ObjectNode jobInfo(String configType, Optional<String> configId) {
        long now = clock.instant().getEpochSecond();
        ObjectNode job = json.createObjectNode()
                .put("id", UUID.randomUUID().toString())
                .put("configType", configType);
        configId.ifPresent(id -> job.put("configId", id));
        job.put("createdAt", now)
                .put("endedAt", now)
                .put("succeeded", true)
                .put("connectorConfigurationUpdated", false)
                .put("logType", "formatted");
        job.putObject("logs").putArray("logLines");
        return job;
    }

    private DemoConnector connector(ObjectNode request, String field) throws ApiError {
        String definitionId = text(request, field);
        return connectors.byDefinitionId(definitionId)
                .orElseThrow(() -> ApiError.notFound("STANDARD_SOURCE_DEFINITION", definitionId));
    }

    private static DemoConnector.OAuth oauthOf(DemoConnector connector) throws ApiError {
        return connector.oauth().orElseThrow(() -> ApiError.invalid("sourceDefinitionId", connector.name()
                + " has no OAuth flow in this Airbyte; configure it with its credentials instead."));
    }

    private String knownWorkspace(ObjectNode request) throws ApiError {
        String id = text(request, "workspaceId");
        if (!id.equals(workspaceId)) {
            throw ApiError.notFound("STANDARD_WORKSPACE", id);
        }
        return id;
    }

    private Source source(ObjectNode request) throws ApiError {
        String id = text(request, "sourceId");
        Source source = sources.get(id);
        if (source == null) {
            throw ApiError.notFound("SOURCE_CONNECTION", id);
        }
        return source;
    }

    private static String text(ObjectNode request, String field) throws ApiError {
        JsonNode value = request.path(field);
        if (!value.isTextual() || value.asText().isBlank()) {
            throw ApiError.invalid(field, field + " is required and must be a string.");
        }
        return value.asText();
    }
}
