package dev.onramp.connect;

import static dev.onramp.connect.CloudFixture.WAIT;
import static dev.onramp.connect.CloudFixture.outcomeOf;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.onramp.connect.form.FormValues;
import dev.onramp.model.Connection;
import dev.onramp.model.InvalidInputException;
import dev.onramp.testing.RelayPageStandIn;
import dev.onramp.testing.ScriptedBrowser;
import dev.onramp.testing.ScriptedBrowser.Decision;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Zendesk on the simulated Airbyte Cloud over HTTP: its subdomain goes to initiateOAuth and into the source. */
class CloudConsentInputsTest {
    private static final URI RELAY = URI.create("https://relay.example.com/onramp/");

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

    private ConnectService service(dev.onramp.oauth.BrowserLauncher browser) {
        return fx.service(fx.gateway(Optional.of(RELAY), Duration.ofSeconds(5)), browser, WAIT);
    }

    @Test
    void zendeskWithASubdomain_connectsAndTheSourceCarriesTheSubdomain() throws Exception {
        ScriptedBrowser browser = new ScriptedBrowser(Decision.ALLOW, Duration.ofSeconds(10), new RelayPageStandIn(RELAY));

        ConnectOutcome outcome = outcomeOf(service(browser).connect(fx.tenant.id(), "zendesk-support",
                new FormValues(Map.of("subdomain", "acme")), ConnectListener.NONE));

        // The simulated Cloud refuses initiateOAuth without the subdomain and a source without it at its path.
        assertThat(outcome).isInstanceOf(ConnectOutcome.Connected.class);
        Connection connection = ((ConnectOutcome.Connected) outcome).connection();
        assertThat(fx.simulator.calls()).contains("POST /v1/sources/initiateOAuth", "POST /v1/sources");
        String stored = new String(fx.store.connections().secretConfig(fx.tenant.id(), connection.id()).orElseThrow(),
                StandardCharsets.UTF_8);
        JsonNode configuration = new ObjectMapper().readTree(stored);
        assertThat(configuration.path("subdomain").asText()).isEqualTo("acme");
        assertThat(configuration.at("/credentials/credentials").asText()).isEqualTo("oauth2_refresh");
        assertThat(fx.simulator.issuedSecrets()).allSatisfy(secret -> assertThat(stored).doesNotContain(secret));
    }

    @Test
    void zendeskWithoutItsSubdomain_isRefusedBeforeAirbyteIsAskedOrABrowserOpens() {
        List<URI> opened = new CopyOnWriteArrayList<>();

        assertThatThrownBy(() -> service(opened::add).connect(fx.tenant.id(), "zendesk-support", FormValues.empty(),
                ConnectListener.NONE))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("Subdomain is required");
        assertThat(opened).isEmpty();
        assertThat(fx.simulator.calls()).doesNotContain("POST /v1/sources/initiateOAuth");
    }
}
