package dev.onramp.connect;

import static dev.onramp.connect.FlowWatcher.outcomeOf;
import static dev.onramp.connect.SelfManagedFixture.WAIT;
import static org.assertj.core.api.Assertions.assertThat;

import dev.onramp.airbyte.AirbyteGateway;
import dev.onramp.airbyte.CallPolicy;
import dev.onramp.airbyte.ConfigApiGateway;
import dev.onramp.airbyte.ConnectorNames;
import dev.onramp.demo.Fault;
import dev.onramp.model.AuditEvent;
import dev.onramp.model.FlowId;
import dev.onramp.model.FlowState;
import dev.onramp.model.Tenant;
import dev.onramp.testing.ScriptedBrowser;
import dev.onramp.testing.ScriptedBrowser.Decision;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A create whose answer comes after Onramp's limit, or never: the flow ends FAILED with a sentence
 * and the source Airbyte made is found by the flow's marker and deleted, at once or by the next
 * start's recovery; against the simulator over HTTP, with a create limit shortened for the test.
 */
class SlowCreateTest {
    private static final Duration CREATE_LIMIT = Duration.ofMillis(1500);
    private static final String CREATE = "POST /api/v1/sources/create";

    @TempDir
    Path dataDir;

    private SelfManagedFixture fx;
    private Tenant acme;

    @BeforeEach
    void setUp() {
        fx = new SelfManagedFixture(dataDir.resolve("db"));
        acme = fx.store.addTenant("Acme Outdoor", "online-store");
    }

    @AfterEach
    void tearDown() {
        fx.close();
    }

    /** A gateway to {@code apiBase} that gives up on a create after {@link #CREATE_LIMIT}, on other calls after 10 s. */
    private static AirbyteGateway impatient(URI apiBase) {
        return new ConfigApiGateway(apiBase, Optional.empty(),
                CallPolicy.standard(Duration.ofSeconds(10)).withCreateTimeout(CREATE_LIMIT), ConnectorNames.NONE);
    }

    private ConnectService service(AirbyteGateway gateway) {
        return fx.service(gateway, new ScriptedBrowser(Decision.ALLOW), WAIT);
    }

    private ConnectOutcome.Ended connectHubSpot(AirbyteGateway gateway) throws Exception {
        ConnectOutcome outcome = outcomeOf(service(gateway).connect(acme.id(), "hubspot", ConnectListener.NONE));
        assertThat(outcome).isInstanceOf(ConnectOutcome.Ended.class);
        return (ConnectOutcome.Ended) outcome;
    }

    private List<AuditEvent> auditOf(FlowId flow) {
        return fx.store.audit().list(acme.id()).stream().filter(e -> e.resource().equals("flow/" + flow)).toList();
    }

    private FlowState journaled(FlowId flow) {
        return fx.store.journal().find(acme.id(), flow).orElseThrow().state();
    }

    @Test
    void createAnsweredAfterTheLimit_endsFailedWithASentenceAndDeletesTheSourceFoundByItsMarker() throws Exception {
        fx.airbyte.simulator().faults().arm(Fault.late(Duration.ofSeconds(4)).on(CREATE));

        ConnectOutcome.Ended ended = connectHubSpot(impatient(fx.airbyte.simulator().apiBaseUrl()));

        assertThat(ended.state()).isEqualTo(FlowState.FAILED);
        assertThat(ended.message()).isEqualTo("Airbyte at " + fx.airbyte.simulator().apiBaseUrl()
                + " did not create the source within 1500 ms. Check that it is not overloaded, then try again.");
        assertThat(fx.airbyte.simulator().sourceIds()).isEmpty();
        assertThat(journaled(ended.flowId())).isEqualTo(FlowState.FAILED);
        assertThat(auditOf(ended.flowId())).singleElement().satisfies(entry -> {
            assertThat(entry.action()).isEqualTo("connect.failed");
            assertThat(entry.details()).contains("deleted", "did not create the source");
        });
        assertThat(fx.store.connections().list(acme.id())).isEmpty();
    }

