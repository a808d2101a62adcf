package dev.onramp.connect;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.onramp.airbyte.ConfigApiGateway;
import dev.onramp.model.AuditEvent;
import dev.onramp.model.Connection;
import dev.onramp.model.ConnectionId;
import dev.onramp.model.ConnectionStatus;
import dev.onramp.model.FlowId;
import dev.onramp.model.FlowKind;
import dev.onramp.model.FlowRecord;
import dev.onramp.model.FlowState;
import dev.onramp.model.Tenant;
import dev.onramp.model.TenantId;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Deleting a business against the simulator over HTTP and a real H2 file: its sources, its rows, its audit entries. */
class BusinessRemovalTest {
    @TempDir
    Path dataDir;

    private SelfManagedFixture fx;
    private Tenant acme;
    private Tenant other;

    @BeforeEach
    void setUp() {
        fx = new SelfManagedFixture(dataDir);
        String workspace = fx.airbyte.simulator().workspaceId();
        acme = fx.store.addTenant(new Tenant(TenantId.random(), "Acme Outdoor", "online-store", Optional.of(workspace)));
        other = fx.store.addTenant(new Tenant(TenantId.random(), "Bolt Bikes", "online-store", Optional.of(workspace)));
    }

    @AfterEach
    void tearDown() {
        fx.close();
    }

    private BusinessRemoval removal(dev.onramp.airbyte.AirbyteGateway gateway) {
        DisconnectService disconnects = new DisconnectService(fx.catalog, t -> gateway, fx.store.db(),
                fx.store.tenants(), fx.store.connections(), fx.store.journal(), fx.store.audit(), fx.clock, "test");
        return new BusinessRemoval(fx.catalog, fx.store.db(), fx.store.tenants(), fx.store.connections(),
                fx.store.journal(), fx.store.audit(), disconnects, "test");
    }

    private BusinessRemoval removal() {
        return removal(fx.airbyte.gateway());
    }

    private Connection stripe(Tenant tenant, String label) {
        String definition = fx.catalog.provider("stripe").orElseThrow().definitionId();
        var config = new ObjectMapper().createObjectNode().put("client_secret", "sk_test_demo").put("account_id", "acct_1");
        String source = fx.airbyte.gateway().createSource(fx.airbyte.simulator().workspaceId(), definition,
                "Stripe — " + tenant.name(), config);
        Connection connection = new Connection(ConnectionId.random(), tenant.id(), "stripe", source, label,
                ConnectionStatus.ACTIVE, List.of("charges"), fx.clock.instant(), Optional.empty(), Optional.empty());
        fx.store.db().inTransaction(tx -> {
            fx.store.connections().insert(tx, tenant.id(), connection, config.toString().getBytes(UTF_8));
            return null;
        });
        return connection;
    }

    private List<String> actions(Tenant tenant) {
        return fx.store.audit().list(tenant.id()).stream().map(AuditEvent::action).toList();
    }

    private Optional<AuditEvent> last(Tenant tenant, String action) {
        return fx.store.audit().list(tenant.id()).stream().filter(e -> e.action().equals(action))
                .reduce((first, second) -> second);
    }

    @Test
    void deletingDisconnectsEachConnection_deletesItsSourcesInAirbyte_andLeavesOtherBusinessesAlone() {
        Connection shop = stripe(acme, "shop");
        Connection payouts = stripe(acme, "payouts");
        Connection bolt = stripe(other, "bolt");
        List<String> steps = new ArrayList<>();

        BusinessRemoval.Outcome outcome = removal().delete(acme.id(), BusinessRemoval.Sources.DELETE, steps::add);

        assertThat(outcome).isInstanceOf(BusinessRemoval.Outcome.Deleted.class);
        assertThat(outcome.message()).isEqualTo("Acme Outdoor was deleted. Its 2 connections were disconnected"
                + " and their sources deleted in Airbyte.");
        assertThat(steps).contains("Disconnecting Stripe (shop)…", "Disconnecting Stripe (payouts)…");
        assertThat(fx.airbyte.simulator().sourceIds()).doesNotContain(shop.sourceId(), payouts.sourceId())
                .contains(bolt.sourceId());
        assertThat(fx.store.tenants().find(acme.id())).isEmpty();
        assertThat(fx.store.connections().list(acme.id())).isEmpty();
        assertThat(fx.store.connections().list(other.id())).hasSize(1);
        assertThat(actions(acme)).contains("connection.disconnected", "tenant.deleted");
        assertThat(last(acme, "tenant.deleted").orElseThrow().details())
                .contains("name=Acme Outdoor", "sources=deleted", "disconnected=2");
        assertThat(fx.store.audit().verify()).isInstanceOf(dev.onramp.store.AuditVerification.Intact.class);
    }

