package dev.onramp.connect;

import static dev.onramp.connect.FlowWatcher.outcomeOf;
import static org.assertj.core.api.Assertions.assertThat;

import dev.onramp.demo.Fault;
import dev.onramp.model.AuditEvent;
import dev.onramp.model.Connection;
import dev.onramp.model.ConnectionStatus;
import dev.onramp.model.Tenant;
import dev.onramp.testing.ScriptedBrowser;
import dev.onramp.testing.SimulatedAirbyte;
import dev.onramp.testing.ScriptedBrowser.Decision;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Checking stored connections again in the simulator: each status, what is stored, and the audit of a change. */
class ConnectionChecksTest {
    @TempDir
    Path dataDir;

    private SelfManagedFixture fx;
    private Tenant tenant;
    private ConnectService service;

    @BeforeEach
    void setUp() {
        fx = new SelfManagedFixture(dataDir);
        tenant = fx.store.addTenant("Acme Outdoor", "online-store");
        service = fx.service(new ScriptedBrowser(Decision.ALLOW));
    }

    @AfterEach
    void tearDown() {
        fx.close();
    }

    private Connection connect(String provider) throws Exception {
        return ((ConnectOutcome.Connected) outcomeOf(service.connect(tenant.id(), provider, ConnectListener.NONE)))
                .connection();
    }

    private ConnectionHealth only(List<ConnectionHealth> results, Connection connection) {
        return results.stream().filter(health -> health.connection().id().equals(connection.id())).findFirst()
                .orElseThrow();
    }

    @Test
    void aHealthyConnection_staysConnectedAndRecordsWhenItWasChecked() throws Exception {
        Connection hubspot = connect("hubspot");

        ConnectionHealth health = only(service.checkConnections(tenant.id(), result -> { }), hubspot);

        assertThat(health.status()).isEqualTo(ConnectionStatus.ACTIVE);
        assertThat(health.words()).isEqualTo("connected");
        Connection stored = fx.store.connections().find(tenant.id(), hubspot.id()).orElseThrow();
        assertThat(stored.lastChecked()).contains(health.checkedAt());
        assertThat(stored.lastError()).isEmpty();
        assertThat(fx.store.audit().list(tenant.id())).extracting(AuditEvent::action)
                .doesNotContain("connection.status-changed");
    }

    @Test
    void anExpiredSignIn_needsReconnecting_isStoredWithAirbytesReason_andTheChangeIsAudited() throws Exception {
        Connection hubspot = connect("hubspot");
        fx.airbyte.simulator().expireSourceTokens(hubspot.sourceId());

        ConnectionHealth health = only(service.checkConnections(tenant.id(), result -> { }), hubspot);

        assertThat(health.status()).isEqualTo(ConnectionStatus.NEEDS_REAUTH);
        assertThat(health.before()).isEqualTo(ConnectionStatus.ACTIVE);
        Connection stored = fx.store.connections().find(tenant.id(), hubspot.id()).orElseThrow();
        assertThat(stored.status()).isEqualTo(ConnectionStatus.NEEDS_REAUTH);
        assertThat(stored.lastError()).hasValueSatisfying(error -> assertThat(error).contains("expired"));
        assertThat(fx.store.audit().list(tenant.id())).filteredOn(e -> e.action().equals("connection.status-changed"))
                .singleElement().satisfies(e -> assertThat(e.details()).contains("from=ACTIVE", "to=NEEDS_REAUTH"));
    }

    @Test
    void aCheckTheProviderRefusesTheSignIn_needsReconnecting_withTheProvidersWords() throws Exception {
        Connection hubspot = connect("hubspot");
        fx.airbyte.simulator().faults().arm(Fault.parse("check-auth"));

        ConnectionHealth health = only(service.checkConnections(tenant.id(), result -> { }), hubspot);

        assertThat(health.status()).isEqualTo(ConnectionStatus.NEEDS_REAUTH);
        assertThat(health.error()).hasValue("HTTP 401 Unauthorized: The access token provided is expired, revoked,"
                + " malformed, or invalid for other reasons.");
        assertThat(fx.store.connections().find(tenant.id(), hubspot.id()).orElseThrow().status())
                .isEqualTo(ConnectionStatus.NEEDS_REAUTH);
    }

