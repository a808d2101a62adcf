package dev.onramp.airbyte;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.onramp.airbyte.AirbyteException.Kind;
import dev.onramp.demo.AirbyteSimulator;
import dev.onramp.model.StreamInfo;
import dev.onramp.testing.RedirectCatcher;
import dev.onramp.testing.ScriptedBrowser;
import dev.onramp.testing.ScriptedBrowser.Decision;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** The Config API gateway against the simulator over real HTTP, through whole authorizations. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ConfigApiGatewayTest {
    static final String SHOPIFY = "9da77001-af33-4bcd-be46-6252bf9342b9";
    static final String HUBSPOT = "36c891d9-4bd9-43ac-bad2-10e12756272c";
    static final String STRIPE = "e094cb9a-26de-4645-8761-65c0c425d1de";
    private static final Duration WAIT = Duration.ofSeconds(10);

    private final ObjectMapper json = new ObjectMapper();
    private final AirbyteSimulator simulator = AirbyteSimulator.start(Duration.ZERO);
    private final ConfigApiGateway gateway = new ConfigApiGateway(simulator.apiBaseUrl(), WAIT);
    private final String workspaceId = simulator.workspaceId();

    @AfterAll
    void stop() {
        simulator.close();
    }

    @Test
    void consentLink_fromAnAirbyteWithoutAnOAuthAppForTheConnector_failsAsNoOAuthAppNamingTheFix() {
        try (AirbyteSimulator bare = AirbyteSimulator.start(Duration.ZERO)) {
            bare.withoutOAuthApp("hubspot");
            ConfigApiGateway to = new ConfigApiGateway(bare.apiBaseUrl(), WAIT);

            assertThat(to.getSpecification(HUBSPOT, bare.workspaceId()).globalCredentialsAvailable()).contains(false);
            assertThatThrownBy(() -> to.getConsentUrl(HUBSPOT, bare.workspaceId(),
                    URI.create("http://127.0.0.1:47001/oauth-callback"), null))
                    .isInstanceOfSatisfying(AirbyteException.class, e -> {
                        assertThat(e.kind()).isEqualTo(Kind.NO_OAUTH_APP);
                        assertThat(e).hasMessageContaining("has no OAuth app for").hasMessageContaining("client id and secret");
                    });
        }
    }

    @Test
    void consentLink_fromAnAirbyteWithOAuthSwitchedOffForTheConnector_failsAsOAuthDisabled() {
        try (AirbyteSimulator off = AirbyteSimulator.start(Duration.ZERO)) {
            off.switchOAuthOff("hubspot");
            ConfigApiGateway to = new ConfigApiGateway(off.apiBaseUrl(), WAIT);

            assertThatThrownBy(() -> to.getConsentUrl(HUBSPOT, off.workspaceId(),
                    URI.create("http://127.0.0.1:47001/oauth-callback"), null))
                    .isInstanceOfSatisfying(AirbyteException.class,
                            e -> assertThat(e.kind()).isEqualTo(Kind.OAUTH_DISABLED));
        }
    }

    @Test
    void simulatorAskedToDropTheAppOfAConnectorItLacks_refusesNamingItsOAuthConnectors() {
        assertThatThrownBy(() -> simulator.withoutOAuthApp("no-such-connector"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("no-such-connector").hasMessageContaining("hubspot");
    }

    @Test
    void listWorkspaces_givesTheSimulatorsWorkspace() {
        assertThat(gateway.listWorkspaces()).containsExactly(new Workspace(workspaceId, "Demo workspace"));
    }

    @Test
    void shopifySpecification_carriesItsAdvancedAuthPaths() {
        ConnectorSpec spec = gateway.getSpecification(SHOPIFY, workspaceId);

        assertThat(spec.definitionId()).isEqualTo(SHOPIFY);
        assertThat(spec.connectionSpecification().path("required").get(0).asText()).isEqualTo("shop");
        assertThat(spec.globalCredentialsAvailable()).contains(true);
        AdvancedAuth auth = spec.advancedAuth().orElseThrow();
        assertThat(auth.authFlowType()).isEqualTo("oauth2.0");
        assertThat(auth.predicateKey()).containsExactly("credentials", "auth_method");
        assertThat(auth.predicateValue()).isEqualTo("oauth2.0");
        assertThat(auth.outputPaths())
                .containsEntry("access_token", List.of("credentials", "access_token"))
                .containsEntry("shop", List.of("shop"))
                .containsEntry("client_id", List.of("credentials", "client_id"));
        assertThat(auth.userInputPaths()).isEmpty();
    }

    @Test
    void zendeskSpecification_namesTheSubdomainAsUserInput() {
        AdvancedAuth auth = gateway.getSpecification("79c1aa37-dae3-42ae-b333-d1c105477715", workspaceId)
                .advancedAuth().orElseThrow();

        assertThat(auth.userInputPaths()).containsExactly(Map.entry("subdomain", List.of("subdomain")));
    }

    @Test
    void stripeSpecification_hasNoAdvancedAuth() {
        ConnectorSpec spec = gateway.getSpecification(STRIPE, workspaceId);

        assertThat(spec.advancedAuth()).isEmpty();
        assertThat(spec.globalCredentialsAvailable()).isEmpty();
    }

    @Test
    void unknownConnector_isNotFoundNamingTheMissingConnector() {
        assertThatThrownBy(() -> gateway.getSpecification("00000000-1111-2222-3333-444444444444", workspaceId))
                .isInstanceOfSatisfying(AirbyteException.class, e -> assertThat(e.kind()).isEqualTo(Kind.NOT_FOUND))
                .hasMessage("This Airbyte does not have the connector 00000000-1111-2222-3333-444444444444: install it in"
                        + " Airbyte at " + simulator.apiBaseUrl() + ", or point Onramp at an Airbyte that has it.");
    }

    @Test
    void unknownConnectorWithAKnownName_isNamedInTheSentence() {
        ConfigApiGateway named = new ConfigApiGateway(simulator.apiBaseUrl(), Optional.empty(), CallPolicy.standard(WAIT),
                id -> Optional.of("Shopify"));

        assertThatThrownBy(() -> named.getSpecification("00000000-1111-2222-3333-444444444444", workspaceId))
                .hasMessageStartingWith("This Airbyte does not have the Shopify connector: install it in Airbyte at ");
    }

    @Test
    void hubspot_connectsFromWorkspaceToStreamsAndIsDeleted() throws Exception {
        String workspace = gateway.listWorkspaces().getFirst().id();
        AdvancedAuth auth = gateway.getSpecification(HUBSPOT, workspace).advancedAuth().orElseThrow();
        try (RedirectCatcher catcher = RedirectCatcher.start()) {
            URI consent = gateway.getConsentUrl(HUBSPOT, workspace, catcher.redirectUri(), null);
            Map<String, String> consentQuery = query(consent);
            assertThat(consentQuery).containsEntry("redirect_uri", catcher.redirectUri().toString());
            assertThat(consentQuery.get("state")).matches("[a-zA-Z]{7}");

            ScriptedBrowser browser = new ScriptedBrowser(Decision.ALLOW);
            assertThat(browser.open(consent)).isTrue();
            assertThat(browser.awaitVisit(WAIT).finalStatus()).isEqualTo(200);
            Map<String, String> callback = catcher.params().get(10, TimeUnit.SECONDS);
            assertThat(callback).containsEntry("state", consentQuery.get("state")).containsKeys("code");

            ObjectNode payload = gateway.completeOAuth(HUBSPOT, workspace, catcher.redirectUri(), callback, null);
            ObjectNode configuration = AuthPayloadMerger.merge(
                    json.createObjectNode().put("start_date", "2024-01-01T00:00:00Z"), auth, payload);
            String sourceId = gateway.createSource(workspace, HUBSPOT, "Demo Outfitters – HubSpot", configuration);

            assertThat(gateway.checkConnection(sourceId).succeeded()).isTrue();
            List<StreamInfo> streams = gateway.discoverStreams(sourceId);
            assertThat(streams).extracting(StreamInfo::name).contains("contacts", "companies", "deals", "tickets");
            assertThat(streams).filteredOn(s -> s.name().equals("contacts")).singleElement()
                    .satisfies(orders -> assertThat(orders.syncModes()).containsExactly("full_refresh", "incremental"));

            gateway.deleteSource(sourceId);
            assertThatThrownBy(() -> gateway.checkConnection(sourceId))
                    .isInstanceOfSatisfying(AirbyteException.class, e -> assertThat(e.kind()).isEqualTo(Kind.NOT_FOUND));
        }
    }

    @Test
    void everyOAuthConnectorButShopify_connectsWithTheMergedPayload() throws Exception {
        // Shopify's consent link leads to Airbyte's own Shopify app, never back here: see the test below.
        List<String> oauthConnectors = List.of(
                "3cc2eafd-84aa-4dca-93af-322d9dfeec1a",
                "253487c0-2246-43ba-a21f-5116b20a2c50", "e7778cfc-e97c-4458-9ecb-b4f2bba8946c",
                "36c891d9-4bd9-43ac-bad2-10e12756272c", "b117307c-14b6-41aa-9422-947e34922962",
                "b03a9f3e-22a5-11eb-adc1-0242ac120002", "79c1aa37-dae3-42ae-b333-d1c105477715",
                "d8313939-3782-41b0-be29-b3ca20d8dd3a", "71607ba1-c0ac-4799-8049-7f4b90dd50f7",
                "137ece28-5434-455c-8f34-69dc3782f451", "e55879a8-0ef8-4557-abcf-ab34c53ec460",
                "4bfac00d-ce15-44ff-95b9-9e3c3e8fbd35", "6e00b415-b02e-4160-bf02-58176a0ae687");
        // Zendesk and Amazon need their required inputs before consent, and at the same paths in the source.
        Map<String, ObjectNode> inputs = Map.of(
                "79c1aa37-dae3-42ae-b333-d1c105477715", json.createObjectNode().put("subdomain", "acme"),
                "e55879a8-0ef8-4557-abcf-ab34c53ec460", json.createObjectNode().put("region", "US").put("account_type", "Seller"));
        // Airbyte validates the whole configuration and fills no defaults: what each specification
        // requires beyond the sign-in goes into the source too.
        Map<String, ObjectNode> required = Map.of(
                "3cc2eafd-84aa-4dca-93af-322d9dfeec1a", json.createObjectNode().set("property_ids",
                        json.createArrayNode().add("1738294")),
                "e7778cfc-e97c-4458-9ecb-b4f2bba8946c", json.createObjectNode().set("account_ids",
                        json.createArrayNode().add("111111111111111")),
                "71607ba1-c0ac-4799-8049-7f4b90dd50f7", json.createObjectNode().put("spreadsheet_id",
                        "https://docs.google.com/spreadsheets/d/1hLd9Qqti3UyLXZB2aFfUWDT7BG-arw2xy4HR3D-dwUb/edit"),
                "d8313939-3782-41b0-be29-b3ca20d8dd3a", json.createObjectNode().put("start_date", "2024-01-01T00:00:00Z"),
                "137ece28-5434-455c-8f34-69dc3782f451", json.createObjectNode().put("start_date", "2024-01-01"),
                "e55879a8-0ef8-4557-abcf-ab34c53ec460", json.createObjectNode().put("aws_environment", "PRODUCTION"));
        for (String definitionId : oauthConnectors) {
            AdvancedAuth auth = gateway.getSpecification(definitionId, workspaceId).advancedAuth().orElseThrow();
            ObjectNode input = inputs.get(definitionId);
            ObjectNode base = input == null ? json.createObjectNode() : input.deepCopy();
            if (required.containsKey(definitionId)) {
                base.setAll(required.get(definitionId));
            }
            try (RedirectCatcher catcher = RedirectCatcher.start()) {
                new ScriptedBrowser(Decision.ALLOW).open(gateway.getConsentUrl(definitionId, workspaceId, catcher.redirectUri(), input));
                Map<String, String> callback = catcher.params().get(10, TimeUnit.SECONDS);
                ObjectNode payload = gateway.completeOAuth(definitionId, workspaceId, catcher.redirectUri(), callback, input);

                String sourceId = gateway.createSource(workspaceId, definitionId, "Demo",
                        AuthPayloadMerger.merge(base, auth, payload));

                assertThat(gateway.checkConnection(sourceId).succeeded()).as(definitionId).isTrue();
                assertThat(gateway.discoverStreams(sourceId)).as(definitionId).hasSizeBetween(5, 12);
            }
        }
    }

    @Test
    void shopifysConsentLink_isAirbytesOwnPreflightPage_withNeitherStateNorRedirect() {
        URI consent = gateway.getConsentUrl(SHOPIFY, workspaceId, URI.create("http://127.0.0.1:47151/oauth-success"), null);

        assertThat(consent).hasToString("https://cloud.airbyte.com/partner/v1/shopify/oauth/preflight"
                + "?origin=http%3A%2F%2F127.0.0.1");
    }

    @Test
    void deny_bringsAccessDeniedToTheRedirectTarget() throws Exception {
        try (RedirectCatcher catcher = RedirectCatcher.start()) {
            URI consent = gateway.getConsentUrl(HUBSPOT, workspaceId, catcher.redirectUri(), null);

            new ScriptedBrowser(Decision.DENY).open(consent);

            Map<String, String> callback = catcher.params().get(10, TimeUnit.SECONDS);
            assertThat(callback).containsEntry("error", "access_denied")
                    .containsEntry("state", query(consent).get("state"))
                    .doesNotContainKey("code");
        }
    }

    @Test
    void codeUsedTwice_isRejectedTheSecondTime() throws Exception {
        try (RedirectCatcher catcher = RedirectCatcher.start()) {
            new ScriptedBrowser(Decision.ALLOW).open(gateway.getConsentUrl(HUBSPOT, workspaceId, catcher.redirectUri(), null));
            Map<String, String> callback = catcher.params().get(10, TimeUnit.SECONDS);
            gateway.completeOAuth(HUBSPOT, workspaceId, catcher.redirectUri(), callback, null);

            assertThatThrownBy(() -> gateway.completeOAuth(HUBSPOT, workspaceId, catcher.redirectUri(), callback, null))
                    .isInstanceOfSatisfying(AirbyteException.class, e -> assertThat(e.kind()).isEqualTo(Kind.REJECTED))
                    .hasMessageContaining("refused to finish the authorization")
                    .hasMessageNotContaining(callback.get("code"));
        }
    }

    @Test
    void codeNeverIssued_isRejectedWithoutRepeatingIt() {
        URI redirect = URI.create("http://127.0.0.1:45678/oauth-success");

        assertThatThrownBy(() -> gateway.completeOAuth(HUBSPOT, workspaceId, redirect,
                Map.of("code", "never-issued-code", "state", "abcdefg"), null))
                .isInstanceOfSatisfying(AirbyteException.class, e -> assertThat(e.kind()).isEqualTo(Kind.REJECTED))
                .hasMessageNotContaining("never-issued-code");
    }

    @Test
    void createThatDoesNotFitTheSpecification_isRefusedBeforeItIsSent() {
        ObjectNode configuration = json.createObjectNode().put("start_date", "2024-01-01");
        configuration.putObject("credentials").put("auth_method", "api_password");
        long createsBefore = simulator.calls().stream().filter("POST /api/v1/sources/create"::equals).count();

        assertThatThrownBy(() -> gateway.createSource(workspaceId, SHOPIFY, "Shopify", configuration))
                .isInstanceOfSatisfying(AirbyteException.class, e -> assertThat(e.kind()).isEqualTo(Kind.REJECTED))
                .hasMessage("Onramp did not ask Airbyte to create the source, because the settings do not fit the"
                        + " specification of the connector " + SHOPIFY + ": \"API Password\" (credentials.api_password)"
                        + " is missing; \"Shopify Store\" (shop) is missing. Correct them and try again.");
        assertThat(simulator.calls()).filteredOn("POST /api/v1/sources/create"::equals).hasSize((int) createsBefore);
    }

    @Test
    void createWithAForgedToken_isRejectedWithoutShowingTheToken() {
        ObjectNode configuration = json.createObjectNode().put("shop", "demo-outfitters.myshopify.com");
        configuration.putObject("credentials").put("auth_method", "oauth2.0").put("access_token", "shpat_forged_token_value");

        assertThatThrownBy(() -> gateway.createSource(workspaceId, SHOPIFY, "Shopify", configuration))
                .isInstanceOfSatisfying(AirbyteException.class, e -> assertThat(e.kind()).isEqualTo(Kind.REJECTED))
                .hasMessageContaining("was not issued")
                .hasMessageNotContaining("shpat_forged_token_value");
    }

    @Test
    void stripe_connectsWithTypedCredentials() {
        ObjectNode configuration = json.createObjectNode().put("account_id", "acct_demo").put("client_secret", "sk_test_demo");

        String sourceId = gateway.createSource(workspaceId, STRIPE, "Stripe", configuration);

        assertThat(gateway.discoverStreams(sourceId)).extracting(StreamInfo::name).contains("charges", "invoices");
    }

    @Test
    void simulatorLatency_holdsEveryCallAtLeastThatLong() {
        Duration latency = Duration.ofMillis(250);
        try (AirbyteSimulator slow = AirbyteSimulator.start(latency)) {
            ConfigApiGateway slowGateway = new ConfigApiGateway(slow.apiBaseUrl(), WAIT);
            long started = System.nanoTime();

            slowGateway.listWorkspaces();
            slowGateway.getSpecification(SHOPIFY, slow.workspaceId());

            assertThat(Duration.ofNanos(System.nanoTime() - started)).isGreaterThanOrEqualTo(latency.multipliedBy(2));
        }
    }

    @Test
    void issuedTokens_areKnownToTheSimulator() throws Exception {
        try (RedirectCatcher catcher = RedirectCatcher.start()) {
            new ScriptedBrowser(Decision.ALLOW).open(gateway.getConsentUrl(HUBSPOT, workspaceId, catcher.redirectUri(), null));
            JsonNode payload = gateway.completeOAuth(HUBSPOT, workspaceId, catcher.redirectUri(),
                    catcher.params().get(10, TimeUnit.SECONDS), null);

            assertThat(simulator.issuedSecrets()).contains(payload.path("refresh_token").asText());
        }
    }

    private static Map<String, String> query(URI uri) {
        Map<String, String> params = new LinkedHashMap<>();
        for (String pair : uri.getRawQuery().split("&")) {
            int eq = pair.indexOf('=');
            params.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                    URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
        }
        return params;
    }
}
