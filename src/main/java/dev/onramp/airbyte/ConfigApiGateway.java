package dev.onramp.airbyte;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.onramp.airbyte.AirbyteException.Kind;
import dev.onramp.model.AirbyteSettings;
import dev.onramp.model.StreamInfo;
import dev.onramp.text.Text;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * {@link AirbyteGateway} over a self-managed Airbyte's Config API ({@code <apiBase>/v1/...}, all
 * POST, JSON), with request and answer shapes as Airbyte's {@code config.yaml} defines them; it signs
 * people in through Onramp's loopback receiver ({@link SignIn.Loopback}) and tests a source's new
 * configuration before it changes the source ({@link SourceUpdate.TestedFirst}). Every configuration it
 * sends is first checked against the connector's specification as this Airbyte describes it
 * ({@link ConfigurationValidator}); one that does not fit never leaves Onramp.
 */
public final class ConfigApiGateway implements AirbyteGateway, SignIn.Loopback, SourceUpdate.TestedFirst {
    /** The organization every self-managed Airbyte 1.x has. */
    static final String DEFAULT_ORGANIZATION_ID = "00000000-0000-0000-0000-000000000000";
    private static final int MAX_ERROR = 200;

    private final URI apiBase;
    private final String address;
    private final ObjectMapper json = new ObjectMapper();
    private final ConfigApiTransport transport;
    private final ConfigurationValidator validator;
    /** The specification this Airbyte last gave for each connector, by workspace and definition id. */
    private final Map<List<String>, ConnectorSpec> specifications = new ConcurrentHashMap<>();

    /**
     * A gateway without credentials, retrying as {@link RetryPolicy#STANDARD} says.
     *
     * @param apiBase where the API lives, e.g. {@code http://localhost:8000/api}; plain http only
     *                to this computer (see {@link AirbyteAddress#requireSafe(URI)})
     * @param requestTimeout how long one call may take, connecting included
     * @throws IllegalArgumentException when {@code apiBase} is plain http to another computer
     */
    public ConfigApiGateway(URI apiBase, Duration requestTimeout) {
        this(apiBase, Optional.empty(), CallPolicy.standard(requestTimeout), ConnectorNames.NONE);
    }

    /**
     * @param apiBase where the API lives, e.g. {@code http://localhost:8000/api}
     * @param login how Onramp signs in to a protected Airbyte (basic auth or an application's client
     *     credentials), if it is protected
     * @param policy timeouts and retries
     * @param names the connectors' names, for errors such as "This Airbyte does not have the Shopify connector"
     */
    public ConfigApiGateway(URI apiBase, Optional<? extends AirbyteSettings.Login> login, CallPolicy policy,
            ConnectorNames names) {
        this(apiBase, apiBase.toString(), login, policy, names);
    }

    /**
     * A gateway to the Airbyte known as {@code address} wherever it listens (see {@link AirbyteGateway#address()}),
     * as the built-in simulator is.
     */
    ConfigApiGateway(URI apiBase, String address, Optional<? extends AirbyteSettings.Login> login, CallPolicy policy,
            ConnectorNames names) {
        this.apiBase = AirbyteAddress.requireSafe(apiBase);
        this.address = address;
        this.transport = new ConfigApiTransport(apiBase, policy, login, names, json);
        this.validator = new ConfigurationValidator(names);
    }

    @Override
    public URI baseUrl() {
        return apiBase;
    }

    @Override
    public String address() {
        return address;
    }

    @Override
    public SignIn signIn() {
        return this;
    }

    @Override
    public SourceUpdate sourceUpdate() {
        return this;
    }

    @Override
    public List<Workspace> listWorkspaces() {
        ObjectNode answer = call(ConfigApiCall.LIST_WORKSPACES, json.createObjectNode()
                .put("organizationId", DEFAULT_ORGANIZATION_ID));
        List<Workspace> workspaces = new ArrayList<>();
        for (JsonNode workspace : array(answer, "workspaces")) {
            workspaces.add(new Workspace(text(workspace, "workspaceId"), text(workspace, "name")));
        }
        return workspaces;
    }

