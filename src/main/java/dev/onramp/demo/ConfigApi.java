package dev.onramp.demo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Clock;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Config API endpoints Onramp uses, answering with the shapes and rules of a self-managed
 * Airbyte. Its sources and the OAuth outputs it kept as secrets are its kept state.
 */
final class ConfigApi implements KeptState {
    static final String DEFAULT_ORGANIZATION_ID = "00000000-0000-0000-0000-000000000000";

    private static final Logger LOG = LoggerFactory.getLogger(ConfigApi.class);
    private static final String SERVER_SECRET_MASK = "******";
    /** Where Airbyte sends a Shopify sign-in: Airbyte Cloud's preflight page, or its app in the Shopify App Store. */
    private static final URI SHOPIFY_PREFLIGHT = URI.create("https://cloud.airbyte.com/partner/v1/shopify/oauth/preflight");
    private static final URI SHOPIFY_APP_LISTING = URI.create("https://apps.shopify.com/airbyte");
    /** The path of the one call Onramp tests a source with, for check faults aimed at it. */
    static final String CHECK_PATH = "/api/v1/sources/check_connection";
    private static final List<String> UPDATE_FIELDS = List.of("sourceId", "connectionConfiguration", "name", "secretId",
            "resourceAllocation");

    /** The outputs of a completed OAuth that Airbyte kept as a secret instead of answering with them. */
    private record KeptSecret(String definitionId, String workspaceId, ObjectNode outputs) {}

    private final ObjectMapper json;
    private final DemoConnectors connectors;
    private final OAuthLedger ledger;
    private final String workspaceId;
    private final String customerId = UUID.randomUUID().toString();
    private final URI origin;
    private final Clock clock;
    private final Faults faults;
    private final Map<String, SimulatedSource> sources = new ConcurrentHashMap<>();
    private final Map<String, KeptSecret> keptSecrets = new ConcurrentHashMap<>();
    private final AtomicBoolean ignoreSecretCoordinates = new AtomicBoolean();
    /** The connectors (by source type) whose OAuth app the operator has not set up, and those with OAuth switched off. */
    private final Set<String> withoutOAuthApp = ConcurrentHashMap.newKeySet();
    private final Set<String> oauthSwitchedOff = ConcurrentHashMap.newKeySet();
    /** The specifications served with examples, by definition id and the language of their notes ("…/de"). */
    private final Map<String, ObjectNode> served = new ConcurrentHashMap<>();
    private final AtomicBoolean noOAuthApps = new AtomicBoolean();

    ConfigApi(ObjectMapper json, DemoConnectors connectors, OAuthLedger ledger, String workspaceId, URI origin, Clock clock,
            Faults faults) {
        this.json = json;
        this.connectors = connectors;
        this.ledger = ledger;
        this.workspaceId = workspaceId;
        this.origin = origin;
        this.clock = clock;
        this.faults = faults;
    }

    /** The ids of the sources that exist now. */
    Set<String> sourceIds() {
        return Set.copyOf(sources.keySet());
    }

    /**
     * Whether {@code complete_oauth} ignores {@code returnSecretCoordinate} and always answers with
     * the tokens, as an Airbyte from before the flag does.
     */
    /** Plays an Airbyte whose operator has set up no OAuth app for the connector of this source type. */
    void withoutOAuthApp(String sourceType) {
        withoutOAuthApp.add(oauthConnector(sourceType));
    }

    /** Plays (or stops playing) an Airbyte whose operator has set up no OAuth app for any connector. */
    void withoutAnyOAuthApp(boolean without) {
        noOAuthApps.set(without);
    }

    private boolean hasNoOAuthApp(DemoConnector connector) {
        return noOAuthApps.get() || withoutOAuthApp.contains(connector.sourceType());
    }

    /** Plays an Airbyte that has OAuth switched off for the connector of this source type. */
    void switchOAuthOff(String sourceType) {
        oauthSwitchedOff.add(oauthConnector(sourceType));
    }

