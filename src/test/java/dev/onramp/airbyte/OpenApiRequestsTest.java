package dev.onramp.airbyte;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.onramp.catalog.Catalog;
import dev.onramp.demo.AirbyteSimulator;
import dev.onramp.model.AirbyteSettings;
import dev.onramp.model.Provider;
import dev.onramp.testing.AirbyteProxy;
import dev.onramp.testing.BundledSpecs;
import dev.onramp.testing.CloudConsent;
import dev.onramp.testing.RedirectCatcher;
import dev.onramp.testing.ScriptedBrowser;
import dev.onramp.testing.ScriptedBrowser.Decision;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Every request Onramp sends fits Airbyte's published OpenAPI request schemas: Onramp's own
 * gateways drive every operation they call against the simulator over HTTP, through a proxy that
 * records each request as sent, and each is checked against its operation's schemas
 * ({@code openapi-requests.json}, which {@link RequestSchemaGenerator} derives from Airbyte's
 * {@code config.yaml} and {@code api.yaml}).
 */
class OpenApiRequestsTest {
    private static final String ZENDESK = "79c1aa37-dae3-42ae-b333-d1c105477715";
    private static final URI RELAY = URI.create("https://relay.example.com/onramp/?port=45678&nonce=n");
    private static final Duration WAIT = Duration.ofSeconds(10);

    private final ObjectMapper json = new ObjectMapper();
    private final PublishedRequestSchemas schemas = PublishedRequestSchemas.load();

    @Test
    void everyRequestOnrampSends_fitsAirbytesPublishedSchemas_andEveryOperationOnrampCallsIsSent() throws Exception {
        try (AirbyteSimulator simulator = AirbyteSimulator.builder().protectedConfigApi().start();
                AirbyteProxy proxy = AirbyteProxy.inFrontOf(simulator.apiBaseUrl())) {
            driveTheConfigApi(simulator, proxy);
            driveThePublicApi(simulator, proxy);

            List<String> problems = new ArrayList<>();
            Set<String> sent = new TreeSet<>();
            for (AirbyteProxy.Call call : proxy.calls()) {
                Optional<String> operation = schemas.operationOf(call.method(), call.path());
                if (operation.isEmpty()) {
                    problems.add(call.method() + " " + call.path() + " is no operation of " + RequestSchemaGenerator.RESOURCE
                            + ": add it to RequestSchemaGenerator's operations and run it");
                    continue;
                }
                sent.add(operation.get());
                schemas.problems(operation.get(), call.path(), call.query(), call.body())
                        .forEach(problem -> problems.add(operation.get() + " " + problem));
            }

            assertThat(problems).as("requests that Airbyte's published schemas refuse").isEmpty();
            assertThat(sent).as("operations sent").containsExactlyInAnyOrderElementsOf(schemas.operations());
        }
    }

    @Test
    void schemasFile_holdsExactlyTheOperationsOnrampCalls() {
        assertThat(schemas.operations()).containsExactlyElementsOf(RequestSchemaGenerator.operations().stream()
                .map(RequestSchemaGenerator.Operation::key).toList());
    }

    @Test
    void requestsThePublishedSchemasRefuse_areCaught() {
        String workspace = "6f3c1a52-2b7e-4c1e-9a55-0d8e4f1b2c3d";

        assertThat(schemas.problems("POST /api/v1/sources/create", "/api/v1/sources/create", "",
                "{\"sourceDefinitionId\":\"shopify\",\"workspaceId\":\"" + workspace + "\",\"name\":\"Shop\","
                        + "\"connectionConfiguration\":{},\"secret_id\":\"airbyte_oauth_secret\"}"))
                .anySatisfy(problem -> assertThat(problem).contains("sourceDefinitionId"))
                .anySatisfy(problem -> assertThat(problem).contains("secret_id"));
        assertThat(schemas.problems("POST /api/v1/sources/update", "/api/v1/sources/update", "",
                "{\"sourceId\":\"" + workspace + "\",\"connectionConfiguration\":{}}"))
                .anySatisfy(problem -> assertThat(problem).contains("name"));
        assertThat(schemas.problems("POST /api/v1/sources/get", "/api/v1/sources/get", "", ""))
                .containsExactly("has no body, which the operation requires");
        assertThat(schemas.problems("GET /v1/streams", "/v1/streams", "ignoreCache=maybe", ""))
                .anySatisfy(problem -> assertThat(problem).contains("sourceId"))
                .anySatisfy(problem -> assertThat(problem).contains("ignoreCache"));
        assertThat(schemas.problems("DELETE /v1/sources/{sourceId}", "/v1/sources/not-a-uuid", "", "{}"))
                .anySatisfy(problem -> assertThat(problem).contains("sourceId"))
                .contains("has a body, which the operation does not take");
        assertThat(schemas.operationOf("PATCH", "/v1/sources/" + workspace)).contains("PATCH /v1/sources/{sourceId}");
        assertThat(schemas.operationOf("PUT", "/v1/sources/" + workspace)).isEmpty();
    }

