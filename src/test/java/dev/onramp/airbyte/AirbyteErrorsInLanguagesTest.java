package dev.onramp.airbyte;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.onramp.airbyte.AirbyteException.Kind;
import dev.onramp.demo.AirbyteSimulator;
import dev.onramp.text.Messages;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Airbyte's errors, met over real HTTP (the simulator, a closed port), say their sentence in German and
 * French from the key and arguments they carry, while their message stays the English one.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AirbyteErrorsInLanguagesTest {
    private static final String SHOPIFY = "9da77001-af33-4bcd-be46-6252bf9342b9";
    private static final String HUBSPOT = "36c891d9-4bd9-43ac-bad2-10e12756272c";
    private static final Duration WAIT = Duration.ofSeconds(10);

    private final AirbyteSimulator simulator = AirbyteSimulator.start(Duration.ZERO);
    private final ConnectorNames names = id -> id.equals(SHOPIFY) ? Optional.of("Shopify") : Optional.empty();
    private final ConfigApiGateway gateway = new ConfigApiGateway(simulator.apiBaseUrl(), Optional.empty(),
            CallPolicy.standard(WAIT), names);

    @AfterAll
    void stop() {
        simulator.close();
    }

    @Test
    void aConfigurationThatDoesNotFitTheSpecification_isRefusedInGermanAndFrench() {
        ObjectNode configuration = new ObjectMapper().createObjectNode().put("start_date", "2024-01-01");
        configuration.putObject("credentials").put("auth_method", "api_password");

        AirbyteException refused = catchThrowableOfType(AirbyteException.class,
                () -> gateway.createSource(simulator.workspaceId(), SHOPIFY, "Shopify", configuration));

        assertThat(refused.kind()).isEqualTo(Kind.REJECTED);
        assertThat(refused).hasMessage("Onramp did not ask Airbyte to create the source, because the settings do not"
                + " fit the specification of the Shopify connector: \"API Password\" (credentials.api_password) is"
                + " missing; \"Shopify Store\" (shop) is missing. Correct them and try again.");
        assertThat(Messages.of(Locale.GERMAN).message(refused)).isEqualTo("Onramp hat Airbyte nicht um das Anlegen der"
                + " Quelle gebeten, weil die Einstellungen nicht zur Spezifikation für den Connector Shopify passen:"
                + " \"API Password\" (credentials.api_password) fehlt; \"Shopify Store\" (shop) fehlt. Korrigieren Sie"
                + " sie und versuchen Sie es erneut.");
        assertThat(Messages.of(Locale.FRENCH).message(refused)).startsWith("Onramp n’a pas demandé à Airbyte de créer"
                + " la source, car les paramètres ne correspondent pas à la spécification pour le connecteur Shopify :");
    }

    @Test
    void anAirbyteWithoutAnOAuthAppForTheConnector_saysWhoFixesItInGerman() {
        try (AirbyteSimulator bare = AirbyteSimulator.start(Duration.ZERO)) {
            bare.withoutOAuthApp("hubspot");
            ConfigApiGateway to = new ConfigApiGateway(bare.apiBaseUrl(), WAIT);

            AirbyteException refused = catchThrowableOfType(AirbyteException.class, () -> to.getConsentUrl(HUBSPOT,
                    bare.workspaceId(), URI.create("http://127.0.0.1:47001/oauth-callback"), null));

            assertThat(refused.kind()).isEqualTo(Kind.NO_OAUTH_APP);
            assertThat(refused).hasMessageStartingWith("Airbyte at " + bare.apiBaseUrl() + " has no OAuth app for");
            assertThat(Messages.of(Locale.GERMAN).message(refused))
                    .startsWith("Airbyte unter " + bare.apiBaseUrl() + " hat keine OAuth-App für den Connector mit der"
                            + " ID " + HUBSPOT + ": Sein Betreiber registriert eine beim Anbieter");
        }
    }

    @Test
    void anAirbyteThatDoesNotAnswer_isSaidUnreachableInGermanAndFrench() throws IOException {
        URI closed;
        try (ServerSocket socket = new ServerSocket(0)) {
            closed = URI.create("http://127.0.0.1:" + socket.getLocalPort() + "/api");
        }
        ConfigApiGateway nobody = new ConfigApiGateway(closed, WAIT);

        AirbyteException unreachable = catchThrowableOfType(AirbyteException.class, nobody::listWorkspaces);

        assertThat(unreachable.kind()).isEqualTo(Kind.UNREACHABLE);
        assertThat(unreachable).hasMessage("Onramp could not reach Airbyte at " + closed
                + ". Check that it is running and that the address is right.");
        assertThat(Messages.of(Locale.GERMAN).message(unreachable)).isEqualTo("Onramp konnte Airbyte unter " + closed
                + " nicht erreichen. Prüfen Sie, dass es läuft und die Adresse stimmt.");
        assertThat(Messages.of(Locale.FRENCH).message(unreachable)).isEqualTo("Onramp n’a pas pu joindre Airbyte à"
                + " l’adresse " + closed + ". Vérifiez qu’il tourne et que l’adresse est la bonne.");
    }
}
