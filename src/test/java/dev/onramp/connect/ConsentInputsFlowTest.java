package dev.onramp.connect;

import static dev.onramp.connect.FlowWatcher.outcomeOf;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.onramp.connect.form.FormValues;
import dev.onramp.model.Connection;
import dev.onramp.model.InvalidInputException;
import dev.onramp.model.Tenant;
import dev.onramp.testing.AirbyteProxy;
import dev.onramp.testing.ScriptedBrowser.Decision;
import dev.onramp.testing.ScriptedBrowser;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Self-managed flows for providers that need fields before consent, and how the tokens come back:
 * the simulator over HTTP behind a recording proxy, a real store, loopback receiver and scripted browser.
 */
class ConsentInputsFlowTest {
    private static final FormValues ACME = new FormValues(Map.of("subdomain", "acme"));

    @TempDir
    Path dataDir;

    private final ObjectMapper json = new ObjectMapper();
    private SelfManagedFixture fx;
    private Tenant tenant;

    @BeforeEach
    void setUp() {
        fx = new SelfManagedFixture(dataDir);
        tenant = fx.store.addTenant("Acme Support", "services");
    }

    @AfterEach
    void tearDown() {
        fx.close();
    }

    private Connection connected(ConnectOutcome outcome) {
        assertThat(outcome).isInstanceOf(ConnectOutcome.Connected.class);
        return ((ConnectOutcome.Connected) outcome).connection();
    }

    private JsonNode lastBody(String endpoint) throws Exception {
        List<AirbyteProxy.Call> calls = fx.airbyte.proxy().calls().stream()
                .filter(c -> c.endpoint().equals(endpoint)).toList();
        assertThat(calls).as(endpoint + " calls").isNotEmpty();
        return json.readTree(calls.getLast().body());
    }

    private String storedConfiguration(Connection connection) {
        return new String(fx.store.connections().secretConfig(tenant.id(), connection.id()).orElseThrow(),
                StandardCharsets.UTF_8);
    }

    @Test
    void zendeskWithASubdomain_createsTheSourceWithTheSubdomainInItsConfiguration() throws Exception {
        Connection connection = connected(outcomeOf(fx.service(new ScriptedBrowser(Decision.ALLOW))
                .connect(tenant.id(), "zendesk-support", ACME, ConnectListener.NONE)));

        assertThat(lastBody("sources/create").at("/connectionConfiguration/subdomain").asText()).isEqualTo("acme");
        assertThat(json.readTree(storedConfiguration(connection)).path("subdomain").asText()).isEqualTo("acme");
        assertThat(fx.airbyte.simulator().sourceIds()).containsExactly(connection.sourceId());
    }

    @Test
    void zendeskSubdomain_goesToTheConsentAndCompletionCallsAsOAuthInputConfiguration() throws Exception {
        connected(outcomeOf(fx.service(new ScriptedBrowser(Decision.ALLOW))
                .connect(tenant.id(), "zendesk-support", ACME, ConnectListener.NONE)));

        assertThat(lastBody("source_oauths/get_consent_url").path("oAuthInputConfiguration"))
                .isEqualTo(json.createObjectNode().put("subdomain", "acme"));
        assertThat(lastBody("source_oauths/complete_oauth").path("oAuthInputConfiguration"))
                .isEqualTo(json.createObjectNode().put("subdomain", "acme"));
    }

    @Test
    void zendeskWithoutItsSubdomain_isRefusedNamingTheFieldBeforeAnythingStarts() {
        List<URI> opened = new CopyOnWriteArrayList<>();

        assertThatThrownBy(() -> fx.service(opened::add).connect(tenant.id(), "zendesk-support", FormValues.empty(),
                ConnectListener.NONE))
                .isInstanceOf(InvalidInputException.class)
                .hasMessage("Zendesk Support needs this before its sign-in: Subdomain is required.");
        assertThat(opened).isEmpty();
        assertThat(fx.airbyte.proxy().calls()).isEmpty();
    }

    @Test
    void zendeskStartedWithoutInputs_endsFailedNamingTheFieldAndNeverOpensTheBrowser() throws Exception {
        List<URI> opened = new CopyOnWriteArrayList<>();

        ConnectOutcome outcome = outcomeOf(fx.service(opened::add)
                .connect(tenant.id(), "zendesk-support", ConnectListener.NONE));

        assertThat(((ConnectOutcome.Ended) outcome).message()).contains("Subdomain is required");
        assertThat(opened).isEmpty();
        assertThat(fx.airbyte.proxy().count("source_oauths/get_consent_url")).isZero();
    }

