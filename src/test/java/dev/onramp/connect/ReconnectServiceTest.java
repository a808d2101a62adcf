package dev.onramp.connect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.onramp.catalog.Catalog;
import dev.onramp.connect.form.FormValues;
import dev.onramp.demo.Fault;
import dev.onramp.model.AuditEvent;
import dev.onramp.model.Connection;
import dev.onramp.model.ConnectionId;
import dev.onramp.model.FlowState;
import dev.onramp.model.Tenant;
import dev.onramp.oauth.BrowserLauncher;
import dev.onramp.testing.AirbyteProxy;
import dev.onramp.testing.ScriptedBrowser.Decision;
import dev.onramp.testing.ScriptedBrowser;
import dev.onramp.testing.SimulatedAirbyte;
import dev.onramp.testing.StoreFixture;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Reconnecting a self-managed Airbyte connection end to end: H2 file, the simulator over HTTP
 * behind a recording proxy, loopback receiver, scripted browser.
 */
class ReconnectServiceTest {
    private static final Duration WAIT = Duration.ofSeconds(20);
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dataDir;

    private final Catalog catalog = Catalog.bundled();
    private final ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();
    private SimulatedAirbyte airbyte;
    private StoreFixture store;
    private Tenant tenant;

    @BeforeEach
    void setUp() {
        airbyte = SimulatedAirbyte.start();
        store = StoreFixture.open(dataDir);
        tenant = store.addTenant("Acme Outdoor", "online-store");
    }

    @AfterEach
    void tearDown() throws InterruptedException {
        executor.shutdownNow();
        executor.awaitTermination(5, TimeUnit.SECONDS);
        store.close();
        airbyte.close();
    }

    private ConnectService service(BrowserLauncher browser) {
        return new ConnectService(catalog, airbyte.gateway(), store.db(), store.tenants(), store.connections(),
                store.journal(), store.audit(), browser, executor, Clock.systemUTC(), WAIT, "test");
    }

    private Connection connectHubspot() throws Exception {
        ConnectOutcome outcome = service(new ScriptedBrowser(Decision.ALLOW))
                .connect(tenant.id(), "hubspot", ConnectListener.NONE).outcome().get(WAIT.toSeconds(), TimeUnit.SECONDS);
        return ((ConnectOutcome.Connected) outcome).connection();
    }

    private static ConnectOutcome outcomeOf(ConnectFlow flow) throws Exception {
        return flow.outcome().get(WAIT.toSeconds(), TimeUnit.SECONDS);
    }

    private JsonNode storedConfiguration(Connection connection) throws Exception {
        return JSON.readTree(store.connections().secretConfig(tenant.id(), connection.id()).orElseThrow());
    }

    @Test
    void expiredSource_failsItsCheckUntilReconnectUpdatesItUnderTheSameId() throws Exception {
        Connection connection = connectHubspot();
        airbyte.simulator().expireSourceTokens(connection.sourceId());
        assertThat(airbyte.gateway().checkConnection(connection.sourceId()).succeeded()).isFalse();

        ConnectOutcome outcome = outcomeOf(service(new ScriptedBrowser(Decision.ALLOW))
                .reconnect(tenant.id(), connection.id(), ConnectListener.NONE));

        assertThat(outcome).isInstanceOf(ConnectOutcome.Connected.class);
        Connection reconnected = ((ConnectOutcome.Connected) outcome).connection();
        assertThat(reconnected.id()).isEqualTo(connection.id());
        assertThat(reconnected.sourceId()).isEqualTo(connection.sourceId());
        assertThat(airbyte.simulator().sourceIds()).containsExactly(connection.sourceId());
        assertThat(airbyte.gateway().checkConnection(connection.sourceId()).succeeded()).isTrue();
        assertThat(airbyte.proxy().count("sources/create")).isEqualTo(1);
    }

