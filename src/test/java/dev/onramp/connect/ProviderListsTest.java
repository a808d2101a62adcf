package dev.onramp.connect;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.onramp.airbyte.AirbyteGateways;
import dev.onramp.airbyte.CallPolicy;
import dev.onramp.airbyte.ConnectorNames;
import dev.onramp.airbyte.RetryPolicy;
import dev.onramp.business.AirbyteSelection;
import dev.onramp.catalog.ConnectorSpecs;
import dev.onramp.connect.form.ConnectorForm;
import dev.onramp.connect.form.SpecForms;
import dev.onramp.model.AirbyteSettings;
import dev.onramp.model.AuthMode;
import dev.onramp.model.OAuthFacts;
import dev.onramp.model.Provider;
import dev.onramp.model.ProviderListing;
import dev.onramp.model.Tenant;
import dev.onramp.store.SettingsRepository;
import dev.onramp.testing.BundledSpecs;
import dev.onramp.testing.FreePorts;
import dev.onramp.testing.MutableClock;
import dev.onramp.testing.RecordingSleeper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Each business's provider list from the Airbyte it uses, on real parts: the simulator over HTTP
 * behind a recording proxy (which plays custom connectors and broken answers), an H2 store.
 */
class ProviderListsTest {
    private static final Duration WAIT = Duration.ofSeconds(20);
    private static final String LIST = "source_definitions/list_for_workspace";
    private static final String ACME = "0b6b4c3e-6d0f-4c53-9a39-7d1f0c2a9e11";
    private static final String NEW_ADS = "5d3b8a61-2f4e-4e0b-8d7c-1a2b3c4d5e6f";

    @TempDir
    Path dataDir;

    private final ObjectMapper json = new ObjectMapper();
    private final MutableClock gatewayClock = new MutableClock(Instant.now());
    private SelfManagedFixture fx;
    private SettingsRepository settings;
    private AirbyteSelection selection;
    private Tenant tenant;
    private ProviderLists lists;
    private final java.util.concurrent.ExecutorService background = Executors.newVirtualThreadPerTaskExecutor();

    @BeforeEach
    void setUp() {
        fx = new SelfManagedFixture(dataDir);
        settings = new SettingsRepository(fx.store.db(), fx.store.vault(), fx.clock);
        tenant = fx.store.addTenant("Acme Outdoor", "online-store");
        CallPolicy policy = new CallPolicy(Duration.ofSeconds(5), RetryPolicy.STANDARD, gatewayClock,
                new RecordingSleeper(gatewayClock), new SplittableRandom(3));
        AirbyteGateways gateways = new AirbyteGateways(policy, ConnectorNames.NONE, BundledSpecs.shipped(),
                () -> fx.airbyte.simulator().apiBaseUrl());
        selection = new AirbyteSelection(settings, gateways::open, Optional.empty());
        lists = new ProviderLists(fx.catalog, ConnectorSpecs.bundled(fx.catalog), selection, fx.store.tenants(),
                background, fx.clock, ProviderLists.FRESH_FOR);
        use(new AirbyteSettings.SelfManaged(fx.airbyte.proxy().apiBase()));
    }

    @AfterEach
    void tearDown() throws InterruptedException {
        background.shutdownNow();
        background.awaitTermination(5, TimeUnit.SECONDS);
        fx.close();
    }

    @Test
    void selfManagedAirbyte_listsItsConnectorsWithOnrampsListing_andLeavesOutTheOnesItLacks() throws Exception {
        playedList(definitions -> {
            for (int i = definitions.size() - 1; i >= 0; i--) {
                if (definitions.get(i).path("name").asText().equals("Postgres")) {
                    definitions.remove(i);
                }
            }
        });

        ProviderList list = listFor();

        assertThat(list.live()).isTrue();
        assertThat(list.problem()).isEmpty();
        assertThat(list.providers()).hasSize(fx.catalog.providers().size() - 1);
        assertThat(list.providers()).allSatisfy(p -> assertThat(fx.catalog.provider(p.id())).contains(p));
        assertThat(list.provider("stripe")).isPresent();
        assertThat(fx.catalog.provider("postgres")).as("the snapshot has it").isPresent();
        assertThat(list.provider("postgres")).as("this Airbyte lacks it").isEmpty();
        assertThat(list.providers().getFirst().featured()).isTrue();
        assertThat(list.categories()).containsAll(list.providers().stream().map(Provider::category).distinct().toList());
        assertThat(fx.airbyte.proxy().count(LIST)).isEqualTo(1);
    }

