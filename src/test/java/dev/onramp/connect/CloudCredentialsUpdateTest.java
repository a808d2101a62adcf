package dev.onramp.connect;

import static dev.onramp.connect.CloudFixture.outcomeOf;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.onramp.airbyte.PublicApiGateway;
import dev.onramp.business.AirbyteSelection;
import dev.onramp.catalog.ConnectorSpecs;
import dev.onramp.connect.form.ConnectorForm;
import dev.onramp.connect.form.FormValues;
import dev.onramp.model.AirbyteSettings;
import dev.onramp.model.AuditEvent;
import dev.onramp.model.Connection;
import dev.onramp.model.ConnectionStatus;
import dev.onramp.model.FlowState;
import dev.onramp.model.Provider;
import dev.onramp.store.SettingsRepository;
import dev.onramp.testing.AirbyteProxy;
import dev.onramp.testing.BundledSpecs;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Updating a typed-credential connection's credentials through Airbyte Cloud's public API, which
 * cannot test a configuration before the source has it: {@code PATCH /v1/sources/{id}}, the test, and
 * the previous configuration patched back when the test fails; against the simulator over HTTP behind
 * a recording proxy.
 */
class CloudCredentialsUpdateTest {
    private static final String FIRST_KEY = "sk_test_onramp_cloud_first_4eC39HqLyjWD";
    private static final String NEW_KEY = "sk_test_onramp_cloud_second_9fB71KpWmX";
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dataDir;

    private CloudFixture fx;
    private AirbyteProxy proxy;
    private ConnectService flows;
    private CredentialsService service;

    @BeforeEach
    void setUp() {
        fx = new CloudFixture(dataDir);
        proxy = AirbyteProxy.inFrontOf(fx.simulator.publicApiBaseUrl());
        URI proxied = URI.create(proxy.apiBase().toString().replaceFirst("/api$", "/v1"));
        AirbyteSettings.Cloud cloud = new AirbyteSettings.Cloud(proxied, fx.simulator.cloudClientId(),
                fx.simulator.cloudClientSecret(), fx.simulator.workspaceId(), URI.create(""));
        PublicApiGateway gateway = new PublicApiGateway(cloud,
                fx.policy(Duration.ofSeconds(5)), id -> fx.catalog.providers().stream()
                        .filter(p -> p.definitionId().equals(id)).map(Provider::name).findFirst(),
                BundledSpecs.shipped());
        SettingsRepository settings = new SettingsRepository(fx.store.db(), fx.store.vault(), Clock.systemUTC());
        // The business uses Airbyte Cloud, whose public API describes no connector: the form is the bundled one.
        fx.store.db().inTransaction(tx -> {
            settings.save(tx, fx.tenant.id(), cloud);
            return null;
        });
        AirbyteSelection selection = new AirbyteSelection(settings, target -> gateway, Optional.empty());
        flows = fx.service(gateway, url -> false, CloudFixture.WAIT);
        service = new CredentialsService(fx.catalog, ConnectorSpecs.bundled(fx.catalog), selection, fx.store.db(),
                fx.store.tenants(), fx.store.connections(), fx.store.journal(), fx.store.audit(), flows,
                Clock.systemUTC(), "test");
    }

    @AfterEach
    void tearDown() {
        flows.close();
        proxy.close();
        fx.close();
    }

    private Connection connectStripe() throws Exception {
        ConnectorForm form = service.form(fx.tenant.id(), "stripe");
        FormValues values = form.defaults().with("account_id", "acct_1").with("client_secret", FIRST_KEY);
        return ((ConnectOutcome.Connected) outcomeOf(service.connect(fx.tenant.id(), "stripe", form, values,
                ConnectListener.NONE))).connection();
    }

    private JsonNode stored(Connection connection) throws Exception {
        return JSON.readTree(new String(fx.store.connections().secretConfig(fx.tenant.id(), connection.id())
                .orElseThrow(), StandardCharsets.UTF_8));
    }

    private JsonNode inAirbyte(Connection connection) {
        return fx.simulator.sourceConfiguration(connection.sourceId()).orElseThrow();
    }

    private List<AirbyteProxy.Call> patches(Connection connection) {
        return proxy.calls().stream().filter(call -> call.method().equals("PATCH")
                && call.endpoint().equals("/v1/sources/" + connection.sourceId())).toList();
    }