    @Override
    public Optional<Instant> serverTime() {
        return transport.serverTime(ConfigApiCall.LIST_WORKSPACES, json.createObjectNode()
                .put("organizationId", DEFAULT_ORGANIZATION_ID));
    }

    @Override
    public ConnectorSpec getSpecification(String definitionId, String workspaceId) {
        ObjectNode answer = call(ConfigApiCall.GET_SPECIFICATION, json.createObjectNode()
                .put("sourceDefinitionId", definitionId)
                .put("workspaceId", workspaceId));
        JsonNode connectionSpecification = answer.path("connectionSpecification");
        if (!connectionSpecification.isObject()) {
            throw transport.missingField("connectionSpecification");
        }
        JsonNode global = answer.path("advancedAuthGlobalCredentialsAvailable");
        ConnectorSpec spec = new ConnectorSpec(
                answer.path("sourceDefinitionId").asText(definitionId),
                connectionSpecification,
                AdvancedAuthReader.read(answer.path("advancedAuth")),
                global.isBoolean() ? Optional.of(global.booleanValue()) : Optional.empty());
        specifications.put(List.of(workspaceId, definitionId), spec);
        ConfigurationValidator.prepare(connectionSpecification);
        return spec;
    }

    /**
     * {@code source_definitions/list_for_workspace}: every connector the workspace may use, each read
     * from its {@code SourceDefinitionRead}; an answer without the list, or an entry without a field
     * Airbyte's API requires, is a {@link Kind#BAD_RESPONSE}.
     */
    @Override
    public Optional<List<SourceDefinition>> sourceDefinitions(String workspaceId) {
        ObjectNode answer = call(ConfigApiCall.LIST_SOURCE_DEFINITIONS,
                json.createObjectNode().put("workspaceId", workspaceId));
        List<SourceDefinition> definitions = new ArrayList<>();
        for (JsonNode definition : array(answer, "sourceDefinitions")) {
            if (!definition.isObject()) {
                throw transport.missingField("sourceDefinitionId");
            }
            definitions.add(new SourceDefinition(text(definition, "sourceDefinitionId"), text(definition, "name"),
                    text(definition, "dockerRepository"), text(definition, "dockerImageTag"),
                    optionalText(definition, "documentationUrl"), optionalText(definition, "icon"),
                    optionalText(definition, "supportLevel"), optionalText(definition, "releaseStage"),
                    optionalText(definition, "sourceType"), definition.path("custom").asBoolean(false)));
        }
        return Optional.of(List.copyOf(definitions));
    }

    /**
     * The connector's specification as this Airbyte last described it in the workspace (the one a
     * form or a sign-in was made from), asked for when Onramp has not asked yet.
     */
    private ConnectorSpec specification(String workspaceId, String definitionId) {
        ConnectorSpec known = specifications.get(List.of(workspaceId, definitionId));
        return known != null ? known : getSpecification(definitionId, workspaceId);
    }

    /** Refuses, before anything is sent, a whole configuration that does not fit the connector's specification. */
    private void requireFits(ConfigApiCall call, String workspaceId, String definitionId, ObjectNode configuration,
            boolean withSecretId) {
        ConnectorSpec spec = specification(workspaceId, definitionId);
        validator.requireWhole(call, definitionId, spec.connectionSpecification(), configuration,
                spec.advancedAuth().map(AdvancedAuth::toFacts), withSecretId);
    }

