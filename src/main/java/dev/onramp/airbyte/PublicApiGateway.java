package dev.onramp.airbyte;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.onramp.airbyte.AirbyteException.Kind;
import dev.onramp.airbyte.PublicApiTransport.Request;
import dev.onramp.model.AirbyteSettings;
import dev.onramp.model.Provider;
import dev.onramp.model.StreamInfo;
import dev.onramp.text.Text;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * {@link AirbyteGateway} over Airbyte Cloud's public API ({@code https://api.airbyte.com/v1}), with
 * request and answer shapes as Airbyte's {@code api.yaml} defines them. Cloud brokers OAuth itself
 * ({@link SignIn.Relay}):
 * {@link #initiateOAuth} hands out the consent link, the browser comes back through the operator's
 * https relay with a {@code secret_id}, and {@link #createSource(String, Provider, String, ObjectNode, String)}
 * makes the source from it, so that tokens never reach the desktop. It has no test of a proposed
 * configuration, so a source's new credentials are tested once the source has them
 * ({@link SourceUpdate.TestedAfter}). Cloud describes no connectors, so
 * every configuration is checked against the specification Onramp ships for the connector
 * ({@link ShippedSpecs}, {@link ConfigurationValidator}) before it is sent; one that does not fit
 * never leaves Onramp.
 */
public final class PublicApiGateway implements AirbyteGateway, SignIn.Relay, SourceUpdate.TestedAfter {
    /** The largest page {@code GET /workspaces} gives. */
    static final int PAGE_SIZE = 100;

    private final AirbyteSettings.Cloud target;
    private final ObjectMapper json = new ObjectMapper();
    private final PublicApiTransport transport;
    private final ConnectorNames names;
    private final ShippedSpecs specs;
    private final ConfigurationValidator validator;

    /**
     * @param names the connectors' names, for errors that name them
     * @param specs the specifications Onramp ships, which every configuration must fit before it is sent
     */
    public PublicApiGateway(AirbyteSettings.Cloud target, CallPolicy policy, ConnectorNames names, ShippedSpecs specs) {
        this.target = target;
        this.names = names;
        this.specs = specs;
        this.validator = new ConfigurationValidator(names);
        this.transport = new PublicApiTransport(target.apiBase(), target.clientId(), target.clientSecret(), policy, json);
    }

    @Override
    public URI baseUrl() {
        return target.apiBase();
    }

    @Override
    public Optional<String> settingsWorkspace() {
        return target.workspace();
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
    public Optional<String> workspaceId() {
        return target.workspace();
    }

    @Override
    public URI relayUrl() {
        return target.relay()
                .filter(url -> "https".equalsIgnoreCase(url.getScheme()) && url.getHost() != null)
                .orElseThrow(() -> new AirbyteException(Kind.REJECTED, Text.of("airbyte.public.noRelay")));
    }

    /**
     * Every workspace the application may use, following {@code limit}/{@code offset} paging to the
     * end: until a page is empty, or short without a {@code next} link, or brings nothing new (a
     * server that ignores the offset must not keep Onramp paging forever).
     */
    @Override
    public List<Workspace> listWorkspaces() {
        Map<String, Workspace> workspaces = new LinkedHashMap<>();
        int offset = 0;
        while (true) {
            JsonNode page = call(Request.get(PublicApiCall.LIST_WORKSPACES, "workspaces",
                    Map.of("limit", String.valueOf(PAGE_SIZE), "offset", String.valueOf(offset))));
            JsonNode data = array(page.path("data"));
            int before = workspaces.size();
            for (JsonNode workspace : data) {
                String id = text(workspace, "workspaceId");
                workspaces.putIfAbsent(id, new Workspace(id, text(workspace, "name")));
            }
            boolean more = page.path("next").isTextual() && !page.path("next").asText().isBlank();
            if (data.isEmpty() || workspaces.size() == before || (!more && data.size() < PAGE_SIZE)) {
                return List.copyOf(workspaces.values());
            }
            offset += data.size();
        }
    }

    /**
     * The workspace's sources whose name contains {@code nameContains}, following
     * {@code limit}/{@code offset} paging of {@code GET /sources} to the end; the public API has no
     * name filter, so the names are compared here.
     */
    @Override
    public List<String> findSources(String workspaceId, String nameContains) {
        List<String> found = new ArrayList<>();
        java.util.Set<String> seen = new java.util.HashSet<>();
        int offset = 0;
        while (true) {
            JsonNode page = call(Request.get(PublicApiCall.LIST_SOURCES, "sources", Map.of("workspaceIds", workspaceId,
                    "limit", String.valueOf(PAGE_SIZE), "offset", String.valueOf(offset))));
            JsonNode data = array(page.path("data"));
            int before = seen.size();
            for (JsonNode source : data) {
                String id = text(source, "sourceId");
                if (seen.add(id) && source.path("name").asText("").contains(nameContains)) {
                    found.add(id);
                }
            }
            boolean more = page.path("next").isTextual() && !page.path("next").asText().isBlank();
            if (data.isEmpty() || seen.size() == before || (!more && data.size() < PAGE_SIZE)) {
                return List.copyOf(found);
            }
            offset += data.size();
        }
    }

    /** Airbyte's clock from an unauthenticated workspace listing: even its refusal carries a {@code Date}. */
    @Override
    public Optional<Instant> serverTime() {
        return transport.serverTime(Request.get(PublicApiCall.LIST_WORKSPACES, "workspaces", Map.of("limit", "1")));
    }

    /**
     * Not offered by the public API: Onramp uses the connector facts it ships with instead.
     *
     * @throws AirbyteException always, of kind UNSUPPORTED
     */
    @Override
    public ConnectorSpec getSpecification(String definitionId, String workspaceId) {
        throw new AirbyteException(Kind.UNSUPPORTED, Text.of("airbyte.public.noSpecificationsApi", names.describe(definitionId)));
    }

    /** Cloud's public API lists no connector definitions: Onramp's own list stands for them. */
    @Override
    public Optional<List<SourceDefinition>> sourceDefinitions(String workspaceId) {
        return Optional.empty();
    }

    /**
     * {@code POST /sources/initiateOAuth}: the provider's consent link, after which Airbyte redirects
     * the browser to {@code redirectUrl?secret_id=…}. {@code oauthInput} holds the fields the
     * provider needs first (a Zendesk subdomain); it may be empty.
     */
    @Override
    public URI initiateOAuth(Provider provider, String workspaceId, URI redirectUrl, ObjectNode oauthInput) {
        ObjectNode request = json.createObjectNode()
                .put("sourceType", provider.sourceType())
                .put("workspaceId", workspaceId)
                .put("redirectUrl", redirectUrl.toString());
        request.set("oAuthInputConfiguration", oauthInput);
        JsonNode answer = call(Request.withBody(PublicApiCall.INITIATE_OAUTH, "POST", "sources/initiateOAuth", request,
                Optional.of(provider.name())));
        String consentUrl = answer.path("consentUrl").asText(answer.path("redirect_url").asText(""));
        if (consentUrl.isEmpty()) {
            throw transport.missingField("consentUrl");
        }
        try {
            URI uri = new URI(consentUrl);
            if (!uri.isAbsolute() || uri.getHost() == null) {
                throw transport.badResponse();
            }
            return uri;
        } catch (URISyntaxException e) {
            throw transport.badResponse();
        }
    }

    /**
     * {@code POST /sources} with the configuration as given, once it fits the connector's
     * specification: for connectors set up with typed credentials.
     */
    @Override
    public String createSource(String workspaceId, String definitionId, String name, ObjectNode configuration) {
        validator.requireWhole(PublicApiCall.CREATE_SOURCE, definitionId, shippedSpecification(definitionId),
                configuration, Optional.empty(), false);
        return create(workspaceId, definitionId, names.nameOf(definitionId), name, configuration, Optional.empty());
    }

    /**
     * {@code POST /sources} with the {@code secretId} a consent left in Airbyte, and a configuration
     * that selects OAuth (the predicate field) and holds the non-secret fields the connector requires:
     * it must fit the connector's specification but for what Airbyte puts in from the secret and its
     * OAuth app.
     */
    @Override
    public String createSource(String workspaceId, Provider provider, String name, ObjectNode configuration, String secretId) {
        validator.requireWhole(PublicApiCall.CREATE_SOURCE, provider.definitionId(),
                shippedSpecification(provider.definitionId()), configuration, provider.oauth(), true);
        return create(workspaceId, provider.definitionId(), Optional.of(provider.name()), name, configuration,
                Optional.of(secretId));
    }

    /** {@code PATCH /sources/{id}} with the {@code secretId} of a new consent: the source signs in again. */
    public void reauthorizeSource(Provider provider, String sourceId, String secretId) {
        reauthorizeSource(provider, sourceId, secretId, json.createObjectNode());
    }

    /**
     * {@code PATCH /sources/{id}} with the {@code secretId} of a new consent and a configuration that
     * selects OAuth (the predicate field, as on create): the source signs in again and keeps its id.
     * Airbyte merges the configuration over the one it keeps, so it is checked value by value
     * against the connector's specification (see {@link ConfigurationValidator#requirePart}).
     */
    @Override
    public void reauthorizeSource(Provider provider, String sourceId, String secretId, ObjectNode configuration) {
        validator.requirePart(PublicApiCall.REAUTHORIZE_SOURCE, provider.definitionId(),
                shippedSpecification(provider.definitionId()), configuration);
        ObjectNode request = json.createObjectNode();
        request.set("configuration", configuration);
        request.put("secretId", secretId);
        call(Request.withBody(PublicApiCall.REAUTHORIZE_SOURCE, "PATCH", "sources/" + encode(sourceId), request,
                Optional.empty()));
    }

    /**
     * {@code PATCH /sources/{id}} with the whole new configuration, once it fits the connector's
     * specification as a whole (it is the source's whole configuration, not a part of one). Airbyte
     * merges it over the configuration it keeps, field by field at the top, so every field given
     * replaces its old value; the id and name stay.
     */
    @Override
    public void replaceConfiguration(String workspaceId, String definitionId, String sourceId,
            ObjectNode configuration) {
        validator.requireWhole(PublicApiCall.UPDATE_SOURCE, definitionId, shippedSpecification(definitionId),
                configuration, Optional.empty(), false);
        ObjectNode request = json.createObjectNode();
        request.set("configuration", configuration);
        call(Request.withBody(PublicApiCall.UPDATE_SOURCE, "PATCH", "sources/" + encode(sourceId), request,
                Optional.empty()));
    }

    /**
     * The public API has no check: listing the streams afresh ({@code ignoreCache=true}) is the
     * test. Airbyte refusing the source's settings is a failed check; every other failure is thrown.
     */
    @Override
    public CheckResult checkConnection(String sourceId) {
        try {
            streams(PublicApiCall.TEST_SOURCE, sourceId, true);
            return new CheckResult(true, "");
        } catch (AirbyteException e) {
            if (e.kind() == Kind.REJECTED) {
                return CheckResult.of(false, e.text());
            }
            throw e;
        }
    }

    /** The streams as Airbyte cached them at the last test, each with its sync modes reduced to full_refresh / incremental. */
    @Override
    public List<StreamInfo> discoverStreams(String sourceId) {
        return streams(PublicApiCall.LIST_STREAMS, sourceId, false);
    }

    @Override
    public void deleteSource(String sourceId) {
        transport.send(Request.delete(PublicApiCall.DELETE_SOURCE, "sources/" + encode(sourceId)));
    }

    /** The specification Onramp ships for the connector; without one, nothing is sent. */
    private JsonNode shippedSpecification(String definitionId) {
        return specs.specificationOf(definitionId).orElseThrow(() -> new AirbyteException(Kind.UNSUPPORTED,
                Text.of("airbyte.public.noShippedSpecification", names.describe(definitionId))));
    }

    private String create(String workspaceId, String definitionId, Optional<String> connectorName, String name,
            ObjectNode configuration, Optional<String> secretId) {
        ObjectNode request = json.createObjectNode()
                .put("name", name)
                .put("workspaceId", workspaceId)
                .put("definitionId", definitionId);
        request.set("configuration", configuration);
        secretId.ifPresent(id -> request.put("secretId", id));
        JsonNode answer = call(Request.withBody(PublicApiCall.CREATE_SOURCE, "POST", "sources", request, connectorName));
        return text(answer, "sourceId");
    }

    private List<StreamInfo> streams(PublicApiCall call, String sourceId, boolean fresh) {
        JsonNode answer = call(Request.get(call, "streams", Map.of("sourceId", sourceId, "ignoreCache", String.valueOf(fresh))));
        List<StreamInfo> streams = new ArrayList<>();
        for (JsonNode stream : array(answer)) {
            Set<String> modes = new LinkedHashSet<>();
            stream.path("syncModes").forEach(mode -> modes.add(mode.asText().startsWith("incremental") ? "incremental" : "full_refresh"));
            streams.add(new StreamInfo(text(stream, "streamName"), List.copyOf(modes)));
        }
        return streams;
    }

    private JsonNode call(Request request) {
        return transport.send(request).orElseThrow(transport::badResponse);
    }

    private JsonNode array(JsonNode node) {
        if (!node.isArray()) {
            throw transport.badResponse();
        }
        return node;
    }

    private String text(JsonNode node, String field) {
        JsonNode value = node.path(field);
        if (!value.isTextual() || value.asText().isEmpty()) {
            throw transport.missingField(field);
        }
        return value.asText();
    }

    private static String encode(String segment) {
        return URLEncoder.encode(segment, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