    @Test
    void createWhoseConnectionClosesUnanswered_deletesTheSourceFoundByItsMarker() throws Exception {
        fx.airbyte.simulator().faults().arm(Fault.dropAnswer().on(CREATE));

        ConnectOutcome.Ended ended = connectHubSpot(impatient(fx.airbyte.simulator().apiBaseUrl()));

        assertThat(ended.state()).isEqualTo(FlowState.FAILED);
        assertThat(ended.message()).startsWith("Onramp could not reach Airbyte at");
        assertThat(fx.airbyte.simulator().sourceIds()).isEmpty();
        assertThat(auditOf(ended.flowId())).singleElement()
                .satisfies(entry -> assertThat(entry.details()).contains("deleted"));
    }

    @Test
    void sourceStillBeingMadeWhenTheFlowLooks_isLeftToRecoveryWhichDeletesIt() throws Exception {
        // Airbyte takes 3 s before it makes the source: the flow's look, after 1.5 s, finds nothing yet.
        fx.airbyte.simulator().faults().arm(Fault.slow(Duration.ofSeconds(3)).on(CREATE));

        ConnectOutcome.Ended ended = connectHubSpot(impatient(fx.airbyte.simulator().apiBaseUrl()));

        assertThat(ended.state()).isEqualTo(FlowState.FAILED);
        assertThat(ended.message()).contains("did not create the source within 1500 ms",
                "Onramp looks for it again when it next starts and deletes it.");
        assertThat(journaled(ended.flowId())).isEqualTo(FlowState.AUTHORIZED);
        assertThat(auditOf(ended.flowId())).isEmpty();
        awaitSources(1);

        assertThat(service(fx.airbyte.gateway()).recoverUnfinished()).isEqualTo(1);

        assertThat(fx.airbyte.simulator().sourceIds()).isEmpty();
        assertThat(journaled(ended.flowId())).isEqualTo(FlowState.FAILED);
        assertThat(auditOf(ended.flowId())).singleElement().satisfies(entry -> {
            assertThat(entry.action()).isEqualTo("connect.recovered");
            assertThat(entry.details()).contains("interrupted in AUTHORIZED", "deleted", "did not create the source");
        });
    }

    @Test
    void airbyteThatCannotBeAskedAfterALostCreate_leavesTheLookToRecoveryWhichDeletesTheSource() throws Exception {
        fx.airbyte.simulator().faults().arm(Fault.late(Duration.ofSeconds(3)).on(CREATE));
        fx.airbyte.proxy().replace("sources/list", 500, request -> "{\"message\":\"Listing is broken today.\"}");

        ConnectOutcome.Ended ended = connectHubSpot(impatient(fx.airbyte.proxy().apiBase()));

        assertThat(ended.state()).isEqualTo(FlowState.FAILED);
        assertThat(ended.message()).contains("did not create the source within 1500 ms");
        assertThat(journaled(ended.flowId())).isEqualTo(FlowState.AUTHORIZED);
        assertThat(auditOf(ended.flowId())).isEmpty();
        awaitSources(1);

        fx.airbyte.proxy().forward("sources/list");
        assertThat(service(fx.airbyte.gateway()).recoverUnfinished()).isEqualTo(1);

        assertThat(fx.airbyte.simulator().sourceIds()).isEmpty();
        assertThat(auditOf(ended.flowId())).singleElement().satisfies(entry -> {
            assertThat(entry.action()).isEqualTo("connect.recovered");
            assertThat(entry.details()).contains("deleted");
        });
    }

    private void awaitSources(int count) throws InterruptedException {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (fx.airbyte.simulator().sourceIds().size() != count && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        assertThat(fx.airbyte.simulator().sourceIds()).hasSize(count);
    }
}