    @Test
    void keepingTheSources_leavesThemInAirbyte_andTheAuditEntryNamesThem() {
        Connection shop = stripe(acme, "shop");

        BusinessRemoval.Outcome outcome = removal().delete(acme.id(), BusinessRemoval.Sources.KEEP, step -> {});

        assertThat(outcome.message()).isEqualTo("Acme Outdoor was deleted. Its source stays in Airbyte: Stripe (shop).");
        assertThat(fx.airbyte.simulator().sourceIds()).contains(shop.sourceId());
        assertThat(fx.store.tenants().find(acme.id())).isEmpty();
        assertThat(last(acme, "tenant.deleted").orElseThrow().details())
                .contains("sources=kept", "kept_sources=" + shop.sourceId());
    }

    @Test
    void anAirbyteThatCannotBeReached_keepsTheBusiness_andSaysToTryAgainOrKeepTheSources() throws Exception {
        stripe(acme, "shop");
        ConfigApiGateway unreachable;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            unreachable = new ConfigApiGateway(URI.create("http://127.0.0.1:" + socket.getLocalPort() + "/api"),
                    Duration.ofSeconds(2));
        }

        BusinessRemoval.Outcome outcome = removal(unreachable).delete(acme.id(), BusinessRemoval.Sources.DELETE,
                step -> {});

        assertThat(outcome).isInstanceOf(BusinessRemoval.Outcome.NotDeleted.class);
        assertThat(outcome.message()).startsWith("Acme Outdoor was not deleted: Stripe (shop) could not be disconnected.")
                .endsWith("Try again, or delete it keeping the sources in Airbyte.");
        assertThat(fx.store.tenants().find(acme.id())).isPresent();
        assertThat(fx.store.connections().list(acme.id())).singleElement()
                .satisfies(c -> assertThat(c.disconnected()).isFalse());
        assertThat(actions(acme)).contains("tenant.delete-refused").doesNotContain("tenant.deleted");
    }

    @Test
    void aBusinessWithAFlowUnderWay_isInUse_andIsNotDeleted() {
        Connection shop = stripe(acme, "shop");
        FlowId flow = FlowId.random();
        fx.store.db().inTransaction(tx -> {
            fx.store.journal().start(tx, acme.id(), new FlowRecord(flow, acme.id(), "hubspot", FlowState.AWAITING_CONSENT,
                    Optional.empty(), Optional.empty(), fx.clock.instant(), fx.clock.instant(), FlowKind.CONNECT,
                    Optional.empty()));
            return null;
        });

        BusinessRemoval.Outcome outcome = removal().delete(acme.id(), BusinessRemoval.Sources.DELETE, step -> {});

        assertThat(outcome.message()).startsWith("Acme Outdoor is in use: a HubSpot flow")
                .contains("Cancel it or let it finish, then delete the business");
        assertThat(fx.airbyte.simulator().sourceIds()).contains(shop.sourceId());
        assertThat(fx.store.tenants().find(acme.id())).isPresent();
    }

    @Test
    void theOnlyBusiness_isNotDeleted_becauseTheWindowAlwaysShowsOne() {
        removal().delete(other.id(), BusinessRemoval.Sources.KEEP, step -> {});

        BusinessRemoval.Outcome outcome = removal().delete(acme.id(), BusinessRemoval.Sources.KEEP, step -> {});

        assertThat(outcome.message()).isEqualTo("Acme Outdoor is the only business in Onramp, and the window always"
                + " shows one: create the next business first, then delete this one.");
        assertThat(fx.store.tenants().find(acme.id())).isPresent();
    }
}