    @Test
    void keptList_isGivenAgainWithoutAskingAirbyte_untilARefresh() throws Exception {
        listFor();
        listFor();
        assertThat(fx.airbyte.proxy().count(LIST)).isEqualTo(1);
        assertThat(lists.shownFirst(tenant.id()).live()).isTrue();

        lists.refresh(tenant.id()).toCompletableFuture().get(WAIT.toSeconds(), TimeUnit.SECONDS);

        assertThat(fx.airbyte.proxy().count(LIST)).isEqualTo(2);
    }

    @Test
    void beforeAnyRefresh_theBundledListShowsFirst() {
        ProviderList first = lists.shownFirst(tenant.id());

        assertThat(first.origin()).isEqualTo(ProviderList.Origin.BUNDLED);
        assertThat(first.providers()).isEqualTo(fx.catalog.providers());
        assertThat(fx.airbyte.proxy().count(LIST)).isZero();
    }

    @Test
    void customAndNewerConnectors_becomeProvidersByTheGeneratorsRules() throws Exception {
        withExtraDefinitions();

        ProviderList list = listFor();

        assertThat(list.providers()).hasSize(fx.catalog.providers().size() + 2);
        Provider acme = list.provider("acme-orders").orElseThrow();
        assertThat(acme.definitionId()).isEqualTo(ACME);
        assertThat(acme.name()).isEqualTo("Acme Orders");
        assertThat(acme.category()).isEqualTo("Other");
        assertThat(acme.summary()).isEqualTo("Data from your Acme Orders account");
        assertThat(acme.authMode()).isEqualTo(AuthMode.CREDENTIALS);
        assertThat(acme.featured()).isFalse();
        assertThat(acme.listing().documentationUrl()).isEqualTo("https://acme.example/docs");
        Provider ads = list.provider("brand-new-ads").orElseThrow();
        assertThat(ads.name()).isEqualTo("Brand New Ads");
        assertThat(ads.category()).isEqualTo("Advertising");
        assertThat(list.categories()).contains("Other", "Advertising");
    }

    @Test
    void connectorOnlyTheAirbyteLists_opensItsCredentialsForm_andSignsInOnceItsSpecificationSaysSo() throws Exception {
        withExtraDefinitions();
        ConnectService flows = fx.service(selection::gatewayFor, url -> true, WAIT);
        CredentialsService credentials = new CredentialsService(fx.catalog, lists, ConnectorSpecs.bundled(fx.catalog),
                selection, fx.store.db(), fx.store.tenants(), fx.store.connections(), fx.store.journal(),
                fx.store.audit(), flows, fx.clock, "test");
        try (flows) {
            assertThat(fx.catalog.provider("acme-orders")).isEmpty();
            assertThat(credentials.offersCredentials(tenant.id(), "acme-orders")).isTrue();
            fx.airbyte.proxy().replace("source_definition_specifications/get", 200, body -> acmeSpecification(false));

            ConnectorForm form = credentials.form(tenant.id(), "acme-orders");

            assertThat(form.element("api_key")).isPresent();
            assertThat(lists.provider(tenant.id(), "acme-orders").orElseThrow().connectsByOAuth()).isFalse();

            fx.airbyte.proxy().replace("source_definition_specifications/get", 200, body -> acmeSpecification(true));
            credentials.form(tenant.id(), "acme-orders");

            Provider signsIn = lists.provider(tenant.id(), "acme-orders").orElseThrow();
            assertThat(signsIn.connectsByOAuth()).isTrue();
            assertThat(signsIn.oauth().orElseThrow().predicateKey()).containsExactly("credentials", "auth_type");
            assertThat(listFor().provider("acme-orders").orElseThrow().connectsByOAuth()).isTrue();
        }
    }

    @Test
    void airbyteAnsweringGarbage_leavesTheBundledListAndSaysSoOnce() throws Exception {
        fx.airbyte.proxy().replace(LIST, 200, body -> "<html><body>Welcome to Airbyte</body></html>");

        ProviderList list = listFor();
        ProviderList again = listFor();

        assertThat(list.origin()).isEqualTo(ProviderList.Origin.BUNDLED);
        assertThat(list.providers()).isEqualTo(fx.catalog.providers());
        assertThat(list.problem()).hasValueSatisfying(problem -> assertThat(problem)
                .startsWith("Onramp could not refresh the provider list from Airbyte at " + fx.airbyte.proxy().apiBase()
                        + ": ")
                .contains("not Airbyte's API")
                .endsWith("; the bundled list is shown."));
        assertThat(again).isEqualTo(list);
        assertThat(fx.airbyte.proxy().count(LIST)).isEqualTo(1);
    }

