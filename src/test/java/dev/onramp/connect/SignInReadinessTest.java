package dev.onramp.connect;

import static dev.onramp.connect.SelfManagedFixture.WAIT;
import static org.assertj.core.api.Assertions.assertThat;

import dev.onramp.airbyte.ConfigApiGateway;
import dev.onramp.model.Provider;
import dev.onramp.model.RedirectSettings;
import dev.onramp.model.Tenant;
import dev.onramp.testing.AirbyteProxy;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The OAuth readiness check against a self-managed simulator: each connector's state as Airbyte
 * answers its consent-link request, without opening a browser or creating anything.
 */
class SignInReadinessTest {
    @TempDir
    Path dataDir;

    private SelfManagedFixture fx;
    private Tenant tenant;
    private final List<URI> opened = new CopyOnWriteArrayList<>();

    @BeforeEach
    void setUp() {
        fx = new SelfManagedFixture(dataDir);
        tenant = fx.store.addTenant("Acme Outdoor", "online-store");
    }

    @AfterEach
    void tearDown() {
        fx.close();
    }

    private Map<String, SignInReadiness> check() {
        ConnectService service = fx.service(fx.airbyte.gateway(), url -> opened.add(url), WAIT);
        return service.signInReadiness(tenant.id(), result -> { }).stream()
                .collect(Collectors.toMap(SignInReadiness::providerId, result -> result));
    }

    @Test
    void everyOAuthConnectorButShopify_isReady_forShopifysLinkLeadsToAirbytesOwnApp_andNothingIsOpenedOrCreated() {
        Map<String, SignInReadiness> results = check();

        assertThat(results.keySet()).containsExactlyInAnyOrderElementsOf(fx.catalog.featured().stream()
                .filter(Provider::connectsByOAuth).map(Provider::id).toList());
        assertThat(results.values()).filteredOn(result -> !result.providerId().equals("shopify")).allSatisfy(result -> {
            assertThat(result.state()).as(result.providerId()).isEqualTo(SignInReadiness.State.READY);
            assertThat(result.redirectUri()).contains("http://127.0.0.1/oauth-success");
        });
        // As ShopifyOAuthFlow does, the simulator answers with Airbyte Cloud's preflight page: no redirect, no state.
        SignInReadiness shopify = results.get("shopify");
        assertThat(shopify.state()).isEqualTo(SignInReadiness.State.NOT_OFFERED);
        assertThat(shopify.detail()).isEqualTo("Airbyte signs Shopify in only through its own Shopify app"
                + " (cloud.airbyte.com), whose answer goes to Airbyte, not back to Onramp: connect Shopify with an"
                + " access token or API key instead.");
        assertThat(shopify.redirectUri()).isEmpty();
        assertThat(opened).isEmpty();
        assertThat(fx.airbyte.simulator().sourceIds()).isEmpty();
        assertThat(fx.airbyte.proxy().count("source_oauths/complete_oauth")).isZero();
    }

    @Test
    void connectorWithoutAnOAuthApp_isReportedWithWhoFixesIt_andOAuthSwitchedOffAsSuch() {
        fx.airbyte.simulator().withoutOAuthApp("hubspot");
        fx.airbyte.simulator().switchOAuthOff("notion");

        Map<String, SignInReadiness> results = check();

        assertThat(results.get("hubspot").state()).isEqualTo(SignInReadiness.State.NO_OAUTH_APP);
        assertThat(results.get("hubspot").detail()).contains("has no OAuth app", "client id and secret")
                .contains("To set one up: 1. at a HubSpot developer account (https://developers.hubspot.com)")
                .contains("register an app of the Desktop type, which accepts any port of http://127.0.0.1/oauth-success")
                .contains("2. enter its client_id and client_secret in Airbyte: POST " + fx.airbyte.gateway().baseUrl())
                .contains("/v1/source_oauths/oauth_params/create with {\"sourceDefinitionId\": \"")
                .contains("\"params\": {\"client_id\": \"…\", \"client_secret\": \"…\"}}");
        assertThat(results.get("notion").state()).isEqualTo(SignInReadiness.State.OAUTH_DISABLED);
        assertThat(results.get("salesforce").state()).isEqualTo(SignInReadiness.State.READY);
    }

