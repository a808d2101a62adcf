package dev.onramp.connect;

import static dev.onramp.connect.FlowWatcher.outcomeOf;
import static dev.onramp.connect.SelfManagedFixture.WAIT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.onramp.business.AirbyteSelection;
import dev.onramp.catalog.ConnectorSpecs;
import dev.onramp.connect.form.ConnectorForm;
import dev.onramp.connect.form.FormValues;
import dev.onramp.model.AuditEvent;
import dev.onramp.model.Connection;
import dev.onramp.model.ConnectionStatus;
import dev.onramp.model.FlowState;
import dev.onramp.model.Tenant;
import dev.onramp.store.SettingsRepository;
import dev.onramp.testing.AirbyteProxy;
import dev.onramp.testing.ScriptedBrowser;
import dev.onramp.testing.ScriptedBrowser.Decision;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Updating a typed-credential connection's credentials through a self-managed Airbyte's Config API, on
 * real parts: H2 file, vault, and the simulator over HTTP behind a proxy that records each call.
 */
class CredentialsUpdateTest {
    private static final String FIRST_KEY = "sk_test_onramp_first_4eC39HqLyjWDarjtT1zd";
    private static final String NEW_KEY = "sk_test_onramp_second_9fB71KpWmXeQsZrvN2ab";
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dataDir;

    private SelfManagedFixture fx;
    private Tenant tenant;
    private ConnectService flows;
    private CredentialsService service;

    @BeforeEach
    void setUp() {
        fx = new SelfManagedFixture(dataDir);
        tenant = fx.store.addTenant("Acme Outdoor", "online-store");
        SettingsRepository settings = new SettingsRepository(fx.store.db(), fx.store.vault(), fx.clock);
        AirbyteSelection selection = new AirbyteSelection(settings, target -> fx.airbyte.gateway(), Optional.empty());
        flows = fx.service(selection::gatewayFor, new ScriptedBrowser(Decision.ALLOW), WAIT);
        service = new CredentialsService(fx.catalog, ConnectorSpecs.bundled(fx.catalog), selection, fx.store.db(),
                fx.store.tenants(), fx.store.connections(), fx.store.journal(), fx.store.audit(), flows, fx.clock,
                "test");
    }

    @AfterEach
    void tearDown() {
        flows.close();
        fx.close();
    }

    private Connection connectStripe(String account, String key) throws Exception {
        ConnectorForm form = service.form(tenant.id(), "stripe");
        FormValues values = form.defaults().with("account_id", account).with("client_secret", key);
        return ((ConnectOutcome.Connected) outcomeOf(service.connect(tenant.id(), "stripe", form, values,
                ConnectListener.NONE))).connection();
    }

    private ConnectOutcome update(CredentialsUpdate update, FormValues typed) throws Exception {
        return outcomeOf(service.update(tenant.id(), update, typed, ConnectListener.NONE));
    }

    private JsonNode stored(Connection connection) throws Exception {
        return JSON.readTree(new String(fx.store.connections().secretConfig(tenant.id(), connection.id()).orElseThrow(),
                StandardCharsets.UTF_8));
    }

    private JsonNode inAirbyte(Connection connection) {
        return fx.airbyte.simulator().sourceConfiguration(connection.sourceId()).orElseThrow();
    }

    private List<String> auditActions() {
        return fx.store.audit().list(tenant.id()).stream().map(AuditEvent::action).toList();
    }

    @Test
    void theFormComesFilledWithWhatTheConnectionHolds_secretsLeftEmptyToKeep() throws Exception {
        connectStripe("acct_1", FIRST_KEY);

        CredentialsUpdate update = service.prepareUpdate(tenant.id(), "stripe", Optional.empty());

        assertThat(update.current().text("account_id")).isEqualTo("acct_1");
        assertThat(update.current().get("client_secret")).isEmpty();
        assertThat(update.keptSecrets()).containsExactly("client_secret");
        assertThat(update.problems(update.current())).isEmpty();
    }