    @Test
    void listOfTheWrongShape_leavesTheBundledListNamingTheMissingField() throws Exception {
        fx.airbyte.proxy().replace(LIST, 200, body -> "{\"sourceDefinitions\":[{\"name\":\"Stripe\"}]}");

        ProviderList list = listFor();

        assertThat(list.providers()).isEqualTo(fx.catalog.providers());
        assertThat(list.problem()).hasValueSatisfying(problem -> assertThat(problem)
                .contains("\"sourceDefinitionId\"").endsWith("; the bundled list is shown."));
    }

    @Test
    void unreachableAirbyte_leavesTheBundledListSayingItDidNotAnswer() throws Exception {
        URI nobody = URI.create("http://127.0.0.1:" + FreePorts.range(1) + "/api");
        use(new AirbyteSettings.SelfManaged(nobody));

        ProviderList list = listFor();

        assertThat(list.origin()).isEqualTo(ProviderList.Origin.BUNDLED);
        assertThat(list.providers()).isEqualTo(fx.catalog.providers());
        assertThat(list.problem()).hasValueSatisfying(problem -> assertThat(problem)
                .startsWith("Onramp could not refresh the provider list from Airbyte at " + nobody + ": ")
                .endsWith("; the bundled list is shown."));
        assertThat(list.problem().orElseThrow().split("Onramp could not refresh")).hasSize(2);
    }

    @Test
    void airbyteCloud_showsTheBundledListWithoutWhatItsPublicApiCannotCreate() throws Exception {
        use(new AirbyteSettings.Cloud("client", "secret", "6f3c1a52-2b7e-4c1e-9a55-0d8e4f1b2c3d",
                URI.create("https://relay.example.com/")));
        ConnectorSpecs specs = ConnectorSpecs.bundled(fx.catalog);

        ProviderList list = listFor();

        assertThat(list.origin()).isEqualTo(ProviderList.Origin.BUNDLED_FOR_CLOUD);
        assertThat(list.problem()).isEmpty();
        for (Provider provider : fx.catalog.providers()) {
            boolean oauthOnly = provider.connectsByOAuth() && !provider.listing().cloudOAuth()
                    && specs.specification(provider.id()).map(spec -> SpecForms.alternativesToOAuth(spec,
                            provider.oauth().orElseThrow()).isEmpty()).orElse(true);
            assertThat(list.provider(provider.id()).isPresent()).as(provider.id()).isEqualTo(!oauthOnly);
        }
        Provider shopify = list.provider("shopify").orElseThrow();
        assertThat(shopify.connectsByOAuth() && !shopify.listing().cloudOAuth())
                .as("Shopify's OAuth is not Cloud's, but its API password is another way in").isTrue();
        assertThat(list.provider("hubspot")).as("Cloud brokers HubSpot's OAuth").isPresent();
        assertThat(fx.airbyte.proxy().count(LIST)).isZero();
    }

    @Test
    void cloudRule_leavesOutAnOAuthOnlyConnectorCloudCannotSignIn_andKeepsOneWithAnotherWayIn() throws Exception {
        OAuthFacts oauth = new OAuthFacts(List.of("credentials", "auth_type"), "oauth2.0",
                Map.of("access_token", List.of("credentials", "access_token")), Map.of(), Map.of());
        Provider oauthOnly = new Provider("acme-orders", "Acme Orders", "Other", ACME, "acme-orders", AuthMode.OAUTH,
                Optional.of(oauth), "Data from your Acme Orders account",
                new ProviderListing("", ProviderListing.SupportLevel.COMMUNITY, List.of(), false, false));
        Provider brokered = new Provider("acme-orders", "Acme Orders", "Other", ACME, "acme-orders", AuthMode.OAUTH,
                Optional.of(oauth), "", new ProviderListing("", ProviderListing.SupportLevel.COMMUNITY, List.of(), false,
                        true));
        JsonNode onlyOAuth = json.readTree("""
                {"type":"object","properties":{"credentials":{"type":"object","oneOf":[{"title":"OAuth",
                "properties":{"auth_type":{"const":"oauth2.0"},"access_token":{"type":"string"}}}]}}}""");
        JsonNode withKey = json.readTree(acmeSpecification(true)).get("connectionSpecification");

        assertThat(ProviderLists.creatableOnCloud(oauthOnly, Optional.of(onlyOAuth))).isFalse();
        assertThat(ProviderLists.creatableOnCloud(oauthOnly, Optional.empty())).isFalse();
        assertThat(ProviderLists.creatableOnCloud(oauthOnly, Optional.of(withKey))).isTrue();
        assertThat(ProviderLists.creatableOnCloud(brokered, Optional.of(onlyOAuth))).isTrue();
        assertThat(ProviderLists.creatableOnCloud(fx.catalog.provider("stripe").orElseThrow(), Optional.empty())).isTrue();
    }

