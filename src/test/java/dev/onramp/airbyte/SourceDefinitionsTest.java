package dev.onramp.airbyte;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.onramp.airbyte.AirbyteException.Kind;
import dev.onramp.demo.AirbyteSimulator;
import dev.onramp.model.AirbyteSettings;
import dev.onramp.testing.BundledSpecs;
import dev.onramp.testing.ScriptedServer;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** {@code source_definitions/list_for_workspace} through the gateways, over real HTTP. */
class SourceDefinitionsTest {
    private static final Duration WAIT = Duration.ofSeconds(10);
    private static final String JSON = "application/json";
    private static final String WORKSPACE = "6f3c1a52-2b7e-4c1e-9a55-0d8e4f1b2c3d";

    @Test
    void selfManagedAirbyte_listsTheWorkspacesConnectorsWithTheirImages() {
        try (AirbyteSimulator simulator = AirbyteSimulator.start(Duration.ZERO)) {
            ConfigApiGateway gateway = new ConfigApiGateway(simulator.apiBaseUrl(), WAIT);

            List<SourceDefinition> definitions = gateway.sourceDefinitions(simulator.workspaceId()).orElseThrow();

            assertThat(definitions).hasSizeGreaterThanOrEqualTo(550);
            SourceDefinition stripe = definitions.stream().filter(d -> d.name().equals("Stripe")).findFirst().orElseThrow();
            assertThat(stripe.definitionId()).isEqualTo(ConfigApiGatewayTest.STRIPE);
            assertThat(stripe.dockerRepository()).isEqualTo("airbyte/source-stripe");
            assertThat(stripe.slug()).isEqualTo("stripe");
            assertThat(stripe.custom()).isFalse();
            assertThat(stripe.documentationUrl()).isPresent();
        }
    }

    @Test
    void fullDefinition_readsEveryFieldOnrampKeeps() {
        try (ScriptedServer server = ScriptedServer.answering(200, JSON, """
                {"sourceDefinitions":[{"sourceDefinitionId":"11111111-2222-3333-4444-555555555555","name":"Acme Orders",
                "dockerRepository":"acme/acme-orders","dockerImageTag":"1.2.3","documentationUrl":"https://acme.example/docs",
                "icon":"https://acme.example/icon.svg","supportLevel":"none","releaseStage":"custom","sourceType":"custom",
                "custom":true,"protocolVersion":"0.2.0"}]}""")) {
            SourceDefinition acme = gateway(server).sourceDefinitions(WORKSPACE).orElseThrow().getFirst();

            assertThat(acme).isEqualTo(new SourceDefinition("11111111-2222-3333-4444-555555555555", "Acme Orders",
                    "acme/acme-orders", "1.2.3", Optional.of("https://acme.example/docs"),
                    Optional.of("https://acme.example/icon.svg"), Optional.of("none"), Optional.of("custom"),
                    Optional.of("custom"), true));
            assertThat(acme.slug()).isEqualTo("acme-orders");
            assertThat(server.requests().getFirst().path()).isEqualTo("/api/v1/source_definitions/list_for_workspace");
            assertThat(server.requests().getFirst().body()).isEqualTo("{\"workspaceId\":\"" + WORKSPACE + "\"}");
        }
    }

    @Test
    void webPageInsteadOfTheList_isABadResponseSayingToCheckTheAddress() {
        try (ScriptedServer server = ScriptedServer.answering(200, "text/html", "<html>Airbyte</html>")) {
            assertThatThrownBy(() -> gateway(server).sourceDefinitions(WORKSPACE))
                    .isInstanceOfSatisfying(AirbyteException.class, e -> assertThat(e.kind()).isEqualTo(Kind.BAD_RESPONSE))
                    .hasMessageContaining("check that the address is Airbyte's");
        }
    }

    @Test
    void listOfTheWrongShape_isABadResponseNamingTheMissingField() {
        try (ScriptedServer server = ScriptedServer.answering(200, JSON, "{\"sourceDefinitions\":{\"name\":\"x\"}}")) {
            assertThatThrownBy(() -> gateway(server).sourceDefinitions(WORKSPACE))
                    .isInstanceOfSatisfying(AirbyteException.class, e -> assertThat(e.kind()).isEqualTo(Kind.BAD_RESPONSE))
                    .hasMessageContaining("\"sourceDefinitions\"");
        }
        try (ScriptedServer server = ScriptedServer.answering(200, JSON,
                "{\"sourceDefinitions\":[{\"sourceDefinitionId\":\"x\",\"name\":\"X\"}]}")) {
            assertThatThrownBy(() -> gateway(server).sourceDefinitions(WORKSPACE))
                    .isInstanceOfSatisfying(AirbyteException.class, e -> assertThat(e.kind()).isEqualTo(Kind.BAD_RESPONSE))
                    .hasMessageContaining("\"dockerRepository\"");
        }
    }

    @Test
    void unknownWorkspace_isNotFoundSayingToCheckIt() {
        try (ScriptedServer server = ScriptedServer.answering(404, JSON,
                "{\"message\":\"Could not find configuration for STANDARD_WORKSPACE: " + WORKSPACE + ".\"}")) {
            assertThatThrownBy(() -> gateway(server).sourceDefinitions(WORKSPACE))
                    .isInstanceOfSatisfying(AirbyteException.class, e -> assertThat(e.kind()).isEqualTo(Kind.NOT_FOUND))
                    .hasMessageContaining("could not list its connectors")
                    .hasMessageContaining("Check that the workspace still exists in this Airbyte.");
        }
    }

    @Test
    void airbyteCloud_listsNoDefinitionsAndAsksNothing() {
        try (ScriptedServer server = ScriptedServer.answering(500, JSON, "{}")) {
            PublicApiGateway cloud = new PublicApiGateway(new AirbyteSettings.Cloud(server.publicApiBase(), "id", "secret",
                    WORKSPACE, URI.create("https://relay.example.com/")), CallPolicy.standard(WAIT), ConnectorNames.NONE,
                    BundledSpecs.shipped());

            assertThat(cloud.sourceDefinitions(WORKSPACE)).isEmpty();
            assertThat(server.requests()).isEmpty();
        }
    }

    private static ConfigApiGateway gateway(ScriptedServer server) {
        return new ConfigApiGateway(server.apiBase(), Optional.empty(),
                CallPolicy.standard(WAIT), ConnectorNames.NONE);
    }
}
