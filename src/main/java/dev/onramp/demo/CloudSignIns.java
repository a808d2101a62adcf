package dev.onramp.demo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Base64;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Airbyte Cloud's OAuth broker: {@code POST /v1/sources/initiateOAuth} hands out the provider's
 * consent link for an https {@code redirectUrl} only; the provider returns to
 * {@code GET /v1/oauth/callback}, which keeps the tokens as a secret and redirects the browser to
 * {@code redirectUrl?secret_id=…}. Sources are then made from the secret id, which is kept across
 * restarts with the tokens it stands for; consents under way are not.
 */
final class CloudSignIns implements KeptState {
    private static final Logger LOG = LoggerFactory.getLogger(CloudSignIns.class);
    private static final String ACTOR_NAMES = "public-api.json";

    /** A consent handed out and not yet answered: where the browser goes back to in the end. */
    private record Pending(DemoConnector connector, String workspaceId, URI redirectUrl) {}

    /** The tokens a finished consent left in Airbyte, by output key. */
    record Secret(DemoConnector connector, String workspaceId, ObjectNode outputs) {}

    private final ObjectMapper json;
    private final DemoConnectors connectors;
    private final OAuthLedger ledger;
    private final URI callbackUrl;
    private final SecureRandom random;
    private final Clock clock;
    private final Set<String> oauthActorNames;
    private final Map<String, Pending> pending = new ConcurrentHashMap<>();
    private final Map<String, Secret> secrets = new ConcurrentHashMap<>();

    CloudSignIns(ObjectMapper json, DemoConnectors connectors, OAuthLedger ledger, URI callbackUrl, SecureRandom random,
            Clock clock) {
        this.json = json;
        this.clock = clock;
        this.connectors = connectors;
        this.ledger = ledger;
        this.callbackUrl = callbackUrl;
        this.random = random;
        this.oauthActorNames = actorNames(json);
    }

    /** The answer to {@code initiateOAuth}: {@code {"consentUrl": …}}. */
    ObjectNode initiate(ObjectNode request, String workspaceId) throws Problem {
        String redirectText = request.path("redirectUrl").asText("");
        URI redirectUrl = httpsUrl(redirectText).orElseThrow(() -> Problem.invalidRedirectUrl(redirectText));
        String sourceType = request.path("sourceType").asText(request.path("name").asText(""));
        if (sourceType.isBlank()) {
            throw Problem.badRequest("sourceType is required.");
        }
        // Only the source types of the public API's OAuthActorNames: any other is not a value of its enum.
        DemoConnector connector = connectors.bySourceType(sourceType)
                .filter(c -> c.oauth().isPresent() && oauthActorNames.contains(sourceType))
                .orElseThrow(() -> Problem.valueNotFound(sourceType));
        DemoConnector.OAuth oauth = connector.oauth().orElseThrow();
        List<String> missing = OAuthInputRules.missing(connector, request.path("oAuthInputConfiguration"));
        if (!missing.isEmpty()) {
            throw Problem.unprocessable("oAuthInputConfiguration." + String.join(" and oAuthInputConfiguration.", missing)
                    + " is required to sign in to " + connector.name() + ".");
        }
        String clientId = "airbyte-cloud-" + connector.sourceType();
        String state = ledger.openConsent(connector, workspaceId, callbackUrl, clientId);
        pending.put(state, new Pending(connector, workspaceId, redirectUrl));
        Map<String, String> query = new LinkedHashMap<>();
        query.put("client_id", clientId);
        query.put("redirect_uri", callbackUrl.toString());
        query.put("response_type", "code");
        query.put("scope", String.join(" ", oauth.scopes()));
        query.put("state", state);
        URI consent = Exchanges.withQuery(callbackUrl.resolve("/oauth/" + connector.sourceType() + "/authorize"), query);
        return json.createObjectNode().put("consentUrl", consent.toString());
    }

