package dev.onramp.demo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Airbyte Cloud public API endpoints Onramp uses ({@code /v1/...}), answering with the shapes
 * of Airbyte's {@code api.yaml} and the problems of {@code api-problems.yaml}. Its sources are its
 * kept state.
 */
final class PublicApi implements KeptState {
    private static final Logger LOG = LoggerFactory.getLogger(PublicApi.class);
    private static final int DEFAULT_LIMIT = 20;
    private static final int MAX_LIMIT = 100;
    private static final List<String> PATCH_FIELDS = List.of("name", "workspaceId", "configuration", "secretId",
            "resourceAllocation");

    /** What an endpoint answers: JSON with a status, nothing (204), or a redirect for the browser. */
    sealed interface Answer {
        record Json(int status, JsonNode body) implements Answer {}

        record NoContent() implements Answer {}

        /** A status with no body, as Airbyte OSS answers what only Cloud implements. */
        record Empty(int status) implements Answer {}

        record Redirect(URI location) implements Answer {}
    }

    /** One request as the endpoints see it; {@code segments} are the path's parts after {@code /v1/}. */
    record Call(String method, List<String> segments, Map<String, String> query, Optional<ObjectNode> body,
            Optional<String> authorization) {}

    /** A workspace of the simulated organization. */
    record Workspace(String id, String name) {}

    private final ObjectMapper json;
    private final DemoConnectors connectors;
    private final OAuthLedger ledger;
    private final CloudTokens tokens;
    private final CloudSignIns signIns;
    private final List<Workspace> workspaces;
    private final URI base;
    private final Clock clock;
    private final Faults faults;
    private final Map<String, SimulatedSource> sources = new ConcurrentHashMap<>();
    private volatile boolean selfManaged;

    PublicApi(ObjectMapper json, DemoConnectors connectors, OAuthLedger ledger, CloudTokens tokens, CloudSignIns signIns,
            List<Workspace> workspaces, URI base, Clock clock, Faults faults) {
        this.faults = faults;
        this.json = json;
        this.connectors = connectors;
        this.ledger = ledger;
        this.tokens = tokens;
        this.signIns = signIns;
        this.workspaces = List.copyOf(workspaces);
        this.base = base;
        this.clock = clock;
    }

    /** Whether the endpoint wants a bearer token: all but the token endpoint and the browser's OAuth callback. */
    static boolean needsToken(String method, String path) {
        return !(method.equals("POST") && path.equals("/v1/applications/token"))
                && !(method.equals("GET") && path.equals("/v1/oauth/callback"));
    }

    Set<String> sourceIds() {
        return Set.copyOf(sources.keySet());
    }

    /** Whether the call changes what is kept (sources, sign-in secrets, tokens) rather than only reading it. */
    static boolean changes(String method, List<String> segments) {
        String route = method + " " + pattern(segments);
        return switch (route) {
            case "POST sources", "PATCH sources/{id}", "DELETE sources/{id}", "GET oauth/callback" -> true;
            default -> false;
        };
    }

    @Override
    public String section() {
        return "publicApi";
    }

    /** Its sources. */
    @Override
    public void save(ObjectNode into) {
        into.set("sources", SimulatedSource.toJson(sources.values()));
    }

    @Override
    public Runnable restore(JsonNode from) throws UnreadableStateException {
        Map<String, SimulatedSource> kept = SimulatedSource.fromJson(KeptState.array(from, "sources"), connectors);
        return () -> {
            sources.clear();
            sources.putAll(kept);
        };
    }

    /** Deletes the source, as someone does in Airbyte Cloud's own screens; false when there is no such source. */
    boolean delete(String sourceId) {
        SimulatedSource source = sources.remove(sourceId);
        if (source != null) {
            LOG.info("Simulated Airbyte Cloud deleted a {} source behind Onramp's back", source.connector().name());
        }
        return source != null;
    }

    /** Whether the source holds OAuth tokens; empty when there is no such source. */
    Optional<Boolean> signsInByOAuth(String sourceId) {
        return Optional.ofNullable(sources.get(sourceId))
                .map(source -> !ConfigurationRules.oauthTokens(source.connector(), source.configuration()).isEmpty());
    }