    @Test
    void airbyteThatKeepsTheTokens_getsTheNewSecretCoordinateAndTheSubdomainAgain_andNoTokenReachesOnramp()
            throws Exception {
        Connection connection = ((ConnectOutcome.Connected) outcomeOf(service(new ScriptedBrowser(Decision.ALLOW))
                .connect(tenant.id(), "zendesk-support", new FormValues(Map.of("subdomain", "acme")),
                        ConnectListener.NONE))).connection();
        airbyte.simulator().expireSourceTokens(connection.sourceId());

        ConnectOutcome outcome = outcomeOf(service(new ScriptedBrowser(Decision.ALLOW))
                .reconnect(tenant.id(), connection.id(), ConnectListener.NONE));

        assertThat(outcome).isInstanceOf(ConnectOutcome.Connected.class);
        JsonNode consent = JSON.readTree(airbyte.proxy().calls().stream()
                .filter(c -> c.endpoint().equals("source_oauths/get_consent_url")).toList().getLast().body());
        assertThat(consent.at("/oAuthInputConfiguration/subdomain").asText()).isEqualTo("acme");
        JsonNode update = JSON.readTree(airbyte.proxy().calls().stream()
                .filter(c -> c.endpoint().equals("sources/update"))
                .findFirst().orElseThrow().body());
        assertThat(update.path("secretId").asText()).startsWith("airbyte_oauth_workspace_");
        assertThat(update.at("/connectionConfiguration/subdomain").asText()).isEqualTo("acme");
        String stored = storedConfiguration(connection).toString();
        List<String> tokens = airbyte.simulator().issuedSecrets().stream()
                .filter(secret -> !secret.startsWith("airbyte_oauth_workspace_")).toList();
        assertThat(tokens).isNotEmpty().allSatisfy(secret -> {
            assertThat(update.toString()).doesNotContain(secret);
            assertThat(stored).doesNotContain(secret);
        });
        assertThat(airbyte.gateway().checkConnection(connection.sourceId()).succeeded()).isTrue();
    }

    @Test
    void airbyteWithoutSecretCoordinates_getsTheNewTokenInSourcesUpdateWithTheOtherFieldsKept() throws Exception {
        airbyte.simulator().ignoreReturnSecretCoordinate(true);
        Connection connection = connectHubspot();
        String oldToken = storedConfiguration(connection).at("/credentials/refresh_token").asText();

        outcomeOf(service(new ScriptedBrowser(Decision.ALLOW)).reconnect(tenant.id(), connection.id(), ConnectListener.NONE));

        AirbyteProxy.Call update = airbyte.proxy().calls().stream().filter(c -> c.endpoint().equals("sources/update"))
                .findFirst().orElseThrow();
        JsonNode request = JSON.readTree(update.body());
        assertThat(request.path("sourceId").asText()).isEqualTo(connection.sourceId());
        assertThat(request.path("name").asText()).contains("HubSpot", "Acme Outdoor");
        JsonNode sent = request.path("connectionConfiguration");
        String newToken = sent.at("/credentials/refresh_token").asText();
        assertThat(newToken).isNotEqualTo(oldToken).isIn(airbyte.simulator().issuedSecrets());
        assertThat(sent.at("/credentials/credentials_title").asText()).isEqualTo("OAuth Credentials");
        assertThat(storedConfiguration(connection).at("/credentials/refresh_token").asText()).isEqualTo(newToken);
    }

    @Test
    void reconnect_refreshesTheStoredStreamsAndWritesOneReauthorizedEntryWithoutSecrets() throws Exception {
        Connection connection = connectHubspot();

        ConnectOutcome outcome = outcomeOf(service(new ScriptedBrowser(Decision.ALLOW))
                .reconnect(tenant.id(), connection.id(), ConnectListener.NONE));

        Connection stored = store.connections().find(tenant.id(), connection.id()).orElseThrow();
        assertThat(stored.streams()).contains("contacts", "companies", "deals");
        assertThat(stored.lastChecked()).isPresent();
        assertThat(store.journal().find(tenant.id(), outcome.flowId()).orElseThrow().state())
                .isEqualTo(FlowState.STORED);
        List<AuditEvent> entries = store.audit().list(tenant.id()).stream()
                .filter(e -> e.action().equals("connect.reauthorized")).toList();
        assertThat(entries).singleElement().satisfies(entry -> {
            assertThat(entry.resource()).isEqualTo("connection/" + connection.id());
            assertThat(entry.details()).contains("source=" + connection.sourceId());
            assertThat(airbyte.simulator().issuedSecrets()).allSatisfy(secret -> assertThat(entry.details())
                    .doesNotContain(secret));
        });
    }

    @Test
    void cancelWhileWaitingForTheBrowser_leavesTheConnectionAsItWas() throws Exception {
        Connection connection = connectHubspot();
        List<ConnectStep> steps = new CopyOnWriteArrayList<>();
        ConnectFlow flow = service(url -> true).reconnect(tenant.id(), connection.id(), stepsInto(steps));
        awaitStep(steps, ConnectStep.WAITING_FOR_CONSENT);

        flow.cancel();

        ConnectOutcome outcome = outcomeOf(flow);
        assertThat(outcome).isInstanceOf(ConnectOutcome.Ended.class);
        assertThat(((ConnectOutcome.Ended) outcome).state()).isEqualTo(FlowState.CANCELLED);
        assertThat(store.connections().find(tenant.id(), connection.id())).contains(connection);
        assertThat(airbyte.simulator().sourceIds()).containsExactly(connection.sourceId());
        assertThat(airbyte.proxy().count("sources/update")).isZero();
        assertThat(store.audit().list(tenant.id())).extracting(AuditEvent::action).contains("reconnect.cancelled");
    }