    @Test
    void aNewKey_goesToTheSameSourceAfterAirbyteTestedIt_andIsStoredWithTheStreams() throws Exception {
        Connection connection = connectStripe("acct_1", FIRST_KEY);
        CredentialsUpdate update = service.prepareUpdate(tenant.id(), "stripe", Optional.empty());
        FlowWatcher watcher = new FlowWatcher();

        ConnectOutcome outcome = outcomeOf(service.update(tenant.id(), update,
                update.current().with("client_secret", NEW_KEY), watcher));

        Connection updated = ((ConnectOutcome.Connected) outcome).connection();
        assertThat(updated.id()).isEqualTo(connection.id());
        assertThat(updated.sourceId()).isEqualTo(connection.sourceId());
        assertThat(fx.airbyte.simulator().sourceIds()).containsExactly(connection.sourceId());
        assertThat(inAirbyte(connection).path("client_secret").asText()).isEqualTo(NEW_KEY);
        assertThat(stored(connection).path("client_secret").asText()).isEqualTo(NEW_KEY);
        Connection row = fx.store.connections().find(tenant.id(), connection.id()).orElseThrow();
        assertThat(row.status()).isEqualTo(ConnectionStatus.ACTIVE);
        assertThat(row.streams()).contains("charges", "customers");
        assertThat(row.lastChecked()).isPresent();
        List<String> endpoints = fx.airbyte.proxy().calls().stream().map(AirbyteProxy.Call::endpoint).toList();
        assertThat(endpoints.indexOf("sources/check_connection_for_update"))
                .isNotNegative().isLessThan(endpoints.indexOf("sources/update"));
        assertThat(watcher.steps()).containsSubsequence(ConnectStep.TESTING_CREDENTIALS,
                ConnectStep.UPDATING_CREDENTIALS, ConnectStep.TESTING, ConnectStep.DISCOVERING, ConnectStep.SAVING);
        assertThat(fx.store.journal().find(tenant.id(), outcome.flowId()).orElseThrow().state())
                .isEqualTo(FlowState.STORED);
        assertThat(fx.store.audit().list(tenant.id())).filteredOn(e -> e.action().equals("connection.credentials-updated"))
                .singleElement().satisfies(entry -> {
                    assertThat(entry.resource()).isEqualTo("connection/" + connection.id());
                    assertThat(entry.details()).contains("source=" + connection.sourceId())
                            .doesNotContain(NEW_KEY).doesNotContain(FIRST_KEY);
                });
    }

    @Test
    void anEmptySecret_keepsTheStoredOne_whileAChangedFieldIsSentAndNamesTheAccount() throws Exception {
        Connection connection = connectStripe("acct_1", FIRST_KEY);
        CredentialsUpdate update = service.prepareUpdate(tenant.id(), "stripe", Optional.of("acct_1"));

        ConnectOutcome outcome = update(update, update.current().with("account_id", "acct_2"));

        assertThat(((ConnectOutcome.Connected) outcome).connection().accountLabel()).isEqualTo("acct_2");
        assertThat(inAirbyte(connection).path("client_secret").asText()).isEqualTo(FIRST_KEY);
        assertThat(inAirbyte(connection).path("account_id").asText()).isEqualTo("acct_2");
        assertThat(stored(connection).path("client_secret").asText()).isEqualTo(FIRST_KEY);
        assertThat(fx.store.connections().find(tenant.id(), connection.id()).orElseThrow().accountLabel())
                .isEqualTo("acct_2");
    }