    /** The source's configuration as it holds it, secrets unmasked; empty when there is no such source. */
    Optional<JsonNode> configuration(String sourceId) {
        return Optional.ofNullable(sources.get(sourceId)).map(source -> source.configuration().deepCopy());
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

    /** Plays a self-managed Airbyte's public API, which brokers no sign-in: initiateOAuth answers 501. */
    void playSelfManaged() {
        selfManaged = true;
    }

    Answer route(Call call) throws Problem {
        List<String> path = call.segments();
        String route = call.method() + " " + pattern(path);
        switch (route) {
            case "POST applications/token":
                return json(200, token(call));
            case "GET oauth/callback":
                return new Answer.Redirect(signIns.callback(call.query()));
            default:
                break;
        }
        tokens.check(call.authorization().orElse(null));
        return switch (route) {
            case "GET workspaces" -> json(200, workspaces(call.query()));
            case "POST sources/initiateOAuth" -> {
                if (selfManaged) {
                    // Airbyte OSS's SourceService answers 501 Not Implemented, with no body.
                    yield new Answer.Empty(501);
                }
                ObjectNode body = body(call);
                yield json(200, signIns.initiate(body, knownWorkspace(body.path("workspaceId").asText(""))));
            }
            case "POST sources" -> json(200, create(body(call)));
            case "GET sources" -> json(200, sourceList(call.query()));
            case "GET sources/{id}" -> json(200, sourceResponse(source(path.get(1))));
            case "PATCH sources/{id}" -> json(200, patch(source(path.get(1)), body(call)));
            case "DELETE sources/{id}" -> {
                SimulatedSource source = source(path.get(1));
                sources.remove(source.sourceId());
                LOG.info("Simulated Airbyte Cloud deleted a {} source", source.connector().name());
                yield new Answer.NoContent();
            }
            case "GET streams" -> json(200, streams(call.query()));
            default -> throw Problem.resourceNotFound("endpoint", call.method() + " /v1/" + String.join("/", path));
        };
    }

    /** The path as the routes name it: {@code sources/{id}} for one source, else the path itself. */
    private static String pattern(List<String> path) {
        boolean oneSource = path.size() == 2 && path.get(0).equals("sources") && !path.get(1).equals("initiateOAuth");
        return oneSource ? "sources/{id}" : String.join("/", path);
    }

    private ObjectNode token(Call call) throws Problem {
        ObjectNode body = body(call);
        String clientId = body.path("client_id").asText(body.path("clientId").asText(""));
        String clientSecret = body.path("client_secret").asText(body.path("clientSecret").asText(""));
        ObjectNode answer = tokens.mint(clientId, clientSecret);
        ledger.remember(answer.path("access_token").asText());
        return answer;
    }

    private ObjectNode workspaces(Map<String, String> query) throws Problem {
        int limit = number(query, "limit", DEFAULT_LIMIT);
        int offset = number(query, "offset", 0);
        if (limit < 1 || limit > MAX_LIMIT || offset < 0) {
            throw Problem.badRequest("limit must be between 1 and " + MAX_LIMIT + " and offset at least 0.");
        }
        ObjectNode answer = json.createObjectNode();
        ArrayNode data = answer.putArray("data");
        workspaces.stream().skip(offset).limit(limit).forEach(workspace -> {
            ObjectNode node = data.addObject()
                    .put("workspaceId", workspace.id())
                    .put("name", workspace.name())
                    .put("dataResidency", "auto");
            node.putObject("notifications");
        });
        if (offset + limit < workspaces.size()) {
            answer.put("next", base + "/workspaces?limit=" + limit + "&offset=" + (offset + limit));
        }
        if (offset > 0) {
            answer.put("previous", base + "/workspaces?limit=" + limit + "&offset=" + Math.max(0, offset - limit));
        }
        return answer;
    }

    private ObjectNode create(ObjectNode request) throws Problem {
        String workspaceId = knownWorkspace(request.path("workspaceId").asText(""));
        String name = request.path("name").asText("");
        if (name.isBlank()) {
            throw Problem.badRequest("name is required.");
        }
        if (!(request.get("configuration") instanceof ObjectNode configuration)) {
            throw Problem.badRequest("configuration must be a JSON object.");
        }
        DemoConnector connector = connectorOf(request, configuration);
        ObjectNode merged = configuration.deepCopy();
        merged.remove("sourceType");
        if (request.hasNonNull("secretId")) {
            CloudSignIns.Secret secret = signIns.secret(request.path("secretId").asText(), connector, workspaceId)
                    .orElseThrow(() -> Problem.badRequest("secretId does not belong to a " + connector.name()
                            + " sign-in in this workspace."));
            mergeSecret(connector, merged, secret);
        }
        List<ApiError.Violation> violations = ConfigurationRules.violations(connector, merged, ledger::isTokenFor);
        if (!violations.isEmpty()) {
            throw Problem.unprocessable("The configuration is not valid for " + connector.name() + ": " + describe(violations));
        }
        SimulatedSource source = new SimulatedSource(UUID.randomUUID().toString(), connector, workspaceId, name, merged,
                clock.instant().getEpochSecond());
        sources.put(source.sourceId(), source);
        LOG.info("Simulated Airbyte Cloud created a {} source", connector.name());
        return sourceResponse(source);
    }

    /** {@code PATCH /v1/sources/{id}} ({@code SourcePatchRequest}): only its fields, each of its type. */
    private ObjectNode patch(SimulatedSource source, ObjectNode request) throws Problem {
        for (String field : (Iterable<String>) request::fieldNames) {
            if (!PATCH_FIELDS.contains(field)) {
                throw Problem.badRequest("Unknown field " + field + ": a source patch takes " + String.join(", ", PATCH_FIELDS) + ".");
            }
        }
        if (request.has("configuration") && !request.get("configuration").isObject()) {
            throw Problem.badRequest("configuration must be a JSON object.");
        }
        if (request.has("secretId") && !request.get("secretId").isTextual()) {
            throw Problem.badRequest("secretId must be a string.");
        }
        if (request.has("workspaceId") && !request.path("workspaceId").asText("").equals(source.workspaceId())) {
            throw Problem.badRequest("workspaceId must be the source's own workspace.");
        }
        ObjectNode configuration = source.configuration().deepCopy();
        if (request.get("configuration") instanceof ObjectNode changes) {
            changes.properties().forEach(field -> configuration.set(field.getKey(), field.getValue().deepCopy()));
        }
        if (request.hasNonNull("secretId")) {
            CloudSignIns.Secret secret = signIns.secret(request.path("secretId").asText(), source.connector(), source.workspaceId())
                    .orElseThrow(() -> Problem.badRequest("secretId does not belong to a " + source.connector().name()
                            + " sign-in in this workspace."));
            mergeSecret(source.connector(), configuration, secret);
        }
        List<ApiError.Violation> violations = ConfigurationRules.violations(source.connector(), configuration, ledger::isTokenFor);
        if (!violations.isEmpty()) {
            throw Problem.unprocessable("The configuration is not valid for " + source.connector().name() + ": "
                    + describe(violations));
        }
        SimulatedSource patched = new SimulatedSource(source.sourceId(), source.connector(), source.workspaceId(),
                request.path("name").asText(source.name()), configuration, source.createdAt());
        sources.put(patched.sourceId(), patched);
        return sourceResponse(patched);
    }

    /** Puts the secret's tokens where the connector's OAuth outputs go, as Airbyte does when it hydrates the secret. */
    private static void mergeSecret(DemoConnector connector, ObjectNode configuration, CloudSignIns.Secret secret) {
        connector.oauth().orElseThrow().outputPaths().forEach((key, path) -> {
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

    private JsonNode streams(Map<String, String> query) throws Problem {
        String sourceId = query.getOrDefault("sourceId", "");
        if (sourceId.isBlank()) {
            throw Problem.badRequest("sourceId is required.");
        }
        SimulatedSource source = source(sourceId);
        boolean fresh = Boolean.parseBoolean(query.getOrDefault("ignoreCache", "false"));
        // Listing the streams afresh runs the connector's discover, which is how Cloud tests a source; a failed
        // one is Airbyte Cloud's unexpected problem carrying the connector's words.
        if (fresh) {
            Optional<Fault> fault = faults.takeCheck("GET", "/v1/streams", sourceId);
            if (fault.isPresent()) {
                throw Problem.connectorFailed(CheckMessages.of(fault.get().kind(), source.connector()));
            }
            if (ConfigurationRules.oauthTokens(source.connector(), source.configuration()).stream().anyMatch(ledger::isRevoked)) {
                throw Problem.connectorFailed("HTTP 401 Unauthorized: " + source.connector().name() + " refused the"
                        + " credentials: the access token has expired or was revoked.");
            }
        }
        // A fresh listing runs the connector's discover, which signs in with the typed credentials as a test does.
        Optional<String> refused = fresh ? ConfigurationRules.refusedSecret(source.connector(), source.configuration())
                : Optional.empty();
        if (refused.isPresent()) {
            throw Problem.badRequest(source.connector().name() + " refused the credentials: the " + refused.get()
                    + " is not valid (401 Unauthorized).");
        }
        ArrayNode answer = json.createArrayNode();
        for (DemoConnector.Stream stream : source.connector().streams()) {
            ObjectNode node = answer.addObject().put("streamName", stream.name());
            ArrayNode modes = node.putArray("syncModes");
            if (stream.syncModes().contains("full_refresh")) {
                modes.add("full_refresh_overwrite").add("full_refresh_append");
            }
            if (stream.syncModes().contains("incremental")) {
                modes.add("incremental_append");
                if (!stream.primaryKey().isEmpty()) {
                    modes.add("incremental_deduped_history");
                }
            }
            ArrayNode cursor = node.putArray("defaultCursorField");
            stream.cursorField().ifPresent(cursor::add);
            node.put("sourceDefinedCursorField", stream.cursorField().isPresent());
            ArrayNode primaryKey = node.putArray("sourceDefinedPrimaryKey");
            stream.primaryKey().forEach(field -> primaryKey.addArray().add(field));
            ArrayNode fields = node.putArray("propertyFields");
            stream.fields().keySet().forEach(field -> fields.addArray().add(field));
        }
        return answer;
    }

    /** {@code GET /v1/sources?workspaceIds=…&limit=&offset=}: one page of sources, oldest first. */
    private ObjectNode sourceList(Map<String, String> query) throws Problem {
        int limit = number(query, "limit", DEFAULT_LIMIT);
        int offset = number(query, "offset", 0);
        if (limit < 1 || limit > MAX_LIMIT || offset < 0) {
            throw Problem.badRequest("limit must be between 1 and " + MAX_LIMIT + " and offset at least 0.");
        }
        List<String> workspaceIds = query.containsKey("workspaceIds")
                ? List.of(query.get("workspaceIds").split(",")) : List.of();
        List<SimulatedSource> matching = sources.values().stream()
                .filter(source -> workspaceIds.isEmpty() || workspaceIds.contains(source.workspaceId()))
                .sorted(java.util.Comparator.comparingLong(SimulatedSource::createdAt))
                .toList();
        ObjectNode answer = json.createObjectNode();
        ArrayNode data = answer.putArray("data");
        matching.stream().skip(offset).limit(limit).forEach(source -> data.add(sourceResponse(source)));
        if (offset + limit < matching.size()) {
            answer.put("next", "/v1/sources?limit=" + limit + "&offset=" + (offset + limit));
        }
        return answer;
    }

    private ObjectNode sourceResponse(SimulatedSource source) {
        ObjectNode read = json.createObjectNode()
                .put("sourceId", source.sourceId())
                .put("name", source.name())
                .put("sourceType", source.connector().sourceType())
                .put("definitionId", source.connector().definitionId())
                .put("workspaceId", source.workspaceId());
        read.set("configuration", ConfigurationRules.masked(source.connector().connectionSpecification(), source.configuration()));
        return read.put("createdAt", source.createdAt());
    }

    private DemoConnector connectorOf(ObjectNode request, ObjectNode configuration) throws Problem {
        String definitionId = request.path("definitionId").asText("");
        if (!definitionId.isBlank()) {
            return connectors.byDefinitionId(definitionId)
                    .orElseThrow(() -> Problem.resourceNotFound("source_definition", definitionId));
        }
        String sourceType = configuration.path("sourceType").asText("");
        if (sourceType.isBlank()) {
            throw Problem.badRequest("Give definitionId or configuration.sourceType.");
        }
        return connectors.bySourceType(sourceType)
                .orElseThrow(() -> Problem.valueNotFound(sourceType));
    }

    private String knownWorkspace(String id) throws Problem {
        if (workspaces.stream().noneMatch(w -> w.id().equals(id))) {
            throw Problem.resourceNotFound("workspace", id);
        }
        return id;
    }

    private SimulatedSource source(String id) throws Problem {
        SimulatedSource source = sources.get(id);
        if (source == null) {
            throw Problem.resourceNotFound("source", id);
        }
        return source;
    }

    private static ObjectNode body(Call call) throws Problem {
        return call.body().orElseThrow(() -> Problem.badRequest("The request needs a JSON object body."));
    }

    private static int number(Map<String, String> query, String name, int fallback) throws Problem {
        String text = query.get(name);
        if (text == null) {
            return fallback;
        }
        try {
            return Integer.parseInt(text);
        } catch (NumberFormatException e) {
            throw Problem.badRequest(name + " must be a whole number.");
        }
    }

    private static String describe(List<ApiError.Violation> violations) {
        List<String> parts = new ArrayList<>();
        violations.forEach(v -> parts.add(v.propertyPath().replaceFirst("^connectionConfiguration", "configuration")
                + " " + v.message()));
        return String.join("; ", parts) + ".";
    }

    private static Answer json(int status, JsonNode body) {
        return new Answer.Json(status, body);
    }
}