    @Override
    public URI getConsentUrl(String definitionId, String workspaceId, URI redirectUrl, ObjectNode oauthInput) {
        ObjectNode request = json.createObjectNode()
                .put("sourceDefinitionId", definitionId)
                .put("workspaceId", workspaceId)
                .put("redirectUrl", redirectUrl.toString());
        putIfPresent(request, "oAuthInputConfiguration", oauthInput);
        String consentUrl = text(call(ConfigApiCall.GET_CONSENT_URL, request), "consentUrl");
        try {
            URI uri = new URI(consentUrl);
            if (!uri.isAbsolute()) {
                throw transport.badResponse();
            }
            return uri;
        } catch (URISyntaxException e) {
            throw transport.badResponse();
        }
    }

    @Override
    public ObjectNode completeOAuth(String definitionId, String workspaceId, URI redirectUrl,
            Map<String, String> queryParams, ObjectNode oauthInput) {
        return authPayload(completeOAuthRequest(definitionId, workspaceId, redirectUrl, queryParams, oauthInput));
    }

    /**
     * {@code complete_oauth} with {@code returnSecretCoordinate: true}: Airbyte then keeps the
     * tokens and its auth payload is only {@code {"secretId": …}}. An Airbyte older than the flag
     * ignores it and sends the tokens, which come back as {@link OAuthCompletion.Tokens}.
     */
    @Override
    public OAuthCompletion completeOAuthKeepingTokens(String definitionId, String workspaceId, URI redirectUrl,
            Map<String, String> queryParams, ObjectNode oauthInput) {
        ObjectNode request = completeOAuthRequest(definitionId, workspaceId, redirectUrl, queryParams, oauthInput)
                .put("returnSecretCoordinate", true);
        ObjectNode payload = authPayload(request);
        JsonNode secretId = payload.path("secretId");
        if (payload.size() == 1 && secretId.isTextual() && !secretId.asText().isBlank()) {
            return new OAuthCompletion.SecretCoordinate(secretId.asText());
        }
        return new OAuthCompletion.Tokens(payload);
    }

    private ObjectNode completeOAuthRequest(String definitionId, String workspaceId, URI redirectUrl,
            Map<String, String> queryParams, ObjectNode oauthInput) {
        ObjectNode request = json.createObjectNode()
                .put("sourceDefinitionId", definitionId)
                .put("workspaceId", workspaceId)
                .put("redirectUrl", redirectUrl.toString());
        ObjectNode params = request.putObject("queryParams");
        queryParams.forEach(params::put);
        putIfPresent(request, "oAuthInputConfiguration", oauthInput);
        return request;
    }

    private ObjectNode authPayload(ObjectNode request) {
        ObjectNode answer = call(ConfigApiCall.COMPLETE_OAUTH, request);
        JsonNode succeeded = answer.path("request_succeeded");
        if (!succeeded.isBoolean()) {
            throw transport.missingField("request_succeeded");
        }
        if (!succeeded.booleanValue()) {
            Optional<String> why = Optional.ofNullable(answer.path("request_error").textValue())
                    .filter(error -> !error.isBlank())
                    .map(error -> error.length() > MAX_ERROR ? error.substring(0, MAX_ERROR) + "…" : error);
            throw new AirbyteException(Kind.REJECTED, why
                    .map(error -> Text.of("airbyte.config.authorizationFailedBecause", TransportFailures.at(apiBase), error))
                    .orElse(Text.of("airbyte.config.authorizationFailed", TransportFailures.at(apiBase))));
        }
        if (!(answer.get("auth_payload") instanceof ObjectNode payload)) {
            throw transport.missingField("auth_payload");
        }
        return payload;
    }

    /** {@code sources/create} with the whole configuration, once it fits the connector's specification. */
    @Override
    public String createSource(String workspaceId, String definitionId, String name, ObjectNode configuration) {
        requireFits(ConfigApiCall.CREATE_SOURCE, workspaceId, definitionId, configuration, false);
        ObjectNode request = json.createObjectNode()
                .put("sourceDefinitionId", definitionId)
                .put("workspaceId", workspaceId)
                .put("name", name);
        request.set("connectionConfiguration", configuration);
        return text(call(ConfigApiCall.CREATE_SOURCE, request), "sourceId");
    }

