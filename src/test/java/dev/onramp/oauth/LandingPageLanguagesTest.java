package dev.onramp.oauth;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Locale;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The loopback landing pages speak the browser's language when Onramp ships it, else the window's
 * (the display language), over real sockets on 127.0.0.1; the Accept-Language header chooses the
 * language and nothing else of it reaches the page.
 */
class LandingPageLanguagesTest {
    private final HttpClient http = HttpClient.newBuilder()
            .proxy(HttpClient.Builder.NO_PROXY)
            .connectTimeout(Duration.ofSeconds(2))
            .build();
    private final LoopbackReceiver receiver = LoopbackReceiver.open(Duration.ofMinutes(1));
    private Locale displayBefore;

    @BeforeEach
    void rememberDisplayLanguage() {
        displayBefore = Locale.getDefault(Locale.Category.DISPLAY);
    }

    @AfterEach
    void tearDown() {
        Locale.setDefault(Locale.Category.DISPLAY, displayBefore);
        receiver.close();
        http.close();
    }

    @Test
    void germanBrowser_getsTheGermanSuccessPage() throws Exception {
        receiver.expectState("s1");

        HttpResponse<String> response = get("?code=c&state=s1", "de-DE,de;q=0.9");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Language")).contains("de");
        assertThat(response.body()).contains("<html lang=\"de\">", "<title>Anmeldung abgeschlossen - Onramp</title>",
                "<h1>Anmeldung abgeschlossen</h1>",
                "Sie können diesen Tab schließen und zu Onramp zurückkehren, das die Verbindung fertigstellt.");
    }

    @Test
    void frenchBrowser_getsTheFrenchDeclinedPage() throws Exception {
        receiver.expectState("s1");

        HttpResponse<String> response = get("?error=access_denied&state=s1", "fr");

        assertThat(response.body()).contains("<html lang=\"fr\">", "<h1>L’accès n’a pas été accordé</h1>",
                "Rien n’a été connecté.");
    }

    @Test
    void refusedRedirect_getsTheErrorPageInTheBrowsersLanguage() throws Exception {
        receiver.expectState("s1");

        HttpResponse<String> response = get("?code=c&state=not-mine", "fr-CA, fr;q=0.9, en;q=0.5");

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body()).contains("<html lang=\"fr\">", "<h1>Onramp n’a pas pu utiliser cette connexion</h1>");
        assertThat(receiver.result()).isNotDone();
    }

    @Test
    void browserWithoutAcceptLanguage_getsTheWindowsLanguage() throws Exception {
        Locale.setDefault(Locale.Category.DISPLAY, Locale.GERMANY);
        receiver.expectState("s1");

        HttpResponse<String> response = get("?code=c&state=s1", null);

        assertThat(response.body()).contains("<html lang=\"de\">", "<h1>Anmeldung abgeschlossen</h1>");
    }

    @Test
    void browserAskingOnlyForLanguagesOnrampDoesNotShip_getsTheWindowsLanguage() throws Exception {
        Locale.setDefault(Locale.Category.DISPLAY, Locale.FRENCH);
        receiver.expectState("s1");

        HttpResponse<String> response = get("?code=c&state=s1", "ja, es;q=0.8, de;q=0");

        assertThat(response.body()).contains("<html lang=\"fr\">", "<h1>Connexion réussie</h1>");
    }

    @Test
    void browserWithoutAcceptLanguageOnAWindowInAnUnshippedLanguage_getsEnglish() throws Exception {
        Locale.setDefault(Locale.Category.DISPLAY, Locale.JAPANESE);
        receiver.expectState("s1");

        HttpResponse<String> response = get("?code=c&state=s1", null);

        assertThat(response.body()).contains("<html lang=\"en\">", "<h1>Sign-in complete</h1>");
    }

    @Test
    void acceptLanguage_onlyChoosesTheLanguageAndNeverReachesThePage() throws Exception {
        receiver.expectState("s1");
        String marker = "zqreflqz"; // a well-formed language range of its own

        HttpResponse<String> malformed = get("?code=c&state=wrong", "<script>" + marker);
        HttpResponse<String> unshipped = get("?code=c&state=wrong", marker + ", x-" + marker + ";q=0.9");
        HttpResponse<String> accepted = get("?code=c&state=s1", marker + ", de-" + marker + ";q=0.9");

        assertThat(malformed.body()).contains("<html lang=\"en\">").doesNotContain(marker, "<script>");
        assertThat(unshipped.body()).contains("<html lang=\"en\">").doesNotContain(marker);
        assertThat(accepted.body()).contains("<html lang=\"de\">").doesNotContain(marker);
        assertThat(accepted.headers().firstValue("Content-Language")).contains("de");
    }

    private HttpResponse<String> get(String query, String acceptLanguage) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(receiver.redirectUri() + query))
                .timeout(Duration.ofSeconds(5));
        if (acceptLanguage != null) {
            request.header("Accept-Language", acceptLanguage);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