    @Test
    void declinedConsent_endsFailedAndKeepsTheConnection() throws Exception {
        Connection connection = connectHubspot();

        ConnectOutcome outcome = outcomeOf(service(new ScriptedBrowser(Decision.DENY))
                .reconnect(tenant.id(), connection.id(), ConnectListener.NONE));

        assertThat(outcome).isEqualTo(new ConnectOutcome.Ended(outcome.flowId(), FlowState.FAILED,
                "You declined access on HubSpot."));
        assertThat(store.connections().find(tenant.id(), connection.id())).contains(connection);
        assertThat(airbyte.simulator().sourceIds()).containsExactly(connection.sourceId());
    }

    @Test
    void reconnect_replacesAPendingConnectOfTheSameProvider() throws Exception {
        Connection connection = connectHubspot();
        ConnectService service = service(url -> true);
        List<ConnectStep> steps = new CopyOnWriteArrayList<>();
        ConnectFlow pending = service.connect(tenant.id(), "hubspot", stepsInto(steps));
        awaitStep(steps, ConnectStep.WAITING_FOR_CONSENT);

        ConnectFlow reconnect = service.reconnect(tenant.id(), connection.id(), ConnectListener.NONE);

        ConnectOutcome replaced = outcomeOf(pending);
        assertThat(replaced).isInstanceOf(ConnectOutcome.Ended.class);
        assertThat(((ConnectOutcome.Ended) replaced).state()).isEqualTo(FlowState.CANCELLED);
        assertThat(((ConnectOutcome.Ended) replaced).message()).contains("A newer attempt to connect HubSpot");
        reconnect.cancel();
        assertThat(((ConnectOutcome.Ended) outcomeOf(reconnect)).state()).isEqualTo(FlowState.CANCELLED);
    }

    @Test
    void reconnectInterruptedAfterAirbyteHasTheNewSignIn_isEndedByRecoveryWithTheConnectionIntact() throws Exception {
        Connection connection = connectHubspot();
        airbyte.simulator().expireSourceTokens(connection.sourceId());
        airbyte.simulator().faults().arm(Fault.slow(Duration.ofSeconds(3)).on("/api/v1/sources/check_connection"));
        List<ConnectStep> steps = new CopyOnWriteArrayList<>();
        ConnectFlow interrupted = service(new ScriptedBrowser(Decision.ALLOW))
                .reconnect(tenant.id(), connection.id(), stepsInto(steps));
        awaitStep(steps, ConnectStep.TESTING);

        // What the next start does after a crash here: a fresh service ends what the journal left open.
        int ended = service(url -> true).recoverUnfinished();

        assertThat(ended).isEqualTo(1);
        assertThat(store.journal().find(tenant.id(), interrupted.id()).orElseThrow().state())
                .isEqualTo(FlowState.FAILED);
        assertThat(store.journal().unfinished()).isEmpty();
        assertThat(store.connections().find(tenant.id(), connection.id())).contains(connection);
        assertThat(airbyte.simulator().sourceIds()).containsExactly(connection.sourceId());
        assertThat(airbyte.proxy().count("sources/delete")).isZero();
        assertThat(store.audit().list(tenant.id())).extracting(AuditEvent::action).contains("connect.recovered");
        outcomeOf(interrupted);
        assertThat(airbyte.gateway().checkConnection(connection.sourceId()).succeeded()).isTrue();
    }

    @Test
    void unknownConnection_isRefusedWithASentence() {
        assertThatExceptionOfType(InvalidInputException.class)
                .isThrownBy(() -> service(url -> true).reconnect(tenant.id(), ConnectionId.random(), ConnectListener.NONE))
                .withMessageContaining("connect the account again");
    }

    private static ConnectListener stepsInto(List<ConnectStep> steps) {
        return new ConnectListener() {
            @Override
            public void onStep(ConnectStep step) {
                steps.add(step);
            }

            @Override
            public void onConsentUrl(URI consentUrl, boolean browserOpened) {}
        };
    }

    private static void awaitStep(List<ConnectStep> steps, ConnectStep wanted) throws InterruptedException {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (!steps.contains(wanted)) {
            assertThat(System.nanoTime()).as("waiting for step " + wanted).isLessThan(deadline);
            Thread.sleep(10);
        }
    }
}