    @Test
    void aNewKey_isPatchedIntoTheSameSource_testedAndStored() throws Exception {
        Connection connection = connectStripe();
        CredentialsUpdate update = service.prepareUpdate(fx.tenant.id(), "stripe", Optional.empty());

        ConnectOutcome outcome = outcomeOf(service.update(fx.tenant.id(), update,
                update.current().with("client_secret", NEW_KEY), ConnectListener.NONE));

        assertThat(((ConnectOutcome.Connected) outcome).connection().sourceId()).isEqualTo(connection.sourceId());
        assertThat(fx.simulator.sourceIds()).containsExactly(connection.sourceId());
        assertThat(patches(connection)).singleElement().satisfies(patch -> {
            JsonNode body = JSON.readTree(patch.body());
            assertThat(body.at("/configuration/client_secret").asText()).isEqualTo(NEW_KEY);
            assertThat(body.at("/configuration/account_id").asText()).isEqualTo("acct_1");
        });
        assertThat(inAirbyte(connection).path("client_secret").asText()).isEqualTo(NEW_KEY);
        assertThat(stored(connection).path("client_secret").asText()).isEqualTo(NEW_KEY);
        Connection row = fx.store.connections().find(fx.tenant.id(), connection.id()).orElseThrow();
        assertThat(row.status()).isEqualTo(ConnectionStatus.ACTIVE);
        assertThat(row.streams()).contains("charges");
        assertThat(fx.store.audit().list(fx.tenant.id())).extracting(AuditEvent::action)
                .contains("connection.credentials-updated");
    }

    @Test
    void aKeyTheProviderRefuses_isPatchedBackToThePreviousOne_andTheStoredConnectionStays() throws Exception {
        Connection connection = connectStripe();
        Connection before = fx.store.connections().find(fx.tenant.id(), connection.id()).orElseThrow();
        CredentialsUpdate update = service.prepareUpdate(fx.tenant.id(), "stripe", Optional.empty());
        FlowWatcher watcher = new FlowWatcher();

        ConnectOutcome outcome = outcomeOf(service.update(fx.tenant.id(), update,
                update.current().with("client_secret", "bad key"), watcher));

        assertThat(outcome).isInstanceOfSatisfying(ConnectOutcome.Ended.class, ended -> {
            assertThat(ended.state()).isEqualTo(FlowState.FAILED);
            assertThat(ended.message()).startsWith("Airbyte could not sign in to Stripe with that key: check the"
                    + " Secret Key.").endsWith("Airbyte's source has its previous credentials back, and the connection"
                    + " keeps them.");
        });
        assertThat(watcher.steps()).containsSubsequence(ConnectStep.UPDATING_CREDENTIALS, ConnectStep.TESTING,
                ConnectStep.RESTORING_CREDENTIALS);
        assertThat(patches(connection)).hasSize(2);
        assertThat(inAirbyte(connection).path("client_secret").asText()).isEqualTo(FIRST_KEY);
        assertThat(fx.store.connections().find(fx.tenant.id(), connection.id())).contains(before);
        assertThat(stored(connection).path("client_secret").asText()).isEqualTo(FIRST_KEY);
        assertThat(fx.store.audit().list(fx.tenant.id())).extracting(AuditEvent::action)
                .contains("connection.credentials-update.failed").doesNotContain("connection.credentials-updated");
    }

    @Test
    void whenAirbyteRefusesThePreviousKeyBack_theFlowSaysSoAndTheConnectionIsMarkedFailed() throws Exception {
        Connection connection = connectStripe();
        CredentialsUpdate update = service.prepareUpdate(fx.tenant.id(), "stripe", Optional.empty());
        // The source takes the new key, then Airbyte refuses every later change of it.
        ConnectListener refuseRestore = new ConnectListener() {
            @Override
            public void onStep(ConnectStep step) {
                if (step == ConnectStep.RESTORING_CREDENTIALS) {
                    proxy.replace("/v1/sources/" + connection.sourceId(), 403, body -> "{\"type\":\"forbidden\","
                            + "\"title\":\"Forbidden\",\"status\":403,\"detail\":\"Not allowed\"}");
                }
            }

            @Override
            public void onConsentUrl(URI consentUrl, boolean browserOpened) {}
        };

        ConnectOutcome outcome = outcomeOf(service.update(fx.tenant.id(), update,
                update.current().with("client_secret", "bad key"), refuseRestore));

        assertThat(((ConnectOutcome.Ended) outcome).message())
                .contains("Onramp could not give Airbyte's source its previous credentials back")
                .endsWith("update its credentials again with ones Stripe accepts.");
        assertThat(inAirbyte(connection).path("client_secret").asText()).isEqualTo("bad key");
        Connection row = fx.store.connections().find(fx.tenant.id(), connection.id()).orElseThrow();
        assertThat(row.status()).isEqualTo(ConnectionStatus.FAILED);
        assertThat(row.lastError()).hasValueSatisfying(error -> assertThat(error).contains("update its credentials"));
        assertThat(stored(connection).path("client_secret").asText()).isEqualTo(FIRST_KEY);
        assertThat(fx.store.audit().list(fx.tenant.id())).extracting(AuditEvent::action)
                .contains("connection.status-changed", "connection.credentials-update.failed");
    }
}