    /**
     * {@code sources/create} with the {@code secretId} of a completed OAuth; Airbyte puts the tokens
     * in, so the configuration must fit the connector's specification but for them.
     */
    @Override
    public String createSourceWithSecret(String workspaceId, String definitionId, String name, ObjectNode configuration,
            String secretId) {
        requireFits(ConfigApiCall.CREATE_SOURCE, workspaceId, definitionId, configuration, true);
        ObjectNode request = json.createObjectNode()
                .put("sourceDefinitionId", definitionId)
                .put("workspaceId", workspaceId)
                .put("name", name)
                .put("secretId", secretId);
        request.set("connectionConfiguration", configuration);
        return text(call(ConfigApiCall.CREATE_SOURCE, request), "sourceId");
    }

    @Override
    public CheckResult checkConnection(String sourceId) {
        return checkResult(call(ConfigApiCall.CHECK_CONNECTION, sourceRequest(sourceId)));
    }

    /**
     * {@code sources/check_connection_for_update} ({@code SourceUpdate}: the source, its name as
     * {@code sources/get} gives it, and the whole proposed configuration, once it fits the connector's
     * specification): Airbyte tests the source with that configuration and leaves the source as it is.
     */
    @Override
    public CheckResult checkConfiguration(String workspaceId, String definitionId, String sourceId,
            ObjectNode configuration) {
        requireFits(ConfigApiCall.CHECK_CONNECTION_FOR_UPDATE, workspaceId, definitionId, configuration, false);
        ObjectNode request = sourceRequest(sourceId).put("name", sourceName(sourceId));
        request.set("connectionConfiguration", configuration);
        return checkResult(call(ConfigApiCall.CHECK_CONNECTION_FOR_UPDATE, request));
    }

    /**
     * {@code sources/update} with the whole configuration, once it fits the connector's specification,
     * under the name {@code sources/get} gives: Airbyte replaces the configuration, the id stays.
     */
    @Override
    public void replaceConfiguration(String workspaceId, String definitionId, String sourceId,
            ObjectNode configuration) {
        requireFits(ConfigApiCall.UPDATE_SOURCE, workspaceId, definitionId, configuration, false);
        ObjectNode request = sourceRequest(sourceId).put("name", sourceName(sourceId));
        request.set("connectionConfiguration", configuration);
        call(ConfigApiCall.UPDATE_SOURCE, request);
    }

    /** A {@code CheckConnectionRead}: succeeded or not, with Airbyte's words for a failure. */
    private CheckResult checkResult(ObjectNode answer) {
        String status = answer.path("status").asText("");
        boolean succeeded = status.equals("succeeded");
        String message = answer.path("message").asText("");
        if (!succeeded && message.isEmpty()) {
            return failureOf(answer).map(failure -> new CheckResult(false, failure))
                    .orElse(CheckResult.of(false, Text.of("airbyte.check.failed")));
        }
        return new CheckResult(succeeded, message);
    }

    @Override
    public List<StreamInfo> discoverStreams(String sourceId) {
        ObjectNode request = sourceRequest(sourceId).put("disable_cache", true);
        ObjectNode answer = call(ConfigApiCall.DISCOVER_SCHEMA, request);
        JsonNode catalog = answer.path("catalog");
        if (catalog.isMissingNode() || catalog.isNull()) {
            throw new AirbyteException(Kind.REJECTED, Text.of("airbyte.config.discoveryFailed", TransportFailures.at(apiBase),
                    failureOf(answer).<Object>map(failure -> failure).orElse(Text.of("airbyte.config.discoveryJobFailed"))));
        }
        List<StreamInfo> streams = new ArrayList<>();
        for (JsonNode entry : array(catalog, "streams")) {
            JsonNode stream = entry.path("stream");
            List<String> syncModes = new ArrayList<>();
            stream.path("supportedSyncModes").forEach(mode -> syncModes.add(mode.asText()));
            streams.add(new StreamInfo(text(stream, "name"), syncModes));
        }
        return streams;
    }

