package dev.onramp.airbyte;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import dev.onramp.demo.AirbyteSimulator;
import dev.onramp.demo.Fault;
import dev.onramp.model.AirbyteSettings;
import dev.onramp.testing.MutableClock;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.SplittableRandom;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Signing in to a protected self-managed Airbyte (the simulator's protected Config API) with an application or basic auth. */
class ClientCredentialsLoginTest {
    private static final CallPolicy NO_WAIT = new CallPolicy(Duration.ofSeconds(5), RetryPolicy.STANDARD, Clock.systemUTC(),
            wait -> {}, new SplittableRandom(3));

    private AirbyteSimulator simulator;

    @BeforeEach
    void start() {
        simulator = AirbyteSimulator.builder().protectedConfigApi().start();
    }

    @AfterEach
    void stop() {
        simulator.close();
    }

    private ConfigApiGateway gateway(AirbyteSettings.Login login) {
        return new ConfigApiGateway(simulator.apiBaseUrl(), Optional.of(login), NO_WAIT, ConnectorNames.NONE);
    }

    private AirbyteSettings.ClientCredentials application() {
        return new AirbyteSettings.ClientCredentials(simulator.configApiClientId(), simulator.configApiClientSecret());
    }

    @Test
    void clientCredentials_mintOneTokenAndUseItForEveryCall() {
        ConfigApiGateway gateway = gateway(application());

        assertThat(gateway.listWorkspaces()).extracting(Workspace::id).containsExactly(simulator.workspaceId());
        assertThat(gateway.listWorkspaces()).hasSize(1);

        assertThat(simulator.calls()).containsExactly("POST /api/v1/applications/token",
                "POST /api/v1/workspaces/list_by_organization_id", "POST /api/v1/workspaces/list_by_organization_id");
    }

    @Test
    void refusedToken_isMintedAgainAndTheCallSentOnceMore() {
        ConfigApiGateway gateway = gateway(application());
        gateway.listWorkspaces();
        simulator.faults().arm(Fault.expiredToken());

        assertThat(gateway.listWorkspaces()).hasSize(1);

        assertThat(simulator.calls()).containsExactly("POST /api/v1/applications/token",
                "POST /api/v1/workspaces/list_by_organization_id", "POST /api/v1/workspaces/list_by_organization_id",
                "POST /api/v1/applications/token", "POST /api/v1/workspaces/list_by_organization_id");
    }

    @Test
    void tokenDueForRenewal_isMintedAgainBeforeTheNextCall() {
        MutableClock clock = new MutableClock(Instant.now());
        ConfigApiGateway gateway = new ConfigApiGateway(simulator.apiBaseUrl(), Optional.of(application()),
                new CallPolicy(Duration.ofSeconds(5), RetryPolicy.STANDARD, clock, wait -> {}, new SplittableRandom(3)),
                ConnectorNames.NONE);
        gateway.listWorkspaces();

        clock.advance(Duration.ofMinutes(3).minus(TokenCache.MARGIN));
        gateway.listWorkspaces();

        assertThat(simulator.calls()).filteredOn("POST /api/v1/applications/token"::equals).hasSize(2);
        assertThat(simulator.calls()).filteredOn(call -> call.endsWith("list_by_organization_id")).hasSize(2);
    }

    @Test
    void wrongClientSecret_saysAirbyteRejectedTheClientIdAndSecret() {
        ConfigApiGateway gateway = gateway(new AirbyteSettings.ClientCredentials(simulator.configApiClientId(),
                "not-the-secret-value"));

        assertThatExceptionOfType(AirbyteException.class).isThrownBy(gateway::listWorkspaces)
                .satisfies(e -> assertThat(e.kind()).isEqualTo(AirbyteException.Kind.UNAUTHORIZED))
                .withMessageContaining("rejected the client id/secret")
                .withMessageContaining("Settings")
                .withMessageNotContaining("not-the-secret-value");
    }

    @Test
    void basicAuth_isAcceptedByTheProtectedApi() {
        ConfigApiGateway gateway = gateway(new AirbyteSettings.Basic("airbyte", simulator.configApiPassword()));

        assertThat(gateway.listWorkspaces()).hasSize(1);
    }

    @Test
    void clientCredentialsForAnAirbyteWithoutAuthentication_sayToChooseNoLogin() {
        try (AirbyteSimulator open = AirbyteSimulator.start(Duration.ZERO)) {
            ConfigApiGateway gateway = new ConfigApiGateway(open.apiBaseUrl(),
                    Optional.of(new AirbyteSettings.ClientCredentials("app-id", "app-secret-value")), NO_WAIT,
                    ConnectorNames.NONE);

            assertThatExceptionOfType(AirbyteException.class).isThrownBy(gateway::listWorkspaces)
                    .satisfies(e -> assertThat(e.kind()).isEqualTo(AirbyteException.Kind.REJECTED))
                    .withMessageContaining("does not sign applications in").withMessageContaining("No login");
        }
    }

    @Test
    void noLogin_isRefusedWithTheCredentialsSentence() {
        ConfigApiGateway gateway = new ConfigApiGateway(simulator.apiBaseUrl(), Optional.empty(), NO_WAIT,
                ConnectorNames.NONE);

        assertThatExceptionOfType(AirbyteException.class).isThrownBy(gateway::listWorkspaces)
                .satisfies(e -> assertThat(e.kind()).isEqualTo(AirbyteException.Kind.UNAUTHORIZED))
                .withMessageContaining("Check the Airbyte credentials in Settings");
    }

    @Test
    void clientCredentialsTarget_hidesItsSecretWhenPrinted() {
        AirbyteSettings target = new AirbyteSettings.SelfManaged(simulator.apiBaseUrl(),
                Optional.of(new AirbyteSettings.ClientCredentials("app-id", "app-secret-value")));

        assertThat(target.toString()).contains("app-id").doesNotContain("app-secret-value");
    }
}