    @Test
    void aCheckTheProviderFailsForAnotherReason_isFailing_notNeedsReconnecting() throws Exception {
        Connection hubspot = connect("hubspot");
        fx.airbyte.simulator().faults().arm(Fault.parse("check-fail@" + hubspot.sourceId()));

        ConnectionHealth health = only(service.checkConnections(tenant.id(), result -> { }), hubspot);

        assertThat(health.status()).isEqualTo(ConnectionStatus.FAILED);
        assertThat(health.words()).isEqualTo("failing");
        assertThat(health.error()).hasValueSatisfying(error -> assertThat(error)
                .startsWith("Unable to connect to HubSpot's API: the provider answered HTTP 500"));
        assertThat(fx.airbyte.simulator().faults().pending()).isZero();
    }

    @Test
    void aSourceDeletedInTheSimulatorBehindOnrampsBack_isMissingInAirbyte() throws Exception {
        Connection hubspot = connect("hubspot");
        fx.airbyte.simulator().deleteSource(hubspot.sourceId());

        ConnectionHealth health = only(service.checkConnections(tenant.id(), result -> { }), hubspot);

        assertThat(health.status()).isEqualTo(ConnectionStatus.MISSING);
    }

    @Test
    void aSourceDeletedBehindOnrampsBack_isMissingInAirbyte() throws Exception {
        Connection hubspot = connect("hubspot");
        fx.airbyte.directGateway().deleteSource(hubspot.sourceId());

        ConnectionHealth health = only(service.checkConnections(tenant.id(), result -> { }), hubspot);

        assertThat(health.status()).isEqualTo(ConnectionStatus.MISSING);
        assertThat(health.words()).isEqualTo("missing in Airbyte");
        assertThat(fx.store.connections().find(tenant.id(), hubspot.id()).orElseThrow().status())
                .isEqualTo(ConnectionStatus.MISSING);
    }

    @Test
    void anAirbyteThatCannotBeReached_checksNothing_andKeepsEachStatusWithTheReason() throws Exception {
        Connection hubspot = connect("hubspot");
        fx.airbyte.proxy().close();

        ConnectionHealth health = only(service.checkConnections(tenant.id(), result -> { }), hubspot);

        assertThat(health.checked()).isFalse();
        assertThat(health.words()).isEqualTo("not checked");
        assertThat(health.error()).hasValueSatisfying(error -> assertThat(error).contains("could not reach"));
        Connection stored = fx.store.connections().find(tenant.id(), hubspot.id()).orElseThrow();
        assertThat(stored.status()).isEqualTo(ConnectionStatus.ACTIVE);
        assertThat(stored.lastChecked()).as("a check that could not run is no check").isEqualTo(hubspot.lastChecked());
        assertThat(stored.lastError()).hasValueSatisfying(error -> assertThat(error).contains("could not reach"));
    }

    @Test
    void aConnectionMadeInAnotherAirbyte_isInAnotherAirbyte_withoutAskingEither_andNeverConnected() throws Exception {
        Connection hubspot = connect("hubspot");
        assertThat(hubspot.airbyte()).hasValueSatisfying(made -> {
            assertThat(made.address()).isEqualTo(fx.airbyte.gateway().baseUrl().toString());
            assertThat(made.workspaceId()).isPresent();
        });
        try (SimulatedAirbyte other = SimulatedAirbyte.start()) {
            ConnectService elsewhere = fx.service(other.gateway(), url -> false, SelfManagedFixture.WAIT);

            ConnectionHealth health = only(elsewhere.checkConnections(tenant.id(), result -> { }), hubspot);

            assertThat(health.status()).isEqualTo(ConnectionStatus.OTHER_AIRBYTE);
            assertThat(health.words()).isEqualTo("in another Airbyte");
            assertThat(health.error()).hasValueSatisfying(error -> assertThat(error)
                    .contains(fx.airbyte.gateway().baseUrl().toString(), other.gateway().baseUrl().toString(), "Settings"));
            assertThat(other.proxy().calls()).as("the other Airbyte is not asked for a source it cannot have")
                    .noneMatch(call -> call.endpoint().contains("check_connection"));
            assertThat(fx.store.connections().find(tenant.id(), hubspot.id()).orElseThrow().status())
                    .isEqualTo(ConnectionStatus.OTHER_AIRBYTE);
        }

        ConnectionHealth back = only(service.checkConnections(tenant.id(), result -> { }), hubspot);

        assertThat(back.status()).as("back in the Airbyte it was made in").isEqualTo(ConnectionStatus.ACTIVE);
        assertThat(fx.store.audit().list(tenant.id())).filteredOn(e -> e.action().equals("connection.status-changed"))
                .extracting(AuditEvent::details).anySatisfy(d -> assertThat(d).contains("to=OTHER_AIRBYTE"))
                .anySatisfy(d -> assertThat(d).contains("from=OTHER_AIRBYTE", "to=ACTIVE"));
    }

