package dev.onramp.airbyte;

import static org.assertj.core.api.Assertions.assertThat;

import dev.onramp.demo.AirbyteSimulator;
import dev.onramp.model.AirbyteSettings;
import dev.onramp.testing.BundledSpecs;
import java.net.URI;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** Settings' Airbyte target turned into the gateway that speaks its flavour. */
class AirbyteGatewaysTest {
    private final AtomicInteger demoAsked = new AtomicInteger();
    private final AirbyteGateways gateways = new AirbyteGateways(CallPolicy.standard(Duration.ofSeconds(5)),
            ConnectorNames.NONE, BundledSpecs.shipped(), () -> {
                demoAsked.incrementAndGet();
                return URI.create("http://127.0.0.1:1/api");
            });

    @Test
    void demo_isTheConfigApiOfTheSimulator() {
        AirbyteGateway gateway = gateways.open(new AirbyteSettings.Demo());

        assertThat(gateway).isInstanceOf(ConfigApiGateway.class);
        assertThat(gateway.baseUrl()).isEqualTo(URI.create("http://127.0.0.1:1/api"));
        assertThat(demoAsked).hasValue(1);
    }

    @Test
    void selfManaged_isTheConfigApiUnderApiWithoutAskingForTheSimulator() {
        AirbyteGateway gateway = gateways.open(new AirbyteSettings.SelfManaged(URI.create("http://localhost:8000")));

        assertThat(gateway).isInstanceOf(ConfigApiGateway.class);
        assertThat(gateway.baseUrl()).isEqualTo(URI.create("http://localhost:8000/api"));
        assertThat(demoAsked).hasValue(0);
    }

    @Test
    void selfManagedAddress_acceptsTheApiSuffixAndATrailingSlash() {
        assertThat(new AirbyteSettings.SelfManaged(URI.create("http://localhost:8000/api/")).url())
                .isEqualTo(URI.create("http://localhost:8000/api"));
        assertThat(new AirbyteSettings.SelfManaged(URI.create("https://airbyte.example.com/")).url())
                .isEqualTo(URI.create("https://airbyte.example.com/api"));
    }

    @Test
    void cloud_isThePublicApiGatewayWithItsWorkspace() {
        AirbyteGateway gateway = gateways.open(new AirbyteSettings.Cloud("client", "secret", "ws-1",
                URI.create("https://relay.example.com/")));

        assertThat(gateway).isInstanceOfSatisfying(PublicApiGateway.class, cloud -> {
            assertThat(cloud.baseUrl()).isEqualTo(AirbyteSettings.Cloud.AIRBYTE_CLOUD);
            assertThat(cloud.workspaceId()).hasValue("ws-1");
            assertThat(cloud.relayUrl()).isEqualTo(URI.create("https://relay.example.com/"));
        });
    }

    @Test
    void targetsDescribedForLogs_hideTheirSecrets() {
        AirbyteSettings cloud = new AirbyteSettings.Cloud("client-id", "cloud-secret-value", "", URI.create(""));
        AirbyteSettings selfManaged = new AirbyteSettings.SelfManaged(URI.create("http://localhost:8000"),
                Optional.of(new AirbyteSettings.Basic("airbyte", "basic-password-value")));

        assertThat(cloud.toString()).contains("client-id").doesNotContain("cloud-secret-value");
        assertThat(selfManaged.toString()).contains("airbyte").doesNotContain("basic-password-value");
    }

    @Test
    void cloudGateway_againstTheSimulatorListsItsWorkspace() {
        try (AirbyteSimulator simulator = AirbyteSimulator.builder().start()) {
            AirbyteGateway gateway = gateways.open(new AirbyteSettings.Cloud(simulator.publicApiBaseUrl(), simulator.cloudClientId(),
                    simulator.cloudClientSecret(), "", URI.create("")));

            assertThat(gateway.listWorkspaces()).extracting(Workspace::id).containsExactly(simulator.workspaceId());
        }
    }
}