    @Test
    void aKeyTheProviderRefuses_neverReachesTheSource_andTheStoredConnectionStaysAsItWas() throws Exception {
        Connection connection = connectStripe("acct_1", FIRST_KEY);
        Connection before = fx.store.connections().find(tenant.id(), connection.id()).orElseThrow();
        CredentialsUpdate update = service.prepareUpdate(tenant.id(), "stripe", Optional.empty());

        ConnectOutcome outcome = update(update, update.current().with("client_secret", "not a key"));

        assertThat(outcome).isInstanceOfSatisfying(ConnectOutcome.Ended.class, ended -> {
            assertThat(ended.state()).isEqualTo(FlowState.FAILED);
            assertThat(ended.message()).startsWith("Airbyte could not sign in to Stripe with that key: check the"
                    + " Secret Key.").endsWith("The connection keeps its current credentials.")
                    .doesNotContain("not a key");
        });
        assertThat(fx.airbyte.proxy().count("sources/update")).isZero();
        assertThat(inAirbyte(connection).path("client_secret").asText()).isEqualTo(FIRST_KEY);
        assertThat(fx.airbyte.gateway().checkConnection(connection.sourceId()).succeeded()).isTrue();
        assertThat(fx.store.connections().find(tenant.id(), connection.id())).contains(before);
        assertThat(stored(connection).path("client_secret").asText()).isEqualTo(FIRST_KEY);
        assertThat(fx.store.audit().list(tenant.id())).filteredOn(e -> e.action().equals("connection.credentials-update.failed"))
                .singleElement().satisfies(entry -> assertThat(entry.details()).doesNotContain("not a key"));
        assertThat(fx.store.journal().unfinished()).isEmpty();
    }

    @Test
    void aListingThatFailsAfterTheSourceTookTheNewKey_keepsTheStoredOne_saysSo_andTheNextCheckTellsTheTruth()
            throws Exception {
        Connection connection = connectStripe("acct_1", FIRST_KEY);
        CredentialsUpdate update = service.prepareUpdate(tenant.id(), "stripe", Optional.empty());
        fx.airbyte.proxy().replace("sources/discover_schema", 404, body -> "{\"message\":\"Could not find the source\"}");

        ConnectOutcome outcome = update(update, update.current().with("client_secret", NEW_KEY));
        fx.airbyte.proxy().forward("sources/discover_schema");

        assertThat(((ConnectOutcome.Ended) outcome).message()).endsWith("Airbyte's source has the new credentials,"
                + " which passed their test, while Onramp keeps the previous ones: update the credentials again to"
                + " store them.").doesNotContain(NEW_KEY);
        assertThat(inAirbyte(connection).path("client_secret").asText()).isEqualTo(NEW_KEY);
        assertThat(stored(connection).path("client_secret").asText()).isEqualTo(FIRST_KEY);
        assertThat(fx.store.journal().unfinished()).isEmpty();
        assertThat(flows.checkConnections(tenant.id(), health -> {})).singleElement()
                .satisfies(health -> assertThat(health.status()).isEqualTo(ConnectionStatus.ACTIVE));
    }

    @Test
    void aValueTheFormRefuses_isRefusedAndAuditedBeforeAnythingIsSentOrJournaled() throws Exception {
        Connection connection = connectStripe("acct_1", FIRST_KEY);
        CredentialsUpdate update = service.prepareUpdate(tenant.id(), "stripe", Optional.empty());
        int callsBefore = fx.airbyte.proxy().calls().size();

        assertThatThrownBy(() -> service.update(tenant.id(), update, update.current().with("account_id", " "),
                ConnectListener.NONE))
                .isInstanceOfSatisfying(UpdateRefusedException.class, e -> {
                    assertThat(e.getMessage()).isEqualTo("Account ID is required.");
                    assertThat(e.reason().wrongChoice()).isFalse();
                });
        assertThat(fx.airbyte.proxy().calls()).hasSize(callsBefore);
        assertThat(fx.store.journal().unfinished()).isEmpty();
        assertThat(auditActions()).containsExactlyInAnyOrder("connection.credentials-update.refused", "connect.succeeded");
        assertThat(fx.store.connections().find(tenant.id(), connection.id()).orElseThrow().accountLabel())
                .isEqualTo("acct_1");
    }