    @Override
    public List<String> findSources(String workspaceId, String nameContains) {
        ObjectNode request = json.createObjectNode().put("workspaceId", workspaceId);
        request.putObject("filters").put("searchTerm", nameContains);
        List<String> found = new ArrayList<>();
        // The name is checked here too: an Airbyte that ignores the filter lists every source.
        for (JsonNode source : array(call(ConfigApiCall.LIST_SOURCES, request), "sources")) {
            if (source.path("name").asText("").contains(nameContains)) {
                found.add(text(source, "sourceId"));
            }
        }
        return found;
    }

    /**
     * Hands the source its new sign-in and keeps its id and name. A kept sign-in goes by its secret
     * coordinate to {@code sources/partial_update}, the only call that applies a {@code secretId}
     * (Airbyte merges the configuration over the stored one and puts the tokens in); tokens that
     * Airbyte sent go with the whole configuration to {@code sources/update}, which replaces it.
     * The configuration is checked first against the connector's specification in the workspace:
     * whole for an update, value by value for a partial update (see
     * {@link ConfigurationValidator#requirePart}).
     */
    @Override
    public void reauthorizeSource(String workspaceId, String definitionId, String sourceId, ObjectNode configuration,
            OAuthCompletion completion) {
        ObjectNode request = sourceRequest(sourceId);
        switch (completion) {
            case OAuthCompletion.SecretCoordinate kept -> {
                validator.requirePart(ConfigApiCall.PARTIAL_UPDATE_SOURCE, definitionId,
                        specification(workspaceId, definitionId).connectionSpecification(), configuration);
                request.put("secretId", kept.secretId());
                request.set("connectionConfiguration", configuration);
                call(ConfigApiCall.PARTIAL_UPDATE_SOURCE, request);
            }
            case OAuthCompletion.Tokens _ -> replaceConfiguration(workspaceId, definitionId, sourceId, configuration);
        }
    }

    /** {@code sources/get}: the source's name as Airbyte knows it (its configuration comes back with secrets masked). */
    private String sourceName(String sourceId) {
        return text(call(ConfigApiCall.GET_SOURCE, sourceRequest(sourceId)), "name");
    }

    @Override
    public void deleteSource(String sourceId) {
        transport.post(ConfigApiCall.DELETE_SOURCE, sourceRequest(sourceId));
    }

    private ObjectNode call(ConfigApiCall call, ObjectNode request) {
        return transport.post(call, request).orElseThrow(transport::badResponse);
    }

    private ObjectNode sourceRequest(String sourceId) {
        return json.createObjectNode().put("sourceId", sourceId);
    }

    /** The job's failure as Airbyte words it for people, when it gives one. */
    private static Optional<String> failureOf(JsonNode answer) {
        JsonNode reason = answer.path("jobInfo").path("failureReason");
        return Optional.ofNullable(reason.path("externalMessage").textValue()).filter(m -> !m.isBlank());
    }

    private static void putIfPresent(ObjectNode request, String field, ObjectNode value) {
        if (value != null) {
            request.set(field, value);
        }
    }

    private String text(JsonNode node, String field) {
        JsonNode value = node.path(field);
        if (!value.isTextual() || value.asText().isEmpty()) {
            throw transport.missingField(field);
        }
        return value.asText();
    }

    private static Optional<String> optionalText(JsonNode node, String field) {
        return Optional.ofNullable(node.path(field).textValue()).filter(text -> !text.isBlank());
    }

    private JsonNode array(JsonNode node, String field) {
        JsonNode value = node.path(field);
        if (!value.isArray()) {
            throw transport.missingField(field);
        }
        return value;
    }
}