    /** The source type of a connector that signs in through OAuth; refuses any other word, naming the ones there are. */
    private String oauthConnector(String sourceType) {
        if (connectors.bySourceType(sourceType).flatMap(DemoConnector::oauth).isEmpty()) {
            List<String> known = connectors.all().stream().filter(connector -> connector.oauth().isPresent())
                    .map(DemoConnector::sourceType).sorted().toList();
            throw new IllegalArgumentException("The simulator has no OAuth connector \"" + sourceType + "\"; it has "
                    + String.join(", ", known) + ".");
        }
        return sourceType;
    }

    void ignoreSecretCoordinates(boolean ignore) {
        ignoreSecretCoordinates.set(ignore);
    }

    /**
     * The endpoints by their path under {@code /api/v1/}; those that read or change sources, kept secrets or
     * tokens reach them through {@code state}.
     */
    Map<String, ApiHandler.Endpoint> endpoints(SimulatorState state) {
        Map<String, ApiHandler.Endpoint> endpoints = new LinkedHashMap<>();
        endpoints.put("workspaces/list_by_organization_id", this::listWorkspaces);
        endpoints.put("source_definitions/list_for_workspace", reading(state, this::listDefinitions));
        endpoints.put("source_definition_specifications/get", ApiHandler.spoken(this::specification));
        endpoints.put("source_oauths/get_consent_url", this::consentUrl);
        endpoints.put("source_oauths/complete_oauth", changing(state, this::completeOAuth));
        endpoints.put("sources/create", changing(state, this::createSource));
        endpoints.put("sources/list", reading(state, this::listSources));
        endpoints.put("sources/check_connection", reading(state, this::checkConnection));
        endpoints.put("sources/check_connection_for_update", reading(state, this::checkConnectionForUpdate));
        endpoints.put("sources/discover_schema", reading(state, this::discoverSchema));
        endpoints.put("sources/get", reading(state, this::getSource));
        endpoints.put("sources/update", changing(state, this::updateSource));
        endpoints.put("sources/partial_update", changing(state, this::partialUpdateSource));
        endpoints.put("sources/delete", changing(state, this::deleteSource));
        return endpoints;
    }

    private static ApiHandler.Endpoint reading(SimulatorState state, ApiHandler.Endpoint endpoint) {
        return request -> state.reading(() -> endpoint.answer(request));
    }

    private static ApiHandler.Endpoint changing(SimulatorState state, ApiHandler.Endpoint endpoint) {
        return request -> state.changing(() -> endpoint.answer(request));
    }

    @Override
    public String section() {
        return "configApi";
    }

    /** Its sources, and the outputs of completed OAuths it kept as secrets, by secret id. */
    @Override
    public void save(ObjectNode into) {
        into.set("sources", SimulatedSource.toJson(sources.values()));
        ArrayNode kept = into.putArray("keptSecrets");
        keptSecrets.entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(entry -> {
            ObjectNode node = kept.addObject()
                    .put("secretId", entry.getKey())
                    .put("definitionId", entry.getValue().definitionId())
                    .put("workspaceId", entry.getValue().workspaceId());
            node.set("outputs", entry.getValue().outputs().deepCopy());
        });
    }

    @Override
    public Runnable restore(JsonNode from) throws UnreadableStateException {
        Map<String, SimulatedSource> keptSources = SimulatedSource.fromJson(KeptState.array(from, "sources"), connectors);
        Map<String, KeptSecret> secrets = new java.util.HashMap<>();
        for (JsonNode node : KeptState.array(from, "keptSecrets")) {
            secrets.put(KeptState.text(node, "secretId"), new KeptSecret(KeptState.text(node, "definitionId"),
                    KeptState.text(node, "workspaceId"), KeptState.object(node, "outputs").deepCopy()));
        }
        return () -> {
            sources.clear();
            sources.putAll(keptSources);
            keptSecrets.clear();
            keptSecrets.putAll(secrets);
            secrets.keySet().forEach(ledger::remember);
        };
    }