    /**
     * {@code GET /v1/oauth/callback}: redeems the provider's code, keeps the tokens and returns
     * where to send the browser; a refusal or an unknown state is Airbyte's callback failure.
     */
    URI callback(Map<String, String> query) throws Problem {
        Pending consent = Optional.ofNullable(pending.remove(query.getOrDefault("state", "")))
                .orElseThrow(() -> Problem.oauthCallbackFailure("Unknown or already used state."));
        if (query.containsKey("error")) {
            LOG.info("Simulated Airbyte Cloud: the {} sign-in was declined", consent.connector().name());
            throw Problem.oauthCallbackFailure("The provider answered " + query.get("error") + ".");
        }
        String codeParameter = consent.connector().oauth().orElseThrow().codeParameter();
        if (ledger.redeem(query.getOrDefault(codeParameter, ""), consent.connector().definitionId(),
                consent.workspaceId(), callbackUrl.toString()).isEmpty()) {
            throw Problem.oauthCallbackFailure("The authorization code was refused.");
        }
        ObjectNode outputs = json.createObjectNode();
        OAuthOutputs.issue(outputs, consent.connector(), ledger, clock);
        String secretId = newSecretId();
        secrets.put(secretId, new Secret(consent.connector(), consent.workspaceId(), outputs));
        LOG.info("Simulated Airbyte Cloud kept the {} tokens as a secret", consent.connector().name());
        return Exchanges.withQuery(consent.redirectUrl(), Map.of("secret_id", secretId));
    }

    /** The secret a source may be made from: issued for this connector and workspace. */
    Optional<Secret> secret(String secretId, DemoConnector connector, String workspaceId) {
        return Optional.ofNullable(secrets.get(secretId))
                .filter(s -> s.connector().definitionId().equals(connector.definitionId()) && s.workspaceId().equals(workspaceId));
    }

    @Override
    public String section() {
        return "cloudSignIns";
    }

    /** The secrets finished sign-ins left, by secret id, each with its connector, workspace and tokens. */
    @Override
    public void save(ObjectNode into) {
        ArrayNode list = into.putArray("secrets");
        new TreeMap<>(secrets).forEach((secretId, secret) -> {
            ObjectNode node = list.addObject()
                    .put("secretId", secretId)
                    .put("definitionId", secret.connector().definitionId())
                    .put("workspaceId", secret.workspaceId());
            node.set("outputs", secret.outputs().deepCopy());
        });
    }

    @Override
    public Runnable restore(JsonNode from) throws UnreadableStateException {
        Map<String, Secret> kept = new HashMap<>();
        for (JsonNode node : KeptState.array(from, "secrets")) {
            String definitionId = KeptState.text(node, "definitionId");
            Optional<DemoConnector> connector = connectors.byDefinitionId(definitionId);
            if (connector.isEmpty()) {
                LOG.warn("The simulator's state has a sign-in secret of connector {}, which it does not have; it is"
                        + " left out", definitionId);
                continue;
            }
            kept.put(KeptState.text(node, "secretId"), new Secret(connector.get(), KeptState.text(node, "workspaceId"),
                    KeptState.object(node, "outputs").deepCopy()));
        }
        return () -> {
            secrets.clear();
            secrets.putAll(kept);
            kept.keySet().forEach(ledger::remember);
        };
    }

    private String newSecretId() {
        byte[] raw = new byte[24];
        random.nextBytes(raw);
        String id = "airbyte_oauth_secret_" + Base64.getUrlEncoder().withoutPadding().encodeToString(raw);
        ledger.remember(id);
        return id;
    }

    private static Optional<URI> httpsUrl(String text) {
        try {
            URI uri = new URI(text);
            return uri.isAbsolute() && "https".equalsIgnoreCase(uri.getScheme()) && uri.getHost() != null
                    ? Optional.of(uri) : Optional.empty();
        } catch (URISyntaxException e) {
            return Optional.empty();
        }
    }

    /** The source types the public API's {@code OAuthActorNames} lists: the only ones initiateOAuth accepts. */
    private static Set<String> actorNames(ObjectMapper json) {
        try (InputStream in = CloudSignIns.class.getResourceAsStream(ACTOR_NAMES)) {
            if (in == null) {
                throw new IllegalStateException("The simulator's " + ACTOR_NAMES + " is missing from the application");
            }
            Set<String> names = new HashSet<>();
            json.readTree(in).path("oauthActorNames").forEach(name -> names.add(name.asText()));
            return Set.copyOf(names);
        } catch (IOException e) {
            throw new UncheckedIOException("The simulator's " + ACTOR_NAMES + " could not be read", e);
        }
    }
}
