package dev.onramp.connect;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.onramp.airbyte.PublicApiGateway;
import dev.onramp.demo.Fault;
import dev.onramp.model.AuditEvent;
import dev.onramp.model.Connection;
import dev.onramp.model.ConnectionId;
import dev.onramp.model.ConnectionStatus;
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
 * Disconnecting through Airbyte Cloud's public API ({@code DELETE /v1/sources/{id}}) against the
 * simulator, whose retries wait on a test clock: deleted, already gone, and failing after the retries.
 */
class CloudDisconnectTest {
    @TempDir
    Path dataDir;

    private CloudFixture fx;
    private PublicApiGateway cloud;

    @BeforeEach
    void setUp() {
        fx = new CloudFixture(dataDir);
        cloud = fx.gateway(Optional.empty(), Duration.ofSeconds(10));
    }

    @AfterEach
    void tearDown() {
        fx.close();
    }

    private DisconnectService service() {
        return new DisconnectService(fx.catalog, tenant -> cloud, fx.store.db(), fx.store.tenants(),
                fx.store.connections(), fx.store.journal(), fx.store.audit(), Clock.systemUTC(), "test");
    }

    /** A Stripe source made in the simulated Cloud, stored as the business's connection. */
    private Connection stripe() {
        ObjectNode config = new ObjectMapper().createObjectNode().put("client_secret", "sk_test_demo")
                .put("account_id", "acct_1");
        String source = cloud.createSource(fx.simulator.workspaceId(),
                fx.catalog.provider("stripe").orElseThrow().definitionId(), "Stripe — Acme Outdoor", config);
        Connection connection = new Connection(ConnectionId.random(), fx.tenant.id(), "stripe", source, "acct_1",
                ConnectionStatus.ACTIVE, List.of("charges"), Clock.systemUTC().instant(), Optional.empty(),
                Optional.empty());
        fx.store.db().inTransaction(tx -> {
            fx.store.connections().insert(tx, fx.tenant.id(), connection, config.toString().getBytes(UTF_8));
            return null;
        });
        return connection;
    }

    private ConnectionStatus statusOf(Connection connection) {
        return fx.store.connections().find(fx.tenant.id(), connection.id()).orElseThrow().status();
    }

    @Test
    void disconnect_deletesTheCloudSource_andASecondSourceAlreadyGoneCountsAsDeleted() {
        Connection first = stripe();
        Connection second = stripe();
        cloud.deleteSource(second.sourceId());

        DisconnectOutcome deleted = service().disconnect(fx.tenant.id(), first.id(), DisconnectScope.AIRBYTE_AND_ONRAMP,
                DisconnectListener.NONE);
        DisconnectOutcome gone = service().disconnect(fx.tenant.id(), second.id(), DisconnectScope.AIRBYTE_AND_ONRAMP,
                DisconnectListener.NONE);

        assertThat(deleted.message()).endsWith("was deleted in Airbyte.");
        assertThat(gone.message()).endsWith("was already gone from Airbyte.");
        assertThat(fx.simulator.sourceIds()).doesNotContain(first.sourceId(), second.sourceId());
        assertThat(fx.simulator.calls()).contains("DELETE /v1/sources/" + first.sourceId());
        assertThat(statusOf(first)).isEqualTo(ConnectionStatus.DISCONNECTED);
        assertThat(statusOf(second)).isEqualTo(ConnectionStatus.DISCONNECTED);
    }

    @Test
    void cloudAnswering503AfterEveryRetry_leavesTheConnectionAndOffersRemovingFromOnrampOnly() {
        Connection stripe = stripe();
        fx.simulator.faults().arm(Fault.parse("503:10@DELETE /v1/sources/*"));

        DisconnectOutcome outcome = service().disconnect(fx.tenant.id(), stripe.id(),
                DisconnectScope.AIRBYTE_AND_ONRAMP, DisconnectListener.NONE);

        assertThat(outcome).isInstanceOfSatisfying(DisconnectOutcome.NotDisconnected.class, failed -> {
            assertThat(failed.offersOnrampOnly()).isTrue();
            assertThat(failed.message()).contains("stays connected. Airbyte could not be reached to delete its source");
        });
        assertThat(fx.sleeper.waits()).as("the bounded retries, on the test clock").isNotEmpty();
        assertThat(statusOf(stripe)).isEqualTo(ConnectionStatus.ACTIVE);
        assertThat(fx.simulator.sourceIds()).contains(stripe.sourceId());
        assertThat(fx.store.audit().list(fx.tenant.id())).extracting(AuditEvent::action)
                .containsExactly("disconnect.failed");
    }
}