    private Optional<ObjectNode> listWorkspaces(ObjectNode request) throws ApiError {
        String organizationId = text(request, "organizationId");
        if (!organizationId.equals(DEFAULT_ORGANIZATION_ID)) {
            throw ApiError.notFound("ORGANIZATION", organizationId);
        }
        String nameContains = request.path("nameContains").asText("");
        ObjectNode answer = json.createObjectNode();
        ArrayNode workspaces = answer.putArray("workspaces");
        if (AirbyteSimulator.WORKSPACE_NAME.toLowerCase(Locale.ROOT).contains(nameContains.toLowerCase(Locale.ROOT))) {
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

    /**
     * {@code source_definitions/list_for_workspace} ({@code WorkspaceIdActorDefinitionRequestBody}): a
     * {@code SourceDefinitionReadList} of every connector the simulator has, or with {@code filterByUsed}
     * only those the workspace has sources of.
     */
    private Optional<ObjectNode> listDefinitions(ObjectNode request) throws ApiError {
        String workspace = knownWorkspace(request);
        for (String flag : List.of("includeTombstone", "filterByUsed")) {
            if (request.has(flag) && !request.get(flag).isBoolean()) {
                throw ApiError.invalid(flag, flag + " must be true or false.");
            }
        }
        boolean onlyUsed = request.path("filterByUsed").asBoolean(false);
        Set<String> used = sources.values().stream().filter(source -> source.workspaceId().equals(workspace))
                .map(source -> source.connector().definitionId()).collect(java.util.stream.Collectors.toSet());
        ObjectNode answer = json.createObjectNode();
        ArrayNode list = answer.putArray("sourceDefinitions");
        connectors.definitions().stream()
                .filter(definition -> !onlyUsed || used.contains(definition.connector().definitionId()))
                .forEach(definition -> list.add(SourceDefinitionReads.of(json, definition)));
        return Optional.of(answer);
    }

    /** A connector's specification, with examples whose fields say in {@code words}' language what the simulator takes. */
    private Optional<ObjectNode> specification(ObjectNode request, PageWords words) throws ApiError {
        DemoConnector connector = connector(request, "sourceDefinitionId");
        knownWorkspace(request);
        ObjectNode answer = json.createObjectNode()
                .put("sourceDefinitionId", connector.definitionId())
                .put("documentationUrl", connector.documentationUrl());
        // Served with examples the simulator accepts, so a demo form can fill them in; validated as it is.
        answer.set("connectionSpecification", served.computeIfAbsent(connector.definitionId() + "/" + words.language(),
                id -> DemoExamples.of(connector.sourceType(), connector.connectionSpecification(), words)).deepCopy());
        connector.oauth().ifPresent(oauth -> {
            answer.set("advancedAuth", AdvancedAuthSchema.of(json, connector, oauth));
            answer.put("advancedAuthGlobalCredentialsAvailable", !hasNoOAuthApp(connector));
        });
        answer.set("jobInfo", jobInfo("get_spec", Optional.empty()));
        return Optional.of(answer);
    }

    private Optional<ObjectNode> consentUrl(ObjectNode request) throws ApiError {
        DemoConnector connector = connector(request, "sourceDefinitionId");
        knownWorkspace(request);
        DemoConnector.OAuth oauth = oauthOf(connector);
        if (oauthSwitchedOff.contains(connector.sourceType())) {
            // OAuthHandler answers 404 when a flag turns OAuth off for the connector, in ApiHelper's words.
            throw ApiError.known(404, "Could not find configuration for SOURCE_OAUTH_PARAM: OAuth temporarily disabled.");
        }
        if (hasNoOAuthApp(connector)) {
            // What BaseOAuthFlow throws when no OAuth app (instance, organization or workspace) holds a client id.
            throw ApiError.known(500, "Undefined parameter 'client_id' necessary for the OAuth Flow.");
        }
        requireInputs(connector, request);
        URI redirectUrl = redirectUrl(text(request, "redirectUrl"));
        if (oauth.outputPaths().containsKey(ConfigurationRules.SHOP_OUTPUT)) {
            // Shopify's flow (ShopifyOAuthFlow) opens no consent of its own: no state, nothing to redeem later.
            return Optional.of(json.createObjectNode().put("consentUrl", shopifyConsentUrl(redirectUrl).toString()));
        }
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

    /**
     * Shopify's consent link (its flow is the one whose outputs hand back the shop), as airbyte-platform's
     * {@code ShopifyOAuthFlow.formatConsentUrl} makes it: never a consent page that answers the redirect
     * URL, but Airbyte Cloud's own Shopify app, with no {@code state} and no {@code redirect_uri}. A
     * redirect to the public API's {@code /v1/oauth/callback} gets Cloud's preflight page with that
     * callback; a redirect to a host outside Airbyte (not cloud.airbyte.com, *.airbyte.com, *.airbyte.dev
     * or localhost) gets the preflight page with the redirect's scheme and host as origin, the port
     * dropped; any other (localhost) gets Airbyte's listing in the Shopify App Store.
     */
    private static URI shopifyConsentUrl(URI redirectUrl) {
        String host = redirectUrl.getHost().toLowerCase(Locale.ROOT);
        Map<String, String> query = new LinkedHashMap<>();
        if (redirectUrl.toString().contains("/v1/oauth/callback")) {
            query.put("origin", "https://cloud.airbyte.com");
            query.put("apiCallback", redirectUrl.toString());
            return Exchanges.withQuery(SHOPIFY_PREFLIGHT, query);
        }
        boolean outsideAirbyte = !host.equals("cloud.airbyte.com") && !host.endsWith(".airbyte.com")
                && !host.endsWith(".airbyte.dev") && !host.equals("localhost");
        if (outsideAirbyte) {
            query.put("origin", redirectUrl.getScheme() + "://" + redirectUrl.getHost());
            return Exchanges.withQuery(SHOPIFY_PREFLIGHT, query);
        }
        return SHOPIFY_APP_LISTING;
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
        requireInputs(connector, request);
        String codeParameter = oauth.codeParameter();
        String code = request.path("queryParams").path(codeParameter).asText("");
        if (code.isEmpty()) {
            throw ApiError.invalid("queryParams." + codeParameter, "queryParams has no " + codeParameter
                    + "; pass every query parameter of the redirect.");
        }
        String redirectUrl = request.path("redirectUrl").asText("");
        if (ledger.redeem(code, connector.definitionId(), workspace, redirectUrl).isEmpty()) {
            throw ApiError.invalid("queryParams.code", connector.name()
                    + " refused the authorization code: it was not issued for this connector and redirect URL, or it was already used.");
        }
        ObjectNode answer = json.createObjectNode().put("request_succeeded", true);
        ObjectNode payload = answer.putObject("auth_payload");
        oauth.serverOutputPaths().keySet().forEach(key -> payload.put(key, SERVER_SECRET_MASK));
        OAuthOutputs.issue(payload, connector, ledger, clock);
        if (request.path("returnSecretCoordinate").asBoolean(false) && !ignoreSecretCoordinates.get()) {
            // As Airbyte's OAuthHandler does: the payload goes into one secret, and only its coordinate comes back.
            String secretId = "airbyte_oauth_workspace_" + workspace + "_secret_" + UUID.randomUUID() + "_v1";
            keptSecrets.put(secretId, new KeptSecret(connector.definitionId(), workspace, payload.deepCopy()));
            ledger.remember(secretId);
            payload.removeAll();
            payload.put("secretId", secretId);
        }
        return Optional.of(answer);
    }

    /** A connector that needs inputs before consent (Zendesk's subdomain) refuses a request without them, as Airbyte does. */
    private static void requireInputs(DemoConnector connector, ObjectNode request) throws ApiError {
        List<String> missing = OAuthInputRules.missing(connector, request.path("oAuthInputConfiguration"));
        if (!missing.isEmpty()) {
            throw ApiError.known(400, connector.name() + "'s OAuth needs oAuthInputConfiguration."
                    + String.join(" and oAuthInputConfiguration.", missing) + " to build its consent URL.");
        }
    }

    private Optional<ObjectNode> createSource(ObjectNode request) throws ApiError {
        DemoConnector connector = connector(request, "sourceDefinitionId");
        String workspace = knownWorkspace(request);
        String name = text(request, "name");
        if (!(request.get("connectionConfiguration") instanceof ObjectNode given)) {
            throw ApiError.invalid("connectionConfiguration", "connectionConfiguration must be a JSON object.");
        }
        ObjectNode configuration = given.deepCopy();
        if (request.hasNonNull("secretId")) {
            hydrate(connector, workspace, request.path("secretId").asText(""), configuration);
        }
        List<ApiError.Violation> violations = ConfigurationRules.violations(connector, configuration, ledger::isTokenFor);
        if (!violations.isEmpty()) {
            throw ApiError.invalid("The configuration is not valid for " + connector.name() + ".", violations);
        }
        SimulatedSource source = new SimulatedSource(UUID.randomUUID().toString(), connector, workspace, name,
                configuration.deepCopy(), clock.instant().getEpochSecond());
        sources.put(source.sourceId(), source);
        LOG.info("Simulated Airbyte created a {} source", connector.name());
        return Optional.of(sourceRead(source));
    }

    /**
     * Puts the kept OAuth outputs at their paths in the configuration, as Airbyte does when it
     * hydrates a {@code secretId} given to {@code sources/create}.
     */
    private void hydrate(DemoConnector connector, String workspace, String secretId, ObjectNode configuration)
            throws ApiError {
        KeptSecret secret = Optional.ofNullable(keptSecrets.get(secretId))
                .filter(kept -> kept.definitionId().equals(connector.definitionId()) && kept.workspaceId().equals(workspace))
                .orElseThrow(() -> ApiError.invalid("secretId", "secretId does not belong to a completed "
                        + connector.name() + " authorization in this workspace."));
        oauthOf(connector).outputPaths().forEach((key, path) -> {
            JsonNode value = secret.outputs().get(key);
            if (value != null && !path.isEmpty()) {
                ObjectNode parent = configuration;
                for (String step : path.subList(0, path.size() - 1)) {
                    parent = parent.get(step) instanceof ObjectNode existing ? existing : parent.putObject(step);
                }
                parent.set(path.getLast(), value.deepCopy());
            }
        });
    }

    private ObjectNode sourceRead(SimulatedSource source) {
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

    /** Lists the workspace's sources; {@code filters.searchTerm} keeps those whose name contains it. */
    private Optional<ObjectNode> listSources(ObjectNode request) throws ApiError {
        String workspace = knownWorkspace(request);
        String term = request.path("filters").path("searchTerm").asText("").toLowerCase(Locale.ROOT);
        ObjectNode answer = json.createObjectNode();
        ArrayNode list = answer.putArray("sources");
        sources.values().stream()
                .filter(source -> source.workspaceId().equals(workspace))
                .filter(source -> source.name().toLowerCase(Locale.ROOT).contains(term))
                .sorted(Comparator.comparing(SimulatedSource::name))
                .forEach(source -> list.add(sourceRead(source)));
        return Optional.of(answer);
    }

    /** Deletes the source, as someone does in Airbyte's own screens; false when there is no such source. */
    boolean delete(String sourceId) {
        SimulatedSource source = sources.remove(sourceId);
        if (source != null) {
            LOG.info("Simulated Airbyte deleted a {} source behind Onramp's back", source.connector().name());
        }
        return source != null;
    }

    /** Whether the source holds OAuth tokens; empty when there is no such source. */
    Optional<Boolean> signsInByOAuth(String sourceId) {
        return Optional.ofNullable(sources.get(sourceId))
                .map(source -> !ConfigurationRules.oauthTokens(source.connector(), source.configuration()).isEmpty());
    }

    /** Revokes the OAuth tokens in the source's configuration; false when there is no such source. */
    boolean expireTokens(String sourceId) {
        SimulatedSource source = sources.get(sourceId);
        if (source == null) {
            return false;
        }
        ConfigurationRules.oauthTokens(source.connector(), source.configuration()).forEach(ledger::revoke);
        return true;
    }

    private Optional<ObjectNode> getSource(ObjectNode request) throws ApiError {
        return Optional.of(sourceRead(source(request)));
    }

    /**
     * {@code sources/update} ({@code SourceUpdate}): sourceId, name and the whole connectionConfiguration
     * are required, and the configuration must be valid as on create. As in Airbyte, a {@code secretId}
     * is accepted by the schema but not applied here (only {@code sources/partial_update} hydrates one),
     * so a configuration without its tokens is refused. The id never changes.
     */
    private Optional<ObjectNode> updateSource(ObjectNode request) throws ApiError {
        requireOnly(request, UPDATE_FIELDS, "a source update");
        SimulatedSource source = source(request);
        String name = text(request, "name");
        if (!(request.get("connectionConfiguration") instanceof ObjectNode given)) {
            throw ApiError.invalid("connectionConfiguration", "connectionConfiguration must be a JSON object.");
        }
        return Optional.of(sourceRead(replace(source, name, given.deepCopy())));
    }

    /**
     * {@code sources/partial_update} ({@code PartialSourceUpdate}): only sourceId is required; a
     * {@code secretId} of a completed OAuth is hydrated into the given configuration, which is then
     * merged over the stored one (objects field by field, the given values winning), and the result
     * must be valid as on create. The name stays unless one is given.
     */
    private Optional<ObjectNode> partialUpdateSource(ObjectNode request) throws ApiError {
        requireOnly(request, UPDATE_FIELDS, "a partial source update");
        SimulatedSource source = source(request);
        JsonNode given = request.path("connectionConfiguration");
        if (!given.isMissingNode() && !given.isNull() && !given.isObject()) {
            throw ApiError.invalid("connectionConfiguration", "connectionConfiguration must be a JSON object.");
        }
        ObjectNode patch = given.isObject() ? ((ObjectNode) given).deepCopy() : json.createObjectNode();
        if (request.hasNonNull("secretId")) {
            hydrate(source.connector(), source.workspaceId(), request.path("secretId").asText(""), patch);
        }
        String name = request.hasNonNull("name") ? text(request, "name") : source.name();
        return Optional.of(sourceRead(replace(source, name, merged(source.configuration(), patch))));
    }

    /** Stores the source with a new name and configuration, once the configuration is valid as on create. */
    private SimulatedSource replace(SimulatedSource source, String name, ObjectNode configuration) throws ApiError {
        List<ApiError.Violation> violations = ConfigurationRules.violations(source.connector(), configuration,
                ledger::isTokenFor);
        if (!violations.isEmpty()) {
            throw ApiError.invalid("The configuration is not valid for " + source.connector().name() + ".", violations);
        }
        SimulatedSource updated = new SimulatedSource(source.sourceId(), source.connector(), source.workspaceId(), name,
                configuration.deepCopy(), source.createdAt());
        sources.put(updated.sourceId(), updated);
        LOG.info("Simulated Airbyte updated a {} source", source.connector().name());
        return updated;
    }

    /** {@code patch} over a copy of {@code base}: objects merged field by field, anything else replaced. */
    private static ObjectNode merged(ObjectNode base, ObjectNode patch) {
        ObjectNode result = base.deepCopy();
        patch.properties().forEach(entry -> {
            if (entry.getValue() instanceof ObjectNode inner && result.get(entry.getKey()) instanceof ObjectNode existing) {
                result.set(entry.getKey(), merged(existing, inner));
            } else {
                result.set(entry.getKey(), entry.getValue().deepCopy());
            }
        });
        return result;
    }

    private static void requireOnly(ObjectNode request, List<String> fields, String what) throws ApiError {
        for (String field : (Iterable<String>) request::fieldNames) {
            if (!fields.contains(field)) {
                throw ApiError.invalid(field, "Unknown field: " + what + " takes " + String.join(", ", fields) + ".");
            }
        }
    }

    /**
     * {@code sources/check_connection}: a {@code CheckConnectionRead}. A test the connector ran answers 200
     * whatever it found, as Airbyte does: {@code status} failed with the connector's message when the
     * provider refused (a secret no provider takes, a revoked token, or an armed check fault).
     */
    private Optional<ObjectNode> checkConnection(ObjectNode request) throws ApiError {
        SimulatedSource source = source(request);
        Optional<String> fault = faults.takeCheck("POST", CHECK_PATH, source.sourceId())
                .map(armed -> CheckMessages.of(armed.kind(), source.connector()));
        return Optional.of(checkRead(source, source.configuration(), fault));
    }

    /**
     * {@code sources/check_connection_for_update} ({@code SourceUpdate}, as {@code sources/update}
     * takes it): the proposed configuration must be valid as on create, or the answer is a 422; then
     * the source is tested with it, and the source itself keeps the configuration it has.
     */
    private Optional<ObjectNode> checkConnectionForUpdate(ObjectNode request) throws ApiError {
        requireOnly(request, UPDATE_FIELDS, "a source update");
        SimulatedSource source = source(request);
        text(request, "name");
        if (!(request.get("connectionConfiguration") instanceof ObjectNode given)) {
            throw ApiError.invalid("connectionConfiguration", "connectionConfiguration must be a JSON object.");
        }
        List<ApiError.Violation> violations = ConfigurationRules.violations(source.connector(), given, ledger::isTokenFor);
        if (!violations.isEmpty()) {
            throw ApiError.invalid("The configuration is not valid for " + source.connector().name() + ".", violations);
        }
        return Optional.of(checkRead(source, given, Optional.empty()));
    }

    /**
     * A {@code CheckConnectionRead} of testing the source with {@code configuration}: failed with
     * {@code fault}'s message when a check fault is armed for it, else with the provider's refusal.
     */
    private ObjectNode checkRead(SimulatedSource source, JsonNode configuration, Optional<String> fault) {
        Optional<String> failure = fault.or(() -> ConfigurationRules.refusedSecret(source.connector(), configuration)
                .map(title -> "the " + title + " is not valid")
                .or(() -> revoked(source.connector(), configuration))
                .map(why -> source.connector().name() + " refused the credentials: " + why + " (401 Unauthorized)."));
        ObjectNode answer = json.createObjectNode().put("status", failure.isPresent() ? "failed" : "succeeded");
        failure.ifPresent(message -> answer.put("message", message));
        answer.set("jobInfo", jobInfo("check_connection_source", Optional.of(source.sourceId())));
        return answer;
    }

    private Optional<String> revoked(DemoConnector connector, JsonNode configuration) {
        return ConfigurationRules.oauthTokens(connector, configuration).stream()
                .anyMatch(ledger::isRevoked) ? Optional.of("the access token has expired or was revoked") : Optional.empty();
    }

    /** The source's configuration as it holds it, secrets unmasked; empty when there is no such source. */
    Optional<JsonNode> configuration(String sourceId) {
        return Optional.ofNullable(sources.get(sourceId)).map(source -> source.configuration().deepCopy());
    }

    private Optional<ObjectNode> discoverSchema(ObjectNode request) throws ApiError {
        SimulatedSource source = source(request);
        ObjectNode answer = json.createObjectNode();
        ArrayNode streams = answer.putObject("catalog").putArray("streams");
        source.connector().streams().forEach(stream -> streams.add(StreamCatalog.entry(json, stream)));
        answer.set("jobInfo", jobInfo("discover_schema", Optional.of(source.sourceId())));
        answer.put("catalogId", UUID.randomUUID().toString());
        return Optional.of(answer);
    }

    private Optional<ObjectNode> deleteSource(ObjectNode request) throws ApiError {
        SimulatedSource source = source(request);
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

    private SimulatedSource source(ObjectNode request) throws ApiError {
        String id = text(request, "sourceId");
        SimulatedSource source = sources.get(id);
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
