package dev.onramp.demo;

import static dev.onramp.demo.SimulatorSteps.HUBSPOT;
import static dev.onramp.demo.SimulatorSteps.REDIRECT;
import static org.assertj.core.api.Assertions.assertThat;

import dev.onramp.demo.WireClient.Answer;
import dev.onramp.oauth.CallbackResult;
import dev.onramp.oauth.LoopbackReceiver;
import java.net.URI;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * A browser's sign-in in the language it asks for, over real HTTP: the simulated provider's consent
 * page, then Onramp's loopback landing page, both German for {@code de-DE}, French for {@code fr},
 * English without an Accept-Language header (the tests run in an English display language).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PageLanguagesTest {
    private final AirbyteSimulator simulator = AirbyteSimulator.start(Duration.ZERO);
    private final WireClient wire = new WireClient(simulator.apiBaseUrl());
    private final SimulatorSteps steps = new SimulatorSteps(simulator, wire);

    @AfterAll
    void stop() {
        simulator.close();
    }

    @ParameterizedTest(name = "Accept-Language \"{0}\"")
    @CsvSource(delimiter = '|', nullValues = "none", textBlock = """
            de-DE,de;q=0.9 | Demo-Modus: Der Simulator nimmt jeden Wert mit mindestens 8 Zeichen ohne Leerzeichen an.
            fr             | Démo : le simulateur accepte toute valeur d’au moins 8 caractères sans espace.
            none           | Demo: the simulator takes any value of 8 or more characters without spaces.
            """)
    void aSpecificationsDemoNotes_speakTheCallersLanguage_theSpecificationItselfStaysAirbytes(String acceptLanguage,
            String secretNote) {
        HttpRequest.Builder request = HttpRequest.newBuilder(
                        simulator.apiBaseUrl().resolve("/api/v1/source_definition_specifications/get"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"sourceDefinitionId\":\"" + SimulatorSteps.STRIPE
                        + "\",\"workspaceId\":\"" + simulator.workspaceId() + "\"}"));

        Answer answer = wire.send(asking(Optional.ofNullable(acceptLanguage), request));

        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.json().at("/connectionSpecification/properties/client_secret/description").asText())
                .startsWith("Stripe API key").endsWith(secretNote);
        assertThat(answer.json().at("/connectionSpecification/properties/client_secret/title").asText())
                .isEqualTo("Secret Key");
    }

    @ParameterizedTest(name = "Accept-Language \"{0}\" → {1}")
    @CsvSource(delimiter = '|', nullValues = "none", textBlock = """
            de-DE,de;q=0.9 | de | Airbyte (für Onramp) möchte auf Ihr Konto bei HubSpot zugreifen | Erlauben  | Anmeldung abgeschlossen
            fr             | fr | Airbyte (pour Onramp) souhaite accéder à votre compte HubSpot | Autoriser | Connexion réussie
            none           | en | Airbyte (for Onramp) wants to access your HubSpot account     | Allow     | Sign-in complete
            """)
    void consentPageAndLandingPage_speakTheBrowsersLanguage(String acceptLanguage, String language, String consentHeading,
            String allowButton, String landingHeading) throws Exception {
        Optional<String> header = Optional.ofNullable(acceptLanguage);
        try (LoopbackReceiver receiver = LoopbackReceiver.open(Duration.ofMinutes(1))) {
            URI consent = steps.consentUrl(HUBSPOT, receiver.redirectUri());
            receiver.expectState(WireClient.query(consent).get("state"));

            Answer page = wire.send(asking(header, HttpRequest.newBuilder(consent).GET()));

            assertThat(page.status()).isEqualTo(200);
            assertThat(page.response().headers().firstValue("Content-Language")).contains(language);
            assertThat(page.text()).contains("<html lang=\"" + language + "\">", "<h1>" + consentHeading + "</h1>",
                    "value=\"allow\" class=\"allow\">" + allowButton + "</button>",
                    // Catalog data stays as it is in every language.
                    "Demo Outfitters (portal 24681357)", "<li>Read your contacts, companies and deals</li>");

            Answer decided = wire.send(asking(header, HttpRequest.newBuilder(consent.resolve("decision"))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(
                            "state=" + WireClient.query(consent).get("state") + "&decision=allow"))));
            assertThat(decided.status()).isEqualTo(302);
            URI back = URI.create(decided.response().headers().firstValue("Location").orElseThrow());

            Answer landing = wire.send(asking(header, HttpRequest.newBuilder(back).GET()));

            assertThat(landing.status()).isEqualTo(200);
            assertThat(landing.response().headers().firstValue("Content-Language")).contains(language);
            assertThat(landing.text()).contains("<html lang=\"" + language + "\">", "<h1>" + landingHeading + "</h1>");
            CallbackResult callback = receiver.result().get(5, TimeUnit.SECONDS);
            assertThat(callback.params()).containsKey("code");
        }
    }

    @Test
    void consentPage_inGerman_translatesEverySentenceAroundTheCatalogData() {
        Answer page = wire.send(asking(Optional.of("de-DE,de;q=0.9"),
                HttpRequest.newBuilder(steps.consentUrl(HUBSPOT, REDIRECT)).GET()));

        assertThat(page.text()).contains("<title>HubSpot – Zugriff erlauben</title>",
                "<p class=\"account\">Angemeldet als Demo Outfitters (portal 24681357)</p>",
                "<p>Wenn Sie es erlauben, kann Airbyte:</p>",
                "value=\"deny\" class=\"deny\">Ablehnen</button>",
                "Demoseite des eingebauten Airbyte-Simulators von Onramp",
                "Nach Ihrer Wahl kehren Sie zu http://127.0.0.1:45678 zurück.")
                .doesNotContain("Signed in as", "wants to access", ">Deny<", ">Allow<");
    }

    @Test
    void problemPage_speaksTheBrowsersLanguage() {
        URI forged = URI.create(steps.consentUrl(HUBSPOT, REDIRECT).toString().replaceAll("state=[a-zA-Z]+", "state=abcdefg"));

        Answer french = wire.send(asking(Optional.of("fr-CH, fr;q=0.9, en;q=0.8"), HttpRequest.newBuilder(forged).GET()));
        Answer german = wire.send(asking(Optional.of("de"),
                HttpRequest.newBuilder(simulator.apiBaseUrl().resolve("/oauth/hubspot/nothing")).GET()));

        assertThat(french.status()).isEqualTo(400);
        assertThat(french.text()).contains("<html lang=\"fr\">", "<h1>Cette demande d’autorisation n’est pas valide</h1>");
        assertThat(german.status()).isEqualTo(404);
        assertThat(german.text()).contains("<html lang=\"de\">", "<h1>Hier gibt es keine Seite</h1>");
    }

    @ParameterizedTest(name = "Accept-Language \"{0}\"")
    @CsvSource(delimiter = '|', textBlock = """
            ja, es;q=0.8
            de;q=0, ja
            *
            de-DE;q=not-a-number
            """)
    void aBrowserAskingForNoLanguageTheSimulatorSpeaks_getsEnglish(String acceptLanguage) {
        Answer page = wire.send(asking(Optional.of(acceptLanguage),
                HttpRequest.newBuilder(steps.consentUrl(HUBSPOT, REDIRECT)).GET()));

        assertThat(page.status()).isEqualTo(200);
        assertThat(page.text()).contains("<html lang=\"en\">", "wants to access your HubSpot account");
    }

    @Test
    void secondChoiceSpoken_winsOverAFirstChoiceNotSpoken() {
        Answer page = wire.send(asking(Optional.of("es-ES, es;q=0.9, fr;q=0.5, de;q=0.4"),
                HttpRequest.newBuilder(steps.consentUrl(HUBSPOT, REDIRECT)).GET()));

        assertThat(page.text()).contains("<html lang=\"fr\">", "Connecté en tant que");
    }

    private static HttpRequest.Builder asking(Optional<String> acceptLanguage, HttpRequest.Builder request) {
        acceptLanguage.ifPresent(value -> request.header("Accept-Language", value));
        return request;
    }
}
