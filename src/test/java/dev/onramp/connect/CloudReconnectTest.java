package dev.onramp.connect;

import static dev.onramp.connect.CloudFixture.WAIT;
import static dev.onramp.connect.CloudFixture.outcomeOf;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.onramp.model.AirbyteSettings;
import dev.onramp.airbyte.PublicApiGateway;
import dev.onramp.model.AuditEvent;
import dev.onramp.model.Connection;
import dev.onramp.model.FlowState;
import dev.onramp.model.Provider;
import dev.onramp.testing.AirbyteProxy;
import dev.onramp.testing.BundledSpecs;
import dev.onramp.testing.RelayPageStandIn;
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
 * Reconnecting an Airbyte Cloud connection against the simulator over HTTP, behind a proxy that
 * records what the gateway sends: consent through the relay, then {@code PATCH /v1/sources/{id}}.
 */
class CloudReconnectTest {
    private static final URI RELAY = URI.create("https://relay.example.com/onramp/");
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dataDir;

    private CloudFixture fx;
    private AirbyteProxy proxy;
    private PublicApiGateway gateway;

    @BeforeEach
    void setUp() {
        fx = new CloudFixture(dataDir);
        proxy = AirbyteProxy.inFrontOf(fx.simulator.publicApiBaseUrl());
        URI proxied = URI.create(proxy.apiBase().toString().replaceFirst("/api$", "/v1"));
        gateway = new PublicApiGateway(new AirbyteSettings.Cloud(proxied, fx.simulator.cloudClientId(),
                fx.simulator.cloudClientSecret(), fx.simulator.workspaceId(), RELAY),
                fx.policy(Duration.ofSeconds(5)), id -> fx.catalog.providers().stream()
                        .filter(p -> p.definitionId().equals(id)).map(Provider::name).findFirst(),
                BundledSpecs.shipped());
    }

    @AfterEach
    void tearDown() {
        proxy.close();
        fx.close();
    }

    private ConnectService service() {
        return fx.service(gateway, new ScriptedBrowser(Decision.ALLOW, Duration.ofSeconds(10), new RelayPageStandIn(RELAY)),
                WAIT);
    }

    private Connection connectHubspot() throws Exception {
        return ((ConnectOutcome.Connected) outcomeOf(service().connect(fx.tenant.id(), "hubspot", ConnectListener.NONE)))
                .connection();
    }

    @Test
    void expiredSource_passesItsTestAgainAfterReconnectUnderTheSameId() throws Exception {
        Connection connection = connectHubspot();
        fx.simulator.expireSourceTokens(connection.sourceId());
        assertThat(gateway.checkConnection(connection.sourceId()).succeeded()).isFalse();

        ConnectOutcome outcome = outcomeOf(service().reconnect(fx.tenant.id(), connection.id(), ConnectListener.NONE));

        assertThat(outcome).isInstanceOf(ConnectOutcome.Connected.class);
        assertThat(((ConnectOutcome.Connected) outcome).connection().sourceId()).isEqualTo(connection.sourceId());
        assertThat(fx.simulator.sourceIds()).containsExactly(connection.sourceId());
        assertThat(gateway.checkConnection(connection.sourceId()).succeeded()).isTrue();
        assertThat(fx.store.journal().find(fx.tenant.id(), outcome.flowId()).orElseThrow().state())
                .isEqualTo(FlowState.STORED);
    }

    @Test
    void patchAnsweredButNotApplied_isNoSuccessWhileTheSourceStillHoldsItsOldExpiredSignIn() throws Exception {
        Connection connection = connectHubspot();
        fx.simulator.expireSourceTokens(connection.sourceId());
        // An Airbyte that answers the PATCH without giving the source the new sign-in.
        proxy.replace("/v1/sources/" + connection.sourceId(), 200, body -> "{\"sourceId\":\"" + connection.sourceId()
                + "\",\"name\":\"HubSpot\",\"sourceType\":\"hubspot\",\"workspaceId\":\"" + fx.simulator.workspaceId()
                + "\",\"configuration\":{}}");

        ConnectOutcome outcome = outcomeOf(service().reconnect(fx.tenant.id(), connection.id(), ConnectListener.NONE));

        assertThat(outcome).isInstanceOfSatisfying(ConnectOutcome.Ended.class, ended -> {
            assertThat(ended.state()).isEqualTo(FlowState.FAILED);
            assertThat(ended.message()).startsWith("Airbyte could not read from HubSpot with the new sign-in");
        });
        assertThat(fx.store.audit().list(fx.tenant.id())).extracting(AuditEvent::action)
                .doesNotContain("connect.reauthorized");
    }

    @Test
    void patch_carriesTheNewSecretIdAndTheOAuthPredicate() throws Exception {
        Connection connection = connectHubspot();
        String firstSecret = sentSecretIds().getFirst();

        outcomeOf(service().reconnect(fx.tenant.id(), connection.id(), ConnectListener.NONE));

        AirbyteProxy.Call patch = proxy.calls().stream()
                .filter(call -> call.endpoint().equals("/v1/sources/" + connection.sourceId()) && !call.body().isBlank())
                .findFirst().orElseThrow();
        JsonNode body = JSON.readTree(patch.body());
        assertThat(body.path("secretId").asText()).isNotEqualTo(firstSecret).isIn(fx.simulator.issuedSecrets());
        assertThat(body.at("/configuration/credentials/credentials_title").asText()).isEqualTo("OAuth Credentials");
        assertThat(proxy.calls()).filteredOn(call -> call.endpoint().equals("/v1/sources")).hasSize(1);
    }

    @Test
    void reconnect_storesTheStreamsAgainAndAuditsReauthorized() throws Exception {
        Connection connection = connectHubspot();

        outcomeOf(service().reconnect(fx.tenant.id(), connection.id(), ConnectListener.NONE));

        Connection stored = fx.store.connections().find(fx.tenant.id(), connection.id()).orElseThrow();
        assertThat(stored.streams()).contains("contacts", "companies", "deals");
        assertThat(stored.lastChecked()).isPresent();
        List<AuditEvent> entries = fx.store.audit().list(fx.tenant.id());
        assertThat(entries).filteredOn(e -> e.action().equals("connect.reauthorized")).singleElement()
                .satisfies(entry -> assertThat(fx.simulator.issuedSecrets())
                        .allSatisfy(secret -> assertThat(entry.details()).doesNotContain(secret)));
    }

    /** The secret ids the gateway sent to create sources, in order. */
    private List<String> sentSecretIds() {
        return proxy.calls().stream().filter(call -> call.endpoint().equals("/v1/sources"))
                .map(call -> {
                    try {
                        return JSON.readTree(call.body()).path("secretId").asText();
                    } catch (com.fasterxml.jackson.core.JacksonException e) {
                        throw new IllegalStateException(e);
                    }
                }).toList();
    }
}
