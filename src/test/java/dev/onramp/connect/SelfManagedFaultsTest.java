package dev.onramp.connect;

import static dev.onramp.connect.CloudFixture.WAIT;
import static dev.onramp.connect.CloudFixture.outcomeOf;
import static org.assertj.core.api.Assertions.assertThat;

import dev.onramp.airbyte.ConfigApiGateway;
import dev.onramp.airbyte.ConnectorNames;
import dev.onramp.demo.Fault;
import dev.onramp.model.FlowState;
import dev.onramp.testing.ScriptedBrowser;
import dev.onramp.testing.ScriptedBrowser.Decision;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The self-managed flavour meets the same fault knobs: transient ones are tried again, a doubtful create is not. */
class SelfManagedFaultsTest {
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

    private ConnectOutcome connectHubspot() throws Exception {
        ConfigApiGateway gateway = new ConfigApiGateway(fx.simulator.apiBaseUrl(), Optional.empty(),
                fx.policy(Duration.ofSeconds(5)), ConnectorNames.NONE);
        return outcomeOf(fx.service(gateway, new ScriptedBrowser(Decision.ALLOW), WAIT)
                .connect(fx.tenant.id(), "hubspot", ConnectListener.NONE));
    }

    private long calls(String call) {
        return fx.simulator.calls().stream().filter(call::equals).count();
    }

    @Test
    void serviceUnavailableWhileTesting_isTriedAgainAndTheFlowConnects() throws Exception {
        fx.simulator.faults().arm(Fault.serverError(503).times(2).on("/api/v1/sources/check_connection"));

        assertThat(connectHubspot()).isInstanceOf(ConnectOutcome.Connected.class);
        assertThat(calls("POST /api/v1/sources/check_connection")).isEqualTo(3);
        assertThat(fx.sleeper.waits()).hasSize(2);
    }

    @Test
    void badGatewayOnCreate_isNotSentAgainAndTheFlowFailsLeavingNothing() throws Exception {
        fx.simulator.faults().arm(Fault.serverError(502).on("/api/v1/sources/create"));

        ConnectOutcome outcome = connectHubspot();

        fx.assertEndedLeavingNothing(outcome, FlowState.FAILED);
        assertThat(calls("POST /api/v1/sources/create")).isEqualTo(1);
    }
}
