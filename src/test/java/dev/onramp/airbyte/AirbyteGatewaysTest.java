package dev.onramp.airbyte;

import static org.assertj.core.api.Assertions.assertThat;

import dev.onramp.demo.AirbyteSimulator;
import java.net.URI;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** Settings' Airbyte target turned into the gateway that speaks its flavour. */
class AirbyteGatewaysTest {
    private final AtomicInteger demoAsked = new AtomicInteger();
    private final AirbyteGateways gateways = new AirbyteGateways(CallPolicy.standard(Duration.ofSeconds(5)),
            ConnectorNames.NONE, () -> {
                demoAsked.incrementAndGet();
                return URI.create("http://127.0.0.1:1/api");
            });

    @Test
    void demo_isTheConfigApiOfTheSimulator() {
        AirbyteGateway gateway = gateways.open(new AirbyteTarget.Demo());

        assertThat(gateway).isInstanceOf(ConfigApiGateway.class);
        assertThat(gateway.baseUrl()).isEqualTo(URI.create("http://127.0.0.1:1/api"));
        assertThat(demoAsked).hasValue(1);
    }

    @Test
    void selfManaged_isTheConfigApiUnderApiWithoutAskingForTheSimulator() {
        AirbyteGateway gateway = gateways.open(new AirbyteTarget.SelfManaged(URI.create("http://localhost:8000")));

        assertThat(gateway).isInstanceOf(ConfigApiGateway.class);
        assertThat(gateway.baseUrl()).isEqualTo(URI.create("http://localhost:8000/api"));
        assertThat(demoAsked).hasValue(0);
    }

    @Test
    void selfManagedAddress_acceptsTheApiSuffixAndATrailingSlash() {
        assertThat(new AirbyteTarget.SelfManaged(URI.create("http://localhost:8000/api/")).apiBase())
                .isEqualTo(URI.create("http://localhost:8000/api"));
        assertThat(new AirbyteTarget.SelfManaged(URI.create("https://airbyte.example.com/")).apiBase())
                .isEqualTo(URI.create("https://airbyte.example.com/api"));
    }

    @Test
    void cloud_isThePublicApiGatewayWithItsWorkspace() {
        AirbyteGateway gateway = gateways.open(new AirbyteTarget.Cloud("client", "secret", Optional.of("ws-1"),
                Optional.of(URI.create("https://relay.example.com/"))));

        assertThat(gateway).isInstanceOfSatisfying(PublicApiGateway.class, cloud -> {
            assertThat(cloud.baseUrl()).isEqualTo(AirbyteTarget.Cloud.AIRBYTE_CLOUD);
            assertThat(cloud.workspaceId()).hasValue("ws-1");
            assertThat(cloud.relayUrl()).isEqualTo(URI.create("https://relay.example.com/"));
        });
    }

    @Test
    void targetsDescribedForLogs_hideTheirSecrets() {
        AirbyteTarget cloud = new AirbyteTarget.Cloud("client-id", "cloud-secret-value", Optional.empty(), Optional.empty());
        AirbyteTarget selfManaged = new AirbyteTarget.SelfManaged(URI.create("http://localhost:8000"),
                Optional.of(new AirbyteTarget.BasicAuth("airbyte", "basic-password-value")));

        assertThat(cloud.toString()).contains("client-id").doesNotContain("cloud-secret-value");
        assertThat(selfManaged.toString()).contains("airbyte").doesNotContain("basic-password-value");
    }

    @Test
    void cloudGateway_againstTheSimulatorListsItsWorkspace() {
        try (AirbyteSimulator simulator = AirbyteSimulator.builder().start()) {
            AirbyteGateway gateway = gateways.open(new AirbyteTarget.Cloud(simulator.publicApiBaseUrl(), simulator.cloudClientId(),
                    simulator.cloudClientSecret(), Optional.empty(), Optional.empty()));

            assertThat(gateway.listWorkspaces()).extracting(Workspace::id).containsExactly(simulator.workspaceId());
        }
    }
}
