package dev.onramp.connect;

import static dev.onramp.connect.FlowWatcher.outcomeOf;
import static dev.onramp.connect.SelfManagedFixture.WAIT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.onramp.connect.form.FormValues;
import dev.onramp.demo.Fault;
import dev.onramp.model.AuditEvent;
import dev.onramp.model.Connection;
import dev.onramp.model.ConnectionId;
import dev.onramp.model.FlowState;
import dev.onramp.model.InvalidInputException;
import dev.onramp.model.Tenant;
import dev.onramp.testing.AirbyteProxy;
import dev.onramp.testing.ScriptedBrowser;
import dev.onramp.testing.ScriptedBrowser.Decision;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Reconnecting a self-managed Airbyte connection end to end: H2 file, the simulator over HTTP
 * behind a recording proxy, loopback receiver, scripted browser.
 */
class ReconnectServiceTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dataDir;

    private SelfManagedFixture fx;
    private Tenant tenant;

    @BeforeEach
    void setUp() {
        fx = new SelfManagedFixture(dataDir);
        tenant = fx.store.addTenant("Acme Outdoor", "online-store");
    }

    @AfterEach
    void tearDown() {
        fx.close();
    }

    private Connection connectHubspot() throws Exception {
        ConnectOutcome outcome = outcomeOf(fx.service(new ScriptedBrowser(Decision.ALLOW))
                .connect(tenant.id(), "hubspot", ConnectListener.NONE));
        return ((ConnectOutcome.Connected) outcome).connection();
    }

    private JsonNode storedConfiguration(Connection connection) throws Exception {
        return JSON.readTree(fx.store.connections().secretConfig(tenant.id(), connection.id()).orElseThrow());
    }

    @Test
    void expiredSource_failsItsCheckUntilReconnectUpdatesItUnderTheSameId() throws Exception {
        Connection connection = connectHubspot();
        fx.airbyte.simulator().expireSourceTokens(connection.sourceId());
        assertThat(fx.airbyte.gateway().checkConnection(connection.sourceId()).succeeded()).isFalse();

        ConnectOutcome outcome = outcomeOf(fx.service(new ScriptedBrowser(Decision.ALLOW))
                .reconnect(tenant.id(), connection.id(), ConnectListener.NONE));

        assertThat(outcome).isInstanceOf(ConnectOutcome.Connected.class);
        Connection reconnected = ((ConnectOutcome.Connected) outcome).connection();
        assertThat(reconnected.id()).isEqualTo(connection.id());
        assertThat(reconnected.sourceId()).isEqualTo(connection.sourceId());
        assertThat(fx.airbyte.simulator().sourceIds()).containsExactly(connection.sourceId());
        assertThat(fx.airbyte.gateway().checkConnection(connection.sourceId()).succeeded()).isTrue();
        assertThat(fx.airbyte.proxy().count("sources/create")).isEqualTo(1);
    }

    @Test
    void airbyteThatKeepsTheTokens_getsTheNewSecretCoordinateAndTheSubdomainAgain_andNoTokenReachesOnramp()
            throws Exception {
        Connection connection = ((ConnectOutcome.Connected) outcomeOf(fx.service(new ScriptedBrowser(Decision.ALLOW))
                .connect(tenant.id(), "zendesk-support", new FormValues(Map.of("subdomain", "acme")),
                        ConnectListener.NONE))).connection();
        fx.airbyte.simulator().expireSourceTokens(connection.sourceId());

        ConnectOutcome outcome = outcomeOf(fx.service(new ScriptedBrowser(Decision.ALLOW))
                .reconnect(tenant.id(), connection.id(), ConnectListener.NONE));

        assertThat(outcome).isInstanceOf(ConnectOutcome.Connected.class);
        JsonNode consent = JSON.readTree(fx.airbyte.proxy().calls().stream()
                .filter(c -> c.endpoint().equals("source_oauths/get_consent_url")).toList().getLast().body());
        assertThat(consent.at("/oAuthInputConfiguration/subdomain").asText()).isEqualTo("acme");
        // Only sources/partial_update applies a secretId; sources/update would ignore it (REAL-AIRBYTE.md).
        assertThat(fx.airbyte.proxy().count("sources/update")).isZero();
        JsonNode update = JSON.readTree(fx.airbyte.proxy().calls().stream()
                .filter(c -> c.endpoint().equals("sources/partial_update"))
                .findFirst().orElseThrow().body());
        assertThat(update.path("secretId").asText()).startsWith("airbyte_oauth_workspace_");
        assertThat(update.at("/connectionConfiguration/subdomain").asText()).isEqualTo("acme");
        String stored = storedConfiguration(connection).toString();
        List<String> tokens = fx.airbyte.simulator().issuedSecrets().stream()
                .filter(secret -> !secret.startsWith("airbyte_oauth_workspace_")).toList();
        assertThat(tokens).isNotEmpty().allSatisfy(secret -> {
            assertThat(update.toString()).doesNotContain(secret);
            assertThat(stored).doesNotContain(secret);
        });
        assertThat(fx.airbyte.gateway().checkConnection(connection.sourceId()).succeeded()).isTrue();
    }

    @Test
    void airbyteWithoutSecretCoordinates_getsTheNewTokenInSourcesUpdateWithTheOtherFieldsKept() throws Exception {
        fx.airbyte.simulator().ignoreReturnSecretCoordinate(true);
        Connection connection = connectHubspot();
        String oldToken = storedConfiguration(connection).at("/credentials/refresh_token").asText();

        outcomeOf(fx.service(new ScriptedBrowser(Decision.ALLOW))
                .reconnect(tenant.id(), connection.id(), ConnectListener.NONE));

        AirbyteProxy.Call update = fx.airbyte.proxy().calls().stream()
                .filter(c -> c.endpoint().equals("sources/update")).findFirst().orElseThrow();
        JsonNode request = JSON.readTree(update.body());
        assertThat(request.path("sourceId").asText()).isEqualTo(connection.sourceId());
        assertThat(request.path("name").asText()).contains("HubSpot", "Acme Outdoor");
        JsonNode sent = request.path("connectionConfiguration");
        String newToken = sent.at("/credentials/refresh_token").asText();
        assertThat(newToken).isNotEqualTo(oldToken).isIn(fx.airbyte.simulator().issuedSecrets());
        assertThat(sent.at("/credentials/credentials_title").asText()).isEqualTo("OAuth Credentials");
        assertThat(storedConfiguration(connection).at("/credentials/refresh_token").asText()).isEqualTo(newToken);
    }

    @Test
    void reconnect_refreshesTheStoredStreamsAndWritesOneReauthorizedEntryWithoutSecrets() throws Exception {
        Connection connection = connectHubspot();

        ConnectOutcome outcome = outcomeOf(fx.service(new ScriptedBrowser(Decision.ALLOW))
                .reconnect(tenant.id(), connection.id(), ConnectListener.NONE));

        Connection stored = fx.store.connections().find(tenant.id(), connection.id()).orElseThrow();
        assertThat(stored.streams()).contains("contacts", "companies", "deals");
        assertThat(stored.lastChecked()).isPresent();
        assertThat(fx.store.journal().find(tenant.id(), outcome.flowId()).orElseThrow().state())
                .isEqualTo(FlowState.STORED);
        List<AuditEvent> entries = fx.store.audit().list(tenant.id()).stream()
                .filter(e -> e.action().equals("connect.reauthorized")).toList();
        assertThat(entries).singleElement().satisfies(entry -> {
            assertThat(entry.resource()).isEqualTo("connection/" + connection.id());
            assertThat(entry.details()).contains("source=" + connection.sourceId());
            assertThat(fx.airbyte.simulator().issuedSecrets()).allSatisfy(secret -> assertThat(entry.details())
                    .doesNotContain(secret));
        });
    }

    @Test
    void cancelWhileWaitingForTheBrowser_leavesTheConnectionAsItWas() throws Exception {
        Connection connection = connectHubspot();
        List<ConnectStep> steps = new CopyOnWriteArrayList<>();
        ConnectFlow flow = fx.service(url -> true).reconnect(tenant.id(), connection.id(), stepsInto(steps));
        awaitStep(steps, ConnectStep.WAITING_FOR_CONSENT);

        flow.cancel();

        ConnectOutcome outcome = outcomeOf(flow);
        assertThat(outcome).isInstanceOf(ConnectOutcome.Ended.class);
        assertThat(((ConnectOutcome.Ended) outcome).state()).isEqualTo(FlowState.CANCELLED);
        assertThat(fx.store.connections().find(tenant.id(), connection.id())).contains(connection);
        assertThat(fx.airbyte.simulator().sourceIds()).containsExactly(connection.sourceId());
        assertThat(fx.airbyte.proxy().count("sources/update")).isZero();
        assertThat(fx.airbyte.proxy().count("sources/partial_update")).isZero();
        assertThat(fx.store.audit().list(tenant.id())).extracting(AuditEvent::action).contains("reconnect.cancelled");
    }

    @Test
    void declinedConsent_endsFailedAndKeepsTheConnection() throws Exception {
        Connection connection = connectHubspot();

        ConnectOutcome outcome = outcomeOf(fx.service(new ScriptedBrowser(Decision.DENY))
                .reconnect(tenant.id(), connection.id(), ConnectListener.NONE));

        assertThat(outcome).isInstanceOfSatisfying(ConnectOutcome.Ended.class, ended -> assertThat(
                List.of(ended.flowId(), ended.state(), ended.message())).containsExactly(outcome.flowId(), FlowState.FAILED,
                        "You declined access on HubSpot."));
        assertThat(fx.store.connections().find(tenant.id(), connection.id())).contains(connection);
        assertThat(fx.airbyte.simulator().sourceIds()).containsExactly(connection.sourceId());
    }

    @Test
    void reconnect_replacesAPendingConnectOfTheSameProvider() throws Exception {
        Connection connection = connectHubspot();
        ConnectService service = fx.service(url -> true);
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
        fx.airbyte.simulator().expireSourceTokens(connection.sourceId());
        fx.airbyte.simulator().faults().arm(Fault.slow(Duration.ofSeconds(3)).on("/api/v1/sources/check_connection"));
        List<ConnectStep> steps = new CopyOnWriteArrayList<>();
        ConnectFlow interrupted = fx.service(new ScriptedBrowser(Decision.ALLOW))
                .reconnect(tenant.id(), connection.id(), stepsInto(steps));
        awaitStep(steps, ConnectStep.TESTING);

        // What the next start does after a crash here: a fresh service ends what the journal left open.
        int ended = fx.service(url -> true).recoverUnfinished();

        assertThat(ended).isEqualTo(1);
        assertThat(fx.store.journal().find(tenant.id(), interrupted.id()).orElseThrow().state())
                .isEqualTo(FlowState.FAILED);
        assertThat(fx.store.journal().unfinished()).isEmpty();
        assertThat(fx.store.connections().find(tenant.id(), connection.id())).contains(connection);
        assertThat(fx.airbyte.simulator().sourceIds()).containsExactly(connection.sourceId());
        assertThat(fx.airbyte.proxy().count("sources/delete")).isZero();
        assertThat(fx.store.audit().list(tenant.id())).extracting(AuditEvent::action).contains("connect.recovered");
        outcomeOf(interrupted);
        assertThat(fx.airbyte.gateway().checkConnection(connection.sourceId()).succeeded()).isTrue();
    }

    @Test
    void unknownConnection_isRefusedWithASentence() {
        assertThatExceptionOfType(InvalidInputException.class)
                .isThrownBy(() -> fx.service(url -> true)
                        .reconnect(tenant.id(), ConnectionId.random(), ConnectListener.NONE))
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
