package dev.onramp.connect;

import static dev.onramp.connect.CloudFixture.WAIT;
import static dev.onramp.connect.CloudFixture.outcomeOf;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.onramp.airbyte.PublicApiGateway;
import dev.onramp.demo.Fault;
import dev.onramp.model.AuditEvent;
import dev.onramp.model.Connection;
import dev.onramp.model.FlowState;
import dev.onramp.testing.RelayPageStandIn;
import dev.onramp.testing.ScriptedBrowser;
import dev.onramp.testing.ScriptedBrowser.Decision;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The connect flow against the simulator's Airbyte Cloud over HTTP: consent through the relay (its
 * script stood in for; RelayInChromiumTest runs the real page), a source made from the secret id,
 * and every fault knob ending as documented with nothing left behind.
 */
class CloudConnectServiceTest {
    static final URI RELAY = URI.create("https://relay.example.com/onramp/");

    @TempDir
    Path dataDir;

    private CloudFixture fx;

    @BeforeEach
    void setUp() {
        fx = new CloudFixture(dataDir);
    }

    @AfterEach
    void tearDown() {
        fx.close();
    }

    private ConnectOutcome connect(String provider, Decision decision, Duration requestTimeout, Duration consentTimeout)
            throws Exception {
        ScriptedBrowser browser = new ScriptedBrowser(decision, Duration.ofSeconds(10), new RelayPageStandIn(RELAY));
        PublicApiGateway gateway = fx.gateway(Optional.of(RELAY), requestTimeout);
        return outcomeOf(fx.service(gateway, browser, consentTimeout).connect(fx.tenant.id(), provider, ConnectListener.NONE));
    }

    private ConnectOutcome connectHubspot() throws Exception {
        return connect("hubspot", Decision.ALLOW, Duration.ofSeconds(5), WAIT);
    }

    private long calls(String call) {
        return fx.simulator.calls().stream().filter(call::equals).count();
    }

    private static String messageOf(ConnectOutcome outcome) {
        return ((ConnectOutcome.Ended) outcome).message();
    }

    @Test
    void allowInTheBrowser_storesAConnectionWhoseSourceLivesInAirbyte() throws Exception {
        ConnectOutcome outcome = connectHubspot();

        assertThat(outcome).isInstanceOf(ConnectOutcome.Connected.class);
        Connection connection = ((ConnectOutcome.Connected) outcome).connection();
        assertThat(connection.streams()).contains("contacts", "companies", "deals");
        assertThat(fx.simulator.sourceIds()).containsExactly(connection.sourceId());
        assertThat(fx.store.journal().find(fx.tenant.id(), outcome.flowId()).orElseThrow().state())
                .isEqualTo(FlowState.STORED);
        assertThat(fx.simulator.calls()).contains("POST /v1/sources/initiateOAuth", "POST /v1/sources", "GET /v1/streams");
    }

    @Test
    void storedConfiguration_selectsOAuthButHoldsNoToken() throws Exception {
        Connection connection = ((ConnectOutcome.Connected) connectHubspot()).connection();

        String stored = new String(fx.store.connections().secretConfig(fx.tenant.id(), connection.id()).orElseThrow(),
                StandardCharsets.UTF_8);
        JsonNode config = new ObjectMapper().readTree(stored);
        assertThat(config.at("/credentials/credentials_title").asText()).isEqualTo("OAuth Credentials");
        assertThat(fx.simulator.issuedSecrets()).allSatisfy(secret -> assertThat(stored).doesNotContain(secret));
    }

    @Test
    void auditEntry_holdsNoTokenSecretIdOrNonce() throws Exception {
        ScriptedBrowser browser = new ScriptedBrowser(Decision.ALLOW, Duration.ofSeconds(10), new RelayPageStandIn(RELAY));
        ConnectService service = fx.service(fx.gateway(Optional.of(RELAY), Duration.ofSeconds(5)), browser, WAIT);

        outcomeOf(service.connect(fx.tenant.id(), "hubspot", ConnectListener.NONE));

        List<AuditEvent> entries = fx.store.audit().list(fx.tenant.id());
        assertThat(entries).extracting(AuditEvent::action).containsExactly("connect.succeeded");
        String nonce = browser.awaitVisit(WAIT).redirectTarget().getRawQuery().replaceAll(".*nonce=", "");
        assertThat(entries.getFirst().details()).doesNotContain(nonce);
        assertThat(fx.simulator.issuedSecrets()).allSatisfy(secret -> assertThat(entries.getFirst().details()).doesNotContain(secret));
    }

    @Test
    void noRelayInSettings_failsBeforeAskingAirbyteWithTheRelaySentence() throws Exception {
        List<URI> opened = new CopyOnWriteArrayList<>();
        ConnectOutcome outcome = outcomeOf(fx.service(fx.gateway(Optional.empty(), Duration.ofSeconds(5)), opened::add, WAIT)
                .connect(fx.tenant.id(), "hubspot", ConnectListener.NONE));

        fx.assertEndedLeavingNothing(outcome, FlowState.FAILED);
        assertThat(messageOf(outcome)).endsWith("Cloud needs an https relay: set it in Settings.");
        assertThat(calls("POST /v1/sources/initiateOAuth")).isZero();
        assertThat(opened).isEmpty();
    }

