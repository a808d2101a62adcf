package dev.onramp.demo;

import static dev.onramp.demo.SimulatorSteps.HUBSPOT;
import static dev.onramp.demo.SimulatorSteps.REDIRECT;
import static dev.onramp.demo.SimulatorSteps.SALESFORCE;
import static org.assertj.core.api.Assertions.assertThat;

import dev.onramp.demo.WireClient.Answer;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** The simulated providers' consent pages and the redirects their Allow and Deny buttons send. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ConsentPagesTest {
    private static final String FACEBOOK = "e7778cfc-e97c-4458-9ecb-b4f2bba8946c";
    private final AirbyteSimulator simulator = AirbyteSimulator.start(Duration.ZERO);
    private final WireClient wire = new WireClient(simulator.apiBaseUrl());
    private final SimulatorSteps steps = new SimulatorSteps(simulator, wire);

    @AfterAll
    void stop() {
        simulator.close();
    }

    @Test
    void consentPage_namesTheProviderAndTheAccessAsked() {
        Answer page = wire.get(steps.consentUrl(HUBSPOT, REDIRECT));

        assertThat(page.status()).isEqualTo(200);
        assertThat(page.response().headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("text/html"));
        assertThat(page.text()).contains("HubSpot", "Read your contacts, companies and deals", "Demo Outfitters (portal 24681357)");
    }

    @Test
    void consentPage_isSelfContainedWithOnePlainForm() {
        String html = wire.get(steps.consentUrl(HUBSPOT, REDIRECT)).text();

        assertThat(html).doesNotContainIgnoringCase("<script").doesNotContainIgnoringCase("<link")
                .doesNotContainIgnoringCase("src=").doesNotContain("url(");
        assertThat(Pattern.compile("<form\\b").matcher(html).results().count()).isEqualTo(1);
        assertThat(html).contains("<form method=\"post\" action=\"/oauth/hubspot/decision\">",
                "name=\"decision\" value=\"allow\"", "name=\"decision\" value=\"deny\"", "type=\"hidden\" name=\"state\"");
    }

    @Test
    void consentPage_showsTheProvidersBrandIconInItsColour() throws IOException {
        String html = wire.get(steps.consentUrl(HUBSPOT, REDIRECT)).text();

        String[] hubspot = bundledLogo("hubspot");
        assertThat(html).contains("<svg viewBox=\"0 0 24 24\"", "<path fill=\"#" + hubspot[1] + "\" d=\"" + hubspot[2] + "\"/>");
        assertThat(html).contains("<div class=\"logo icon dark\""); // HubSpot's orange is too light for a white tile
    }

    @Test
    void consentPageOfADarkBrandColour_putsTheIconOnAWhiteTile() {
        String html = wire.get(steps.consentUrl(FACEBOOK, REDIRECT)).text();

        assertThat(html).contains("<div class=\"logo icon\"", "<path fill=\"#0866FF\" d=\"M");
    }

    @Test
    void consentPageOfAProviderWithoutIcon_showsItsInitials() {
        String html = wire.get(steps.consentUrl(SALESFORCE, REDIRECT)).text();

        assertThat(html).contains("<div class=\"logo monogram\" aria-hidden=\"true\">S</div>").doesNotContain("<svg");
    }

    @Test
    void connectorUnknownToTheLogos_getsTheInitialsOfItsFirstTwoWordsAsText() {
        DemoConnector connector = new DemoConnector("00000000-0000-0000-0000-000000000000",
                "<img src=x onerror=alert(1)> Ads", "no-such-connector", "", JsonNodeFactory.instance.objectNode(),
                Optional.empty(), List.of());

        assertThat(ConsentHtml.logo(connector)).isEqualTo("<div class=\"logo monogram\" aria-hidden=\"true\">IS</div>");
        assertThat(ConsentHtml.initials("Google Ads")).isEqualTo("GA");
        assertThat(ConsentHtml.initials("Stripe")).isEqualTo("S");
    }

    @Test
    void consentPageWithUnknownState_isRefusedWith400() {
        URI consent = steps.consentUrl(HUBSPOT, REDIRECT);
        URI forged = URI.create(consent.toString().replaceAll("state=[a-zA-Z]+", "state=abcdefg"));

        Answer page = wire.get(forged);

        assertThat(page.status()).isEqualTo(400);
        assertThat(page.text()).contains("This authorization request is not valid");
    }

    @Test
    void consentPageWithAnotherRedirectUri_isRefusedWith400() {
        URI consent = steps.consentUrl(HUBSPOT, REDIRECT);
        URI changed = URI.create(consent.toString().replace("45678", "9999"));

        assertThat(wire.get(changed).status()).isEqualTo(400);
    }

    @Test
    void allow_redirectsToTheRedirectUrlWithCodeAndState() {
        URI consent = steps.consentUrl(HUBSPOT, REDIRECT);

        Answer answer = steps.press(consent, "allow");

        assertThat(answer.status()).isEqualTo(302);
        URI location = URI.create(answer.response().headers().firstValue("Location").orElseThrow());
        assertThat(location.getPath()).isEqualTo(REDIRECT.getPath());
        assertThat(location.getPort()).isEqualTo(REDIRECT.getPort());
        Map<String, String> query = WireClient.query(location);
        assertThat(query.get("code")).isNotBlank();
        assertThat(query).containsEntry("state", WireClient.query(consent).get("state"));
    }

    @Test
    void allow_sendsNothingButTheCodeAndState() {
        Map<String, String> query = steps.decide(steps.consentUrl(HUBSPOT, REDIRECT), "allow");

        assertThat(query).containsOnlyKeys("code", "state");
    }

    @Test
    void deny_redirectsWithAccessDeniedAndTheState() {
        URI consent = steps.consentUrl(HUBSPOT, REDIRECT);

        Map<String, String> query = steps.decide(consent, "deny");

        assertThat(query).containsEntry("error", "access_denied")
                .containsEntry("state", WireClient.query(consent).get("state"))
                .containsKey("error_description")
                .doesNotContainKey("code");
    }

    @Test
    void redirectUrlWithItsOwnQuery_keepsIt() {
        URI relay = URI.create("http://127.0.0.1:45678/oauth-success?nonce=xyz");

        Map<String, String> query = steps.decide(steps.consentUrl(HUBSPOT, relay), "allow");

        assertThat(query).containsEntry("nonce", "xyz").containsKey("code");
    }

    @Test
    void decisionWithUnknownState_is400AndNeverRedirects() {
        Answer answer = wire.postForm(URI.create(simulator.apiBaseUrl().resolve("/oauth/hubspot/decision").toString()),
                "state=zzzzzzz&decision=allow");

        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.response().headers().firstValue("Location")).isEmpty();
    }

    @Test
    void decisionMadeTwice_isRefusedTheSecondTime() {
        URI consent = steps.consentUrl(HUBSPOT, REDIRECT);
        steps.press(consent, "allow");

        Answer second = steps.press(consent, "allow");

        assertThat(second.status()).isEqualTo(400);
        assertThat(second.response().headers().firstValue("Location")).isEmpty();
    }

    @Test
    void decisionPostedToAnotherProvider_isRefused() {
        URI consent = steps.consentUrl(HUBSPOT, REDIRECT);

        Answer answer = wire.postForm(consent.resolve("/oauth/salesforce/decision"),
                "state=" + WireClient.query(consent).get("state") + "&decision=allow");

        assertThat(answer.status()).isEqualTo(400);
    }

    /** The slug, colour and path of a connector's line in the bundled logos file, read here on its own. */
    private static String[] bundledLogo(String slug) throws IOException {
        try (InputStream in = ConsentPagesTest.class.getResourceAsStream("/dev/onramp/catalog/logos.tsv.gz");
                BufferedReader lines = new BufferedReader(new InputStreamReader(new GZIPInputStream(in), StandardCharsets.UTF_8))) {
            return lines.lines().map(line -> line.split("\t")).filter(f -> f[0].equals(slug)).findFirst().orElseThrow();
        }
    }
}
