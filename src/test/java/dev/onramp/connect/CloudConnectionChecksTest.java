package dev.onramp.connect;

import static dev.onramp.connect.CloudFixture.WAIT;
import static dev.onramp.connect.CloudFixture.outcomeOf;
import static org.assertj.core.api.Assertions.assertThat;

import dev.onramp.airbyte.PublicApiGateway;
import dev.onramp.demo.Fault;
import dev.onramp.model.Connection;
import dev.onramp.model.ConnectionStatus;
import dev.onramp.testing.RelayPageStandIn;
import dev.onramp.testing.ScriptedBrowser;
import dev.onramp.testing.ScriptedBrowser.Decision;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Checking Airbyte Cloud connections again in the simulator over HTTP: a fresh stream listing is Cloud's
 * test, and a discover that failed in the connector tells a refused sign-in from a failing provider.
 */
class CloudConnectionChecksTest {
    private static final URI RELAY = URI.create("https://relay.example.com/onramp/");

    @TempDir
    Path dataDir;

    private CloudFixture fx;
    private PublicApiGateway gateway;
    private ConnectService service;

    @BeforeEach
    void setUp() {
        fx = new CloudFixture(dataDir);
        gateway = fx.gateway(Optional.of(RELAY), Duration.ofSeconds(5));
        service = fx.service(gateway, new ScriptedBrowser(Decision.ALLOW, Duration.ofSeconds(10),
                new RelayPageStandIn(RELAY)), WAIT);
    }

    @AfterEach
    void tearDown() {
        fx.close();
    }

    private Connection connectHubspot() throws Exception {
        return ((ConnectOutcome.Connected) outcomeOf(service.connect(fx.tenant.id(), "hubspot", ConnectListener.NONE)))
                .connection();
    }

    private ConnectionHealth checkOnly(Connection connection) {
        return service.checkConnections(fx.tenant.id(), result -> { }).stream()
                .filter(health -> health.connection().id().equals(connection.id())).findFirst().orElseThrow();
    }

    @Test
    void aHealthyCloudConnection_isConnected() throws Exception {
        Connection hubspot = connectHubspot();

        assertThat(checkOnly(hubspot).status()).isEqualTo(ConnectionStatus.ACTIVE);
    }

    @Test
    void aRefusedSignIn_needsReconnecting_withTheConnectorsWords() throws Exception {
        Connection hubspot = connectHubspot();
        fx.simulator.faults().arm(Fault.parse("check-auth"));

        ConnectionHealth health = checkOnly(hubspot);

        assertThat(health.checked()).isTrue();
        assertThat(health.status()).isEqualTo(ConnectionStatus.NEEDS_REAUTH);
        assertThat(health.error()).hasValueSatisfying(error -> assertThat(error)
                .contains("HTTP 401 Unauthorized: The access token provided is expired, revoked, malformed, or invalid"
                        + " for other reasons"));
    }

    @Test
    void aFailingProvider_isFailing() throws Exception {
        Connection hubspot = connectHubspot();
        fx.simulator.faults().arm(Fault.parse("check-fail"));

        ConnectionHealth health = checkOnly(hubspot);

        assertThat(health.checked()).isTrue();
        assertThat(health.status()).isEqualTo(ConnectionStatus.FAILED);
        assertThat(health.error()).hasValueSatisfying(error -> assertThat(error)
                .contains("Unable to connect to HubSpot's API: the provider answered HTTP 500 Internal Server Error"));
    }

    @Test
    void anExpiredSignIn_needsReconnecting() throws Exception {
        Connection hubspot = connectHubspot();
        fx.simulator.expireSourceTokens(hubspot.sourceId());

        assertThat(checkOnly(hubspot).status()).isEqualTo(ConnectionStatus.NEEDS_REAUTH);
    }

    @Test
    void aSourceDeletedBehindOnrampsBack_isMissing() throws Exception {
        Connection hubspot = connectHubspot();
        fx.simulator.deleteSource(hubspot.sourceId());

        assertThat(checkOnly(hubspot).status()).isEqualTo(ConnectionStatus.MISSING);
    }
}