    @Test
    void shopifyOnCloud_failsPointingToTypedCredentials() throws Exception {
        ConnectOutcome outcome = connect("shopify", Decision.ALLOW, Duration.ofSeconds(5), WAIT);

        fx.assertEndedLeavingNothing(outcome, FlowState.FAILED);
        assertThat(messageOf(outcome)).contains("cannot start a sign-in to Shopify through its API");
    }

    @Test
    void denyInTheBrowser_leavesTheFlowWaitingUntilItTimesOutWithNothingCreated() throws Exception {
        ConnectOutcome outcome = connect("hubspot", Decision.DENY, Duration.ofSeconds(5), Duration.ofSeconds(2));

        fx.assertEndedLeavingNothing(outcome, FlowState.TIMED_OUT);
        assertThat(calls("POST /v1/sources")).isZero();
    }

    @Test
    void tooManyRequestsWithRetryAfter_isWaitedOutAndTheFlowConnects() throws Exception {
        fx.simulator.faults().arm(Fault.tooManyRequests(Duration.ofSeconds(3)).times(2).on("/v1/streams"));

        ConnectOutcome outcome = connectHubspot();

        assertThat(outcome).isInstanceOf(ConnectOutcome.Connected.class);
        assertThat(fx.sleeper.waits()).containsExactly(Duration.ofSeconds(3), Duration.ofSeconds(3));
    }

    @Test
    void tooManyRequestsWithoutRetryAfterOnEveryCreate_failsRateLimitedLeavingNothing() throws Exception {
        fx.simulator.faults().arm(Fault.tooManyRequests().times(4).on("POST /v1/sources"));

        ConnectOutcome outcome = connectHubspot();

        fx.assertEndedLeavingNothing(outcome, FlowState.FAILED);
        assertThat(messageOf(outcome)).contains("called it too often (HTTP 429)");
        assertThat(calls("POST /v1/sources")).isEqualTo(4);
        assertThat(fx.sleeper.waits()).hasSize(3);
    }

    @Test
    void serviceUnavailableOnceOnWorkspaceCalls_isTriedAgainAndTheFlowConnects() throws Exception {
        fx.simulator.faults().arm(Fault.serverError(503).on("POST /v1/sources/initiateOAuth"));

        assertThat(connectHubspot()).isInstanceOf(ConnectOutcome.Connected.class);
        assertThat(calls("POST /v1/sources/initiateOAuth")).isEqualTo(2);
    }

    @Test
    void serverErrorsOnEveryStreamsCall_failTheFlowAndTheSourceIsDeleted() throws Exception {
        fx.simulator.faults().arm(Fault.serverError(503).times(4).on("/v1/streams"));

        ConnectOutcome outcome = connectHubspot();

        fx.assertEndedLeavingNothing(outcome, FlowState.FAILED);
        assertThat(messageOf(outcome)).contains("is unavailable right now");
        assertThat(fx.simulator.calls()).anyMatch(call -> call.startsWith("DELETE /v1/sources/"));
    }

    @Test
    void badGatewayOnCreate_isNotSentAgainAndTheFlowFailsLeavingNothing() throws Exception {
        fx.simulator.faults().arm(Fault.serverError(502).on("POST /v1/sources"));

        ConnectOutcome outcome = connectHubspot();

        fx.assertEndedLeavingNothing(outcome, FlowState.FAILED);
        assertThat(messageOf(outcome)).contains("failed to create the source (HTTP 502");
        assertThat(calls("POST /v1/sources")).isEqualTo(1);
    }

    @Test
    void slowTest_timesOutAndTheSourceIsDeleted() throws Exception {
        fx.simulator.faults().arm(Fault.slow(Duration.ofSeconds(3)).on("/v1/streams"));

        ConnectOutcome outcome = connect("hubspot", Decision.ALLOW, Duration.ofMillis(800), WAIT);

        fx.assertEndedLeavingNothing(outcome, FlowState.FAILED);
        assertThat(messageOf(outcome)).contains("did not test the source within 800 ms");
    }

    @Test
    void malformedConsentAnswer_failsBeforeAnythingIsCreated() throws Exception {
        fx.simulator.faults().arm(Fault.malformedJson().on("POST /v1/sources/initiateOAuth"));

        ConnectOutcome outcome = connectHubspot();

        fx.assertEndedLeavingNothing(outcome, FlowState.FAILED);
        assertThat(messageOf(outcome)).contains("sent an answer that breaks off or is not valid JSON");
    }

    @Test
    void expiredTokenAtCreate_isMintedAgainAndTheFlowConnects() throws Exception {
        fx.simulator.faults().arm(Fault.expiredToken().on("POST /v1/sources"));

        assertThat(connectHubspot()).isInstanceOf(ConnectOutcome.Connected.class);
        assertThat(calls("POST /v1/sources")).isEqualTo(2);
        assertThat(calls("POST /v1/applications/token")).isEqualTo(2);
        assertThat(fx.simulator.sourceIds()).hasSize(1);
    }
}