    /**
     * Every Config API call, with an application's client credentials: workspaces, their connectors, a Zendesk
     * sign-in kept by Airbyte and one it answers with the tokens, the source made, tested, listed,
     * found, signed in again both ways, given a tested new configuration and deleted.
     */
    private void driveTheConfigApi(AirbyteSimulator simulator, AirbyteProxy proxy) throws Exception {
        ConfigApiGateway gateway = new ConfigApiGateway(proxy.apiBase(), Optional.of(new AirbyteSettings.ClientCredentials(
                simulator.configApiClientId(), simulator.configApiClientSecret())), CallPolicy.standard(WAIT),
                ConnectorNames.NONE);
        gateway.serverTime();
        String workspace = gateway.listWorkspaces().getFirst().id();
        assertThat(gateway.sourceDefinitions(workspace).orElseThrow()).isNotEmpty();
        ObjectNode inputs = json.createObjectNode().put("subdomain", "acme");
        AdvancedAuth auth = gateway.getSpecification(ZENDESK, workspace).advancedAuth().orElseThrow();
        ObjectNode configuration = inputs.deepCopy();
        configuration.putObject("credentials").put("credentials", "oauth2_refresh");

        OAuthCompletion kept = signIn(gateway, workspace, inputs);
        assertThat(kept).isInstanceOf(OAuthCompletion.SecretCoordinate.class);
        String name = "Zendesk Support — schema check";
        String sourceId = gateway.createSourceWithSecret(workspace, ZENDESK, name, configuration,
                ((OAuthCompletion.SecretCoordinate) kept).secretId());
        assertThat(gateway.checkConnection(sourceId).succeeded()).isTrue();
        assertThat(gateway.discoverStreams(sourceId)).isNotEmpty();
        assertThat(gateway.findSources(workspace, "schema check")).containsExactly(sourceId);

        gateway.reauthorizeSource(workspace, ZENDESK, sourceId, configuration, signIn(gateway, workspace, inputs));
        simulator.ignoreReturnSecretCoordinate(true);
        OAuthCompletion tokens = signIn(gateway, workspace, inputs);
        ObjectNode withTokens = AuthPayloadMerger.merge(configuration, auth, ((OAuthCompletion.Tokens) tokens).authPayload());
        gateway.reauthorizeSource(workspace, ZENDESK, sourceId, withTokens, tokens);
        String typed = gateway.createSource(workspace, ZENDESK, name + " (tokens)", withTokens);
        assertThat(gateway.checkConfiguration(workspace, ZENDESK, typed, withTokens).succeeded()).isTrue();
        gateway.replaceConfiguration(workspace, ZENDESK, typed, withTokens);

        gateway.deleteSource(typed);
        gateway.deleteSource(sourceId);
    }

    private static OAuthCompletion signIn(ConfigApiGateway gateway, String workspace, ObjectNode inputs) throws Exception {
        try (RedirectCatcher catcher = RedirectCatcher.start()) {
            new ScriptedBrowser(Decision.ALLOW).open(gateway.getConsentUrl(ZENDESK, workspace, catcher.redirectUri(), inputs));
            Map<String, String> callback = catcher.params().get(10, TimeUnit.SECONDS);
            return gateway.completeOAuthKeepingTokens(ZENDESK, workspace, catcher.redirectUri(), callback, inputs);
        }
    }

    /**
     * Every public API call, as to Airbyte Cloud: token, workspaces, a HubSpot sign-in through the
     * relay, the source made, tested, listed, found, signed in again and deleted, and a typed Stripe
     * source given a new configuration.
     */
    private void driveThePublicApi(AirbyteSimulator simulator, AirbyteProxy proxy) {
        Catalog catalog = Catalog.bundled();
        Provider hubspot = catalog.provider("hubspot").orElseThrow();
        URI proxied = URI.create(proxy.apiBase().toString().replaceFirst("/api$", "/v1"));
        PublicApiGateway gateway = new PublicApiGateway(new AirbyteSettings.Cloud(proxied, simulator.cloudClientId(),
                simulator.cloudClientSecret(), simulator.workspaceId(), RELAY), CallPolicy.standard(WAIT),
                id -> catalog.providers().stream().filter(p -> p.definitionId().equals(id)).map(Provider::name).findFirst(),
                BundledSpecs.shipped());
        gateway.serverTime();
        String workspace = gateway.listWorkspaces().getFirst().id();
        ObjectNode configuration = json.createObjectNode();
        configuration.putObject("credentials").put("credentials_title", "OAuth Credentials");

        String name = "HubSpot — schema check";
        String sourceId = gateway.createSource(workspace, hubspot, name, configuration, cloudSignIn(gateway, hubspot, workspace));
        assertThat(gateway.checkConnection(sourceId).succeeded()).isTrue();
        assertThat(gateway.discoverStreams(sourceId)).isNotEmpty();
        assertThat(gateway.findSources(workspace, "schema check")).containsExactly(sourceId);
        gateway.reauthorizeSource(hubspot, sourceId, cloudSignIn(gateway, hubspot, workspace), configuration);
        gateway.deleteSource(sourceId);

        String stripe = catalog.provider("stripe").orElseThrow().definitionId();
        ObjectNode typed = json.createObjectNode().put("account_id", "acct_1")
                .put("client_secret", "sk_test_schema_check_0123456789");
        String typedId = gateway.createSource(workspace, stripe, "Stripe — schema check", typed);
        gateway.replaceConfiguration(workspace, stripe, typedId, typed.put("client_secret", "sk_test_schema_check_98765"));
        gateway.deleteSource(typedId);
    }

    private String cloudSignIn(PublicApiGateway gateway, Provider provider, String workspace) {
        URI consent = gateway.initiateOAuth(provider, workspace, RELAY, json.createObjectNode());
        return new CloudConsent().allow(consent).query().get("secret_id");
    }
}
