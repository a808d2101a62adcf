package dev.onramp.connect;

import static dev.onramp.connect.SelfManagedFixture.WAIT;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.onramp.airbyte.AirbyteGateway;
import dev.onramp.airbyte.ConfigApiGateway;
import dev.onramp.model.AuditEvent;
import dev.onramp.model.FlowId;
import dev.onramp.model.FlowRecord;
import dev.onramp.model.FlowState;
import dev.onramp.model.Tenant;
import dev.onramp.model.TenantId;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What the next start does with flows a crash left in the journal: undo in Airbyte, end, audit once. */
class RecoveryTest {
    @TempDir
    Path dataDir;

    private SelfManagedFixture fx;
    private Tenant tenant;

    @BeforeEach
    void setUp() {
        fx = new SelfManagedFixture(dataDir);
        tenant = fx.store.addTenant(new Tenant(TenantId.random(), "Acme Outdoor", "online-store",
                Optional.of(fx.airbyte.simulator().workspaceId())));
    }

    @AfterEach
    void tearDown() {
        fx.close();
    }

    private ConnectService service(AirbyteGateway gateway) {
        return fx.service(gateway, url -> true, WAIT);
    }

    private FlowId journaled(FlowState state, Optional<String> sourceId) {
        FlowId flow = FlowId.random();
        Instant now = fx.clock.instant();
        fx.store.db().inTransaction(tx -> {
            fx.store.journal().start(tx, tenant.id(), new FlowRecord(flow, tenant.id(), "hubspot", state, sourceId,
                    Optional.empty(), now, now));
            return null;
        });
        return flow;
    }

    private String sourceNamed(String name) {
        String stripe = fx.catalog.provider("stripe").orElseThrow().definitionId();
        var config = new ObjectMapper().createObjectNode().put("client_secret", "sk_test_demo").put("account_id", "acct_1");
        return fx.airbyte.gateway().createSource(fx.airbyte.simulator().workspaceId(), stripe, name, config);
    }

    private List<AuditEvent> auditOf(FlowId flow) {
        return fx.store.audit().list(tenant.id()).stream().filter(e -> e.resource().equals("flow/" + flow)).toList();
    }

    @Test
    void flowCrashedWhileCreatingItsSource_hasTheSourceFoundByNameAndDeleted() {
        FlowId flow = journaled(FlowState.AUTHORIZED, Optional.empty());
        String orphan = sourceNamed("HubSpot — Acme Outdoor [onramp-flow-" + flow + "]");
        String unrelated = sourceNamed("HubSpot — Acme Outdoor [onramp-flow-" + FlowId.random() + "]");

        assertThat(service(fx.airbyte.gateway()).recoverUnfinished()).isEqualTo(1);

        assertThat(fx.airbyte.gateway().findSources(fx.airbyte.simulator().workspaceId(), "onramp-flow-"))
                .containsExactly(unrelated);
        assertThat(fx.store.journal().find(tenant.id(), flow).orElseThrow().state()).isEqualTo(FlowState.FAILED);
        assertThat(auditOf(flow)).singleElement().satisfies(entry -> {
            assertThat(entry.action()).isEqualTo("connect.recovered");
            assertThat(entry.details()).contains(orphan + " deleted");
        });
    }

    @Test
    void credentialsFlowCrashedWhileCreatingItsSource_hasTheSourceFoundByNameAndDeleted() {
        // A credentials flow goes from STARTED straight to SOURCE_CREATED: a kill during the create leaves STARTED.
        FlowId flow = journaled(FlowState.STARTED, Optional.empty());
        String orphan = sourceNamed("Stripe — Acme Outdoor [onramp-flow-" + flow + "]");

        assertThat(service(fx.airbyte.gateway()).recoverUnfinished()).isEqualTo(1);

        assertThat(fx.airbyte.gateway().findSources(fx.airbyte.simulator().workspaceId(), "onramp-flow-"))
                .doesNotContain(orphan);
        assertThat(auditOf(flow)).singleElement().satisfies(entry -> assertThat(entry.details()).contains(orphan + " deleted"));
    }

    @Test
    void flowCrashedBeforeAirbyteCreatedAnything_isEndedWithOneAuditEntry() {
        FlowId flow = journaled(FlowState.AWAITING_CONSENT, Optional.empty());

        assertThat(service(fx.airbyte.gateway()).recoverUnfinished()).isEqualTo(1);

        assertThat(fx.store.journal().find(tenant.id(), flow).orElseThrow().state()).isEqualTo(FlowState.FAILED);
        assertThat(auditOf(flow)).extracting(AuditEvent::action).containsExactly("connect.recovered");
    }

    @Test
    void recoveryWhileAirbyteIsUnreachable_keepsTheFlowForALaterStartAndAuditsNothingYet() throws Exception {
        String source = sourceNamed("HubSpot — Acme Outdoor");
        FlowId flow = journaled(FlowState.TESTED, Optional.of(source));
        URI closed;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closed = URI.create("http://127.0.0.1:" + socket.getLocalPort() + "/api");
        }

        assertThat(service(new ConfigApiGateway(closed, Duration.ofSeconds(2))).recoverUnfinished()).isZero();
        assertThat(fx.store.journal().find(tenant.id(), flow).orElseThrow().state()).isEqualTo(FlowState.TESTED);
        assertThat(auditOf(flow)).isEmpty();

        assertThat(service(fx.airbyte.gateway()).recoverUnfinished()).isEqualTo(1);
        assertThat(fx.airbyte.gateway().findSources(fx.airbyte.simulator().workspaceId(), "HubSpot")).isEmpty();
        assertThat(auditOf(flow)).hasSize(1);
    }

    @Test
    void secondRecovery_findsNothingLeftAndWritesNoSecondEntry() {
        FlowId flow = journaled(FlowState.SOURCE_CREATED, Optional.of(sourceNamed("HubSpot — Acme Outdoor")));
        service(fx.airbyte.gateway()).recoverUnfinished();

        assertThat(service(fx.airbyte.gateway()).recoverUnfinished()).isZero();

        assertThat(auditOf(flow)).hasSize(1);
    }

    @Test
    void sourceAlreadyGoneFromAirbyte_stillEndsTheFlow() {
        FlowId flow = journaled(FlowState.SOURCE_CREATED, Optional.of("0b6f6bfc-9e1a-4f55-8c38-6c06c3c2a111"));

        assertThat(service(fx.airbyte.gateway()).recoverUnfinished()).isEqualTo(1);

        assertThat(fx.store.journal().find(tenant.id(), flow).orElseThrow().state()).isEqualTo(FlowState.FAILED);
    }
}