    @Test
    void shopifyWithItsApiPassword_comesFilledWithItsOptionAndIsUpdatable() throws Exception {
        ConnectorForm form = service.form(tenant.id(), "shopify");
        Connection connection = ((ConnectOutcome.Connected) outcomeOf(service.connect(tenant.id(), "shopify", form,
                form.defaults().with("shop", "corner-store").with("credentials.api_password", "shppa_0123456789"),
                ConnectListener.NONE))).connection();

        CredentialsUpdate update = service.prepareUpdate(tenant.id(), connection.id());
        ConnectOutcome outcome = update(update, update.current().with("credentials.api_password", "shppa_9876543210"));

        assertThat(update.current().text("shop")).isEqualTo("corner-store");
        assertThat(update.current().text("credentials")).isEqualTo("API Password");
        assertThat(update.keptSecrets()).containsExactly("credentials.api_password");
        assertThat(service.updatableConnections(tenant.id())).containsExactly(connection.id());
        assertThat(((ConnectOutcome.Connected) outcome).connection().sourceId()).isEqualTo(connection.sourceId());
        assertThat(inAirbyte(connection).at("/credentials/api_password").asText()).isEqualTo("shppa_9876543210");
    }

    @Test
    void aConnectionMadeBySigningIn_isRefusedPointingAtReconnect_andIsNotOffered() throws Exception {
        Connection oauth = ((ConnectOutcome.Connected) outcomeOf(flows.connect(tenant.id(), "hubspot",
                ConnectListener.NONE))).connection();

        assertThatThrownBy(() -> service.prepareUpdate(tenant.id(), "hubspot", Optional.empty()))
                .isInstanceOfSatisfying(UpdateRefusedException.class, e -> {
                    assertThat(e.reason()).isEqualTo(UpdateRefusedException.Reason.SIGNS_IN);
                    assertThat(e.reason().wrongChoice()).isTrue();
                    assertThat(e.getMessage()).isEqualTo("Acme Outdoor's HubSpot connection signs in through"
                            + " HubSpot's consent page rather than with credentials typed in: renew its sign-in with"
                            + " Reconnect (onramp connect hubspot --reauthorize).");
                });
        assertThat(service.updatableConnections(tenant.id())).doesNotContain(oauth.id()).isEmpty();
        assertThat(fx.store.audit().list(tenant.id())).filteredOn(e -> e.action()
                .equals("connection.credentials-update.refused")).singleElement()
                .satisfies(entry -> assertThat(entry.resource()).isEqualTo("connection/" + oauth.id()));
    }

    @Test
    void aBusinessWithoutTheProvider_isRefusedSayingToConnectFirst() {
        assertThatThrownBy(() -> service.prepareUpdate(tenant.id(), "stripe", Optional.empty()))
                .isInstanceOfSatisfying(UpdateRefusedException.class, e -> {
                    assertThat(e.reason()).isEqualTo(UpdateRefusedException.Reason.NOT_CONNECTED);
                    assertThat(e.getMessage()).isEqualTo("Acme Outdoor has no Stripe connection; connect it first:"
                            + " onramp connect stripe.");
                });
        assertThat(auditActions()).containsExactly("connection.credentials-update.refused");
    }

    @Test
    void severalAccounts_arePickedByTheirLabel_andAnUnknownOneIsRefusedListingThem() throws Exception {
        connectStripe("acct_1", FIRST_KEY);
        Connection second = connectStripe("acct_2", NEW_KEY);

        CredentialsUpdate picked = service.prepareUpdate(tenant.id(), "stripe", Optional.of("ACCT_2"));

        assertThat(picked.connection().id()).isEqualTo(second.id());
        assertThatThrownBy(() -> service.prepareUpdate(tenant.id(), "stripe", Optional.empty()))
                .isInstanceOfSatisfying(UpdateRefusedException.class, e -> {
                    assertThat(e.reason()).isEqualTo(UpdateRefusedException.Reason.SEVERAL_ACCOUNTS);
                    assertThat(e.getMessage()).contains("has 2 Stripe connections", "acct_1", "acct_2", "--account");
                });
        assertThatThrownBy(() -> service.prepareUpdate(tenant.id(), "stripe", Optional.of("acct_9")))
                .isInstanceOfSatisfying(UpdateRefusedException.class, e -> {
                    assertThat(e.reason()).isEqualTo(UpdateRefusedException.Reason.NO_SUCH_ACCOUNT);
                    assertThat(e.getMessage()).startsWith("Acme Outdoor has no Stripe connection for the account"
                            + " \"acct_9\"; its Stripe accounts: ").contains("acct_1", "acct_2")
                            .endsWith(". Name one of them with --account.");
                });
    }
}