    @Test
    void amazonWithoutInputs_sendsTheSpecificationsDefaultRegionAndAccountType() throws Exception {
        connected(outcomeOf(fx.service(new ScriptedBrowser(Decision.ALLOW))
                .connect(tenant.id(), "amazon-seller-partner", FormValues.empty(), ConnectListener.NONE)));

        assertThat(lastBody("source_oauths/get_consent_url").path("oAuthInputConfiguration"))
                .isEqualTo(json.createObjectNode().put("account_type", "Seller").put("region", "US"));
        assertThat(lastBody("sources/create").at("/connectionConfiguration/region").asText()).isEqualTo("US");
    }

    @Test
    void everyQueryParameterOfTheCallback_reachesCompleteOAuth() throws Exception {
        int airbytePort = fx.airbyte.simulator().apiBaseUrl().getPort();
        UnaryOperator<URI> providerAddsExtras = location -> location.getPort() == airbytePort
                ? location : URI.create(location + "&realmId=9130357&shop=acme.myshopify.com");
        ScriptedBrowser browser = new ScriptedBrowser(Decision.ALLOW, Duration.ofSeconds(10), providerAddsExtras);

        connected(outcomeOf(fx.service(browser).connect(tenant.id(), "hubspot", ConnectListener.NONE)));

        JsonNode params = lastBody("source_oauths/complete_oauth").path("queryParams");
        assertThat(params.path("realmId").asText()).isEqualTo("9130357");
        assertThat(params.path("shop").asText()).isEqualTo("acme.myshopify.com");
        assertThat(params.path("code").asText()).isNotBlank();
        assertThat(params.path("state").asText()).isNotBlank();
    }

    @Test
    void airbyteThatKeepsTheTokens_getsTheSourceMadeFromTheSecretCoordinate() throws Exception {
        connected(outcomeOf(fx.service(new ScriptedBrowser(Decision.ALLOW))
                .connect(tenant.id(), "zendesk-support", ACME, ConnectListener.NONE)));

        assertThat(lastBody("source_oauths/complete_oauth").path("returnSecretCoordinate").asBoolean()).isTrue();
        JsonNode create = lastBody("sources/create");
        assertThat(create.path("secretId").asText()).startsWith("airbyte_oauth_workspace_");
        assertThat(create.at("/connectionConfiguration/credentials/credentials").asText()).isEqualTo("oauth2_refresh");
        assertThat(create.at("/connectionConfiguration/credentials").has("access_token")).isFalse();
    }

    @Test
    void airbyteThatKeepsTheTokens_leavesNoTokenInTheStoredConfiguration() throws Exception {
        Connection connection = connected(outcomeOf(fx.service(new ScriptedBrowser(Decision.ALLOW))
                .connect(tenant.id(), "zendesk-support", ACME, ConnectListener.NONE)));

        String stored = storedConfiguration(connection);
        assertThat(fx.airbyte.simulator().issuedSecrets()).isNotEmpty()
                .allSatisfy(secret -> assertThat(stored).doesNotContain(secret));
        assertThat(json.readTree(stored)).isEqualTo(json.readTree(
                "{\"subdomain\":\"acme\",\"credentials\":{\"credentials\":\"oauth2_refresh\"}}"));
    }

    @Test
    void olderAirbyteIgnoringTheFlag_getsTheTokensMergedIntoTheConfigurationInstead() throws Exception {
        fx.airbyte.simulator().ignoreReturnSecretCoordinate(true);

        Connection connection = connected(outcomeOf(fx.service(new ScriptedBrowser(Decision.ALLOW))
                .connect(tenant.id(), "zendesk-support", ACME, ConnectListener.NONE)));

        JsonNode create = lastBody("sources/create");
        assertThat(create.has("secretId")).isFalse();
        JsonNode stored = json.readTree(storedConfiguration(connection));
        assertThat(fx.airbyte.simulator().issuedSecrets()).contains(stored.at("/credentials/access_token").asText(),
                stored.at("/credentials/refresh_token").asText());
        assertThat(stored.path("subdomain").asText()).isEqualTo("acme");
    }
}