    @Test
    void demoMode_showsTheBundledList() throws Exception {
        use(new AirbyteSettings.Demo());

        ProviderList list = listFor();

        assertThat(list.origin()).isEqualTo(ProviderList.Origin.BUNDLED);
        assertThat(list.providers()).isEqualTo(fx.catalog.providers());
        assertThat(list.problem()).isEmpty();
    }

    private ProviderList listFor() throws Exception {
        return lists.forBusiness(tenant.id()).toCompletableFuture().get(WAIT.toSeconds(), TimeUnit.SECONDS);
    }

    private void use(AirbyteSettings airbyte) {
        fx.store.db().inTransaction(tx -> {
            settings.save(tx, tenant.id(), airbyte);
            return null;
        });
    }

    /** The simulator's own list with a custom connector and a newer one of Airbyte's added, played by the proxy. */
    private void withExtraDefinitions() throws Exception {
        playedList(definitions -> {
            definitions.addObject().put("sourceDefinitionId", ACME).put("name", "Acme Orders")
                    .put("dockerRepository", "acme/orders-connector").put("dockerImageTag", "0.3.1")
                    .put("documentationUrl", "https://acme.example/docs").put("sourceType", "custom")
                    .put("releaseStage", "custom").put("custom", true);
            definitions.addObject().put("sourceDefinitionId", NEW_ADS).put("name", "Brand New Ads")
                    .put("dockerRepository", "airbyte/source-brand-new-ads").put("dockerImageTag", "0.1.0")
                    .put("sourceType", "api").put("supportLevel", "community").put("custom", false);
        });
    }

    /** The simulator's own list, changed by {@code change}, played by the proxy. */
    private void playedList(java.util.function.Consumer<ArrayNode> change) throws Exception {
        HttpResponse<String> real = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create(fx.airbyte.simulator().apiBaseUrl() + "/v1/" + LIST))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"workspaceId\":\"" + fx.airbyte.simulator().workspaceId()
                        + "\"}")).build(), HttpResponse.BodyHandlers.ofString());
        ObjectNode answer = (ObjectNode) json.readTree(real.body());
        change.accept((ArrayNode) answer.get("sourceDefinitions"));
        String body = answer.toString();
        fx.airbyte.proxy().replace(LIST, 200, request -> body);
    }

    /** Acme's specification: an API key, or (with {@code oauth}) a choice of OAuth or the key, with its advancedAuth. */
    private String acmeSpecification(boolean oauth) {
        if (!oauth) {
            return """
                    {"sourceDefinitionId":"%s","connectionSpecification":{"type":"object","required":["api_key"],
                    "properties":{"api_key":{"type":"string","title":"API Key","airbyte_secret":true}}}}"""
                    .formatted(ACME);
        }
        return """
                {"sourceDefinitionId":"%s","connectionSpecification":{"type":"object","required":["credentials"],
                "properties":{"credentials":{"type":"object","title":"Authentication","oneOf":[
                {"title":"OAuth","type":"object","required":["auth_type","access_token"],"properties":{
                "auth_type":{"type":"string","const":"oauth2.0"},"access_token":{"type":"string","airbyte_secret":true}}},
                {"title":"API Key","type":"object","required":["auth_type","api_key"],"properties":{
                "auth_type":{"type":"string","const":"api_key"},"api_key":{"type":"string","airbyte_secret":true}}}]}}},
                "advancedAuth":{"authFlowType":"oauth2.0","predicateKey":["credentials","auth_type"],
                "predicateValue":"oauth2.0","oauthConfigSpecification":{"completeOAuthOutputSpecification":{
                "type":"object","properties":{"access_token":{"type":"string",
                "path_in_connector_config":["credentials","access_token"]}}}}}}""".formatted(ACME);
    }
}