    @Test
    void aConsentLinkToAirbytesOwnAppStoreListing_isNotOfferedWithTheWayInThatWorks() {
        // For a localhost redirect, ShopifyOAuthFlow (and so the simulator) answers with Airbyte's App Store listing.
        ConnectService service = fx.service(tenant -> fx.airbyte.gateway(),
                tenant -> RedirectSettings.anyPort(RedirectSettings.Host.LOCALHOST), url -> opened.add(url), WAIT);

        SignInReadiness shopify = service.signInReadiness(tenant.id(), result -> { }).stream()
                .filter(result -> result.providerId().equals("shopify")).findFirst().orElseThrow();

        assertThat(shopify.state()).isEqualTo(SignInReadiness.State.NOT_OFFERED);
        assertThat(shopify.detail()).isEqualTo("Airbyte signs Shopify in only through its own Shopify app"
                + " (apps.shopify.com), whose answer goes to Airbyte, not back to Onramp: connect Shopify with an"
                + " access token or API key instead.");
        assertThat(opened).isEmpty();
    }

    private Map<String, SignInReadiness> checkThrough(AirbyteProxy proxy) {
        ConnectService service = fx.service(new ConfigApiGateway(proxy.apiBase(), Duration.ofSeconds(10)),
                url -> opened.add(url), WAIT);
        return service.signInReadiness(tenant.id(), result -> { }).stream()
                .collect(Collectors.toMap(SignInReadiness::providerId, result -> result));
    }

    @Test
    void anAirbyteWithoutTheConnector_saysNotInstalledNamingIt() {
        try (AirbyteProxy proxy = AirbyteProxy.inFrontOf(fx.airbyte.simulator().apiBaseUrl())) {
            proxy.replace("source_oauths/get_consent_url", 404, body -> "{\"message\":\"Could not find configuration"
                    + " for STANDARD_SOURCE_DEFINITION: " + fx.catalog.provider("hubspot").orElseThrow().definitionId()
                    + ".\"}");

            SignInReadiness hubspot = checkThrough(proxy).get("hubspot");

            assertThat(hubspot.state()).isEqualTo(SignInReadiness.State.NOT_INSTALLED);
            assertThat(hubspot.state().words()).isEqualTo("not installed");
            // A gateway built without the catalog's names names the connector by its definition id.
            assertThat(hubspot.detail()).startsWith("This Airbyte does not have the connector "
                    + fx.catalog.provider("hubspot").orElseThrow().definitionId() + ": install it in");
        }
    }

    @Test
    void anAirbyteFailingOnTheConsentLinks_saysTheCheckFailedWithAirbytesWordsForEachConnector() {
        try (AirbyteProxy proxy = AirbyteProxy.inFrontOf(fx.airbyte.simulator().apiBaseUrl())) {
            proxy.replace("source_oauths/get_consent_url", 500,
                    body -> "{\"message\":\"Internal Server Error: Connection is not available\"}");

            Map<String, SignInReadiness> results = checkThrough(proxy);

            assertThat(results).hasSize(14).allSatisfy((id, result) -> {
                assertThat(result.state()).as(id).isEqualTo(SignInReadiness.State.FAILED);
                assertThat(result.detail()).as(id).contains("Connection is not available");
            });
            assertThat(results.get("hubspot").state().words()).isEqualTo("check failed");
        }
    }

    @Test
    void theBusinesssWorkspace_isLookedUpOnceForTheWholeCheck() {
        check();

        assertThat(fx.airbyte.proxy().count("workspaces/list_by_organization_id")).isEqualTo(1);
    }

    @Test
    void eachConnector_isToldAsSoonAsItIsKnown() {
        List<SignInReadiness> heard = new CopyOnWriteArrayList<>();
        ConnectService service = fx.service(fx.airbyte.gateway(), url -> true, WAIT);

        List<SignInReadiness> results = service.signInReadiness(tenant.id(), heard::add);

        assertThat(heard).containsExactlyElementsOf(results);
    }
}