    @Test
    void aConnectionWhoseAirbyteWasNotRecorded_isCheckedInTheBusinessesAirbyte_andThenKnownToLiveThere()
            throws Exception {
        Connection hubspot = connect("hubspot");
        try (java.sql.Connection jdbc = DriverManager.getConnection("jdbc:h2:file:" + dataDir.toAbsolutePath()
                .resolve("onramp") + ";TIME ZONE=UTC;IFEXISTS=TRUE", "onramp", "")) {
            jdbc.createStatement().executeUpdate("UPDATE connection SET airbyte_address = NULL, airbyte_workspace = NULL");
        }
        assertThat(fx.store.connections().find(tenant.id(), hubspot.id()).orElseThrow().airbyte()).isEmpty();

        ConnectionHealth health = only(service.checkConnections(tenant.id(), result -> { }), hubspot);

        assertThat(health.status()).isEqualTo(ConnectionStatus.ACTIVE);
        assertThat(fx.store.connections().find(tenant.id(), hubspot.id()).orElseThrow().airbyte())
                .isEqualTo(hubspot.airbyte());
    }

    @Test
    void aCheckThatTimesOut_checksNothing_keepsTheStatus_andSaysAirbyteDidNotAnswerInTime() throws Exception {
        Connection hubspot = connect("hubspot");
        fx.airbyte.simulator().faults().arm(dev.onramp.demo.Fault.slow(java.time.Duration.ofSeconds(3)).times(5)
                .on("/api/v1/sources/check_connection"));
        // The same Airbyte, asked with a short timeout.
        ConnectService impatient = fx.service(t -> new dev.onramp.airbyte.ConfigApiGateway(
                fx.airbyte.simulator().apiBaseUrl(), java.time.Duration.ofMillis(300)), url -> false,
                SelfManagedFixture.WAIT);
        dev.onramp.model.AirbyteLocation sameAirbyte = new dev.onramp.model.AirbyteLocation(
                fx.airbyte.simulator().apiBaseUrl().toString(), hubspot.airbyte().flatMap(a -> a.workspaceId()));
        try (java.sql.Connection jdbc = DriverManager.getConnection("jdbc:h2:file:" + dataDir.toAbsolutePath()
                .resolve("onramp") + ";TIME ZONE=UTC;IFEXISTS=TRUE", "onramp", "")) {
            jdbc.createStatement().executeUpdate("UPDATE connection SET airbyte_address = '" + sameAirbyte.address() + "'");
        }

        ConnectionHealth health = only(impatient.checkConnections(tenant.id(), result -> { }), hubspot);

        assertThat(health.checked()).isFalse();
        assertThat(health.error()).hasValueSatisfying(error -> assertThat(error).contains("did not", "within"));
        Connection stored = fx.store.connections().find(tenant.id(), hubspot.id()).orElseThrow();
        assertThat(stored.status()).isEqualTo(ConnectionStatus.ACTIVE);
        assertThat(stored.lastChecked()).isEqualTo(hubspot.lastChecked());
        assertThat(fx.store.audit().list(tenant.id())).extracting(AuditEvent::action)
                .doesNotContain("connection.status-changed");
    }

    @Test
    void everyConnection_isReportedAsItsCheckEnds() throws Exception {
        Connection hubspot = connect("hubspot");
        Connection mailchimp = connect("mailchimp");
        List<ConnectionHealth> heard = new CopyOnWriteArrayList<>();

        List<ConnectionHealth> results = service.checkConnections(tenant.id(), heard::add);

        assertThat(results).extracting(health -> health.connection().id())
                .containsExactlyInAnyOrder(hubspot.id(), mailchimp.id());
        assertThat(heard).hasSize(2);
    }
}
