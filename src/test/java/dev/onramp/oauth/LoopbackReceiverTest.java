package dev.onramp.oauth;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.tngtech.archunit.core.importer.ClassFileImporter;
import dev.onramp.text.Locales;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** What the loopback receiver accepts and refuses, over real sockets on 127.0.0.1. */
class LoopbackReceiverTest {
    private static final Duration LONG_WAIT = Duration.ofMinutes(1);

    private final HttpClient http = HttpClient.newBuilder()
            .proxy(HttpClient.Builder.NO_PROXY)
            .connectTimeout(Duration.ofSeconds(2))
            .build();
    private final LoopbackReceiver receiver = LoopbackReceiver.open(LONG_WAIT);

    @AfterEach
    void tearDown() {
        receiver.close();
        http.close();
    }

    @Test
    void matchingCallback_completesWithAllDecodedParams() throws Exception {
        receiver.expectState("AbCdEfG");

        get("?code=4%2F0Ab+x&state=AbCdEfG&shop=demo.myshopify.com&realmId=");

        assertThat(result().params()).containsExactlyInAnyOrderEntriesOf(Map.of(
                "code", "4/0Ab x", "state", "AbCdEfG", "shop", "demo.myshopify.com", "realmId", ""));
    }

    @Test
    void matchingCallback_showsTheSuccessPage() throws Exception {
        receiver.expectState("s1");

        HttpResponse<String> response = get("?code=c&state=s1");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).contains("You can close this tab and return to Onramp");
    }

    @Test
    void declinedCallback_completesWithTheProviderError() throws Exception {
        receiver.expectState("s1");

        HttpResponse<String> response = get("?error=access_denied&state=s1");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).contains("Access was not granted");
        assertThat(result().error()).contains("access_denied");
    }

    @Test
    void errorCallbackWithForeignState_isRejectedAndFlowKeepsWaiting() throws Exception {
        receiver.expectState("mine");

        HttpResponse<String> response = get("?error=access_denied&state=theirs");

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(receiver.result()).isNotDone();
    }

    @Test
    void callbackWithForeignState_isRejectedAndFlowKeepsWaiting() throws Exception {
        receiver.expectState("mine");

        HttpResponse<String> foreign = get("?code=evil&state=theirs");

        assertThat(foreign.statusCode()).isEqualTo(400);
        assertThat(receiver.result()).isNotDone();
        assertThat(get("?code=good&state=mine").statusCode()).isEqualTo(200);
        assertThat(result().params()).containsEntry("code", "good");
    }

    @Test
    void callbackWithAPrefixOrExtensionOfTheState_isRejected() throws Exception {
        receiver.expectState("AbCdEfG");

        assertThat(get("?code=c&state=AbCdEf").statusCode()).isEqualTo(400);
        assertThat(get("?code=c&state=AbCdEfGh").statusCode()).isEqualTo(400);
        assertThat(receiver.result()).isNotDone();
    }

    @Test
    void callbackWithoutState_isRejectedAndFlowKeepsWaiting() throws Exception {
        receiver.expectState("mine");

        HttpResponse<String> response = get("?code=c");

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(receiver.result()).isNotDone();
    }

    @Test
    void callbackBeforeTheStateIsKnown_isRefused() throws Exception {
        HttpResponse<String> response = get("?code=c&state=early");

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(receiver.result()).isNotDone();
    }

    @Test
    void amazonsCallbackWithItsSpapiCodeAndTheState_isAccepted() throws Exception {
        receiver.expectState("s1");

        assertThat(get("?spapi_oauth_code=ANDzw&state=s1&selling_partner_id=A2EUQ1WTGCTBG2").statusCode()).isEqualTo(200);

        assertThat(result().params()).containsEntry("spapi_oauth_code", "ANDzw")
                .containsEntry("selling_partner_id", "A2EUQ1WTGCTBG2");
    }

    @Test
    void tiktoksCallbackWithItsAuthCodeAndTheState_isAccepted() throws Exception {
        receiver.expectState("s1");

        assertThat(get("?auth_code=tt-code&state=s1").statusCode()).isEqualTo(200);

        assertThat(result().params()).containsEntry("auth_code", "tt-code");
    }

    @Test
    void spapiCodeWithAForeignState_isRejectedAndFlowKeepsWaiting() throws Exception {
        receiver.expectState("s1");

        assertThat(get("?spapi_oauth_code=ANDzw&state=theirs").statusCode()).isEqualTo(400);
        assertThat(receiver.result()).isNotDone();
    }

    @Test
    void callbackWithTheStateButNeitherCodeNorError_isRefusedAndFlowKeepsWaiting() throws Exception {
        receiver.expectState("s1");

        assertThat(get("?state=s1").statusCode()).isEqualTo(400);
        assertThat(receiver.result()).isNotDone();
    }

    @Test
    void stateIsComparedInConstantTime() {
        classes().that().haveFullyQualifiedName(LoopbackReceiver.class.getName())
                .should().callMethod(MessageDigest.class, "isEqual", byte[].class, byte[].class)
                .because("an early-exit comparison tells an attacker how much of a guessed state was right")
                .check(new ClassFileImporter().importClasses(LoopbackReceiver.class));
    }

    @Test
    void issuerOtherThanTheExpectedOne_isRejectedAndFlowKeepsWaiting() throws Exception {
        receiver.expectState("s1");
        receiver.expectIssuer("https://accounts.example.com");

        HttpResponse<String> mixedUp = get("?code=c&state=s1&iss=https%3A%2F%2Fattacker.example");

        assertThat(mixedUp.statusCode()).isEqualTo(400);
        assertThat(receiver.result()).isNotDone();
        assertThat(get("?code=c&state=s1&iss=https%3A%2F%2Faccounts.example.com").statusCode()).isEqualTo(200);
    }

    @Test
    void expectedIssuer_isAccepted() throws Exception {
        receiver.expectState("s1");
        receiver.expectIssuer("https://accounts.example.com");

        get("?code=c&state=s1&iss=https%3A%2F%2Faccounts.example.com");

        assertThat(result().params()).containsEntry("iss", "https://accounts.example.com");
    }

    @Test
    void issuerWithoutAnExpectedOne_isNotChecked() throws Exception {
        receiver.expectState("s1");

        assertThat(get("?code=c&state=s1&iss=https%3A%2F%2Fanyone.example").statusCode()).isEqualTo(200);
    }

    @Test
    void replayAfterAcceptance_findsThePortClosed() throws Exception {
        receiver.expectState("s1");
        get("?code=first&state=s1");
        result();

        assertThatThrownBy(() -> get("?code=first&state=s1")).isInstanceOf(IOException.class);
        assertThat(result().params()).containsEntry("code", "first");
    }

    @Test
    void replayOnAConnectionOpenedBeforeTheAnswer_getsTheErrorPage() throws Exception {
        receiver.expectState("s1");
        int port = receiver.redirectUri().getPort();
        try (RawConnection early = RawConnection.open(port)) {
            assertThat(get("?code=first&state=s1").statusCode()).isEqualTo(200);

            String replay = early.send(request("GET", "/oauth-success?code=first&state=s1", port))
                    .awaitClose(Duration.ofSeconds(5));

            // The accepted flow no longer waits, so no pending flow owns the state.
            assertThat(RawConnection.status(replay)).isEqualTo(400);
            assertThat(replay).contains("Onramp could not use this sign-in");
        }
        assertThat(result().params()).containsEntry("code", "first");
    }

    @Test
    void strayRequests_areAnsweredQuicklyAndTheRealCallbackStillSucceeds() throws Exception {
        receiver.expectState("s1");
        URI base = receiver.redirectUri();
        long start = System.nanoTime();

        assertThat(send(HttpRequest.newBuilder(base.resolve("/favicon.ico"))).statusCode()).isEqualTo(404);
        assertThat(send(HttpRequest.newBuilder(base.resolve("/"))).statusCode()).isEqualTo(404);
        assertThat(send(HttpRequest.newBuilder(base.resolve("/oauth-success/extra?code=c&state=s1"))).statusCode())
                .isEqualTo(404);
        assertThat(send(HttpRequest.newBuilder(base.resolve("/OAUTH-SUCCESS?code=c&state=s1"))).statusCode())
                .isEqualTo(404);
        assertThat(send(HttpRequest.newBuilder(callback("?code=c&state=s1"))
                .POST(HttpRequest.BodyPublishers.ofString("code=c&state=s1"))).statusCode()).isEqualTo(405);
        assertThat(send(HttpRequest.newBuilder(callback("?code=c&state=s1"))
                .method("OPTIONS", HttpRequest.BodyPublishers.noBody())).statusCode()).isEqualTo(405);
        assertThat(send(HttpRequest.newBuilder(base.resolve("/"))
                .method("OPTIONS", HttpRequest.BodyPublishers.noBody())).statusCode()).isEqualTo(404);

        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(3));
        assertThat(receiver.result()).isNotDone();
        assertThat(get("?code=c&state=s1").statusCode()).isEqualTo(200);
    }

    @Test
    void methodNotAllowed_namesGetAsTheAllowedMethod() throws Exception {
        receiver.expectState("s1");

        HttpResponse<String> response = send(HttpRequest.newBuilder(callback("?code=c&state=s1"))
                .POST(HttpRequest.BodyPublishers.ofString("code=c&state=s1")));

        assertThat(response.statusCode()).isEqualTo(405);
        assertThat(response.headers().firstValue("Allow")).contains("GET");
    }

    @Test
    void requestNamingAnotherHost_isRefusedAndFlowKeepsWaiting() throws Exception {
        receiver.expectState("s1");
        int port = receiver.redirectUri().getPort();
        try (RawConnection rebound = RawConnection.open(port)) {
            String answer = rebound.send("GET /oauth-success?code=c&state=s1 HTTP/1.1\r\nHost: attacker.example:"
                    + port + "\r\n\r\n").awaitClose(Duration.ofSeconds(5));

            assertThat(RawConnection.status(answer)).isEqualTo(421);
        }
        assertThat(receiver.result()).isNotDone();
    }

    @Test
    void landingPage_forbidsCachingReferrerAndOutsideResources() throws Exception {
        receiver.expectState("s1");

        HttpResponse<String> response = get("?code=c&state=s1");

        assertThat(response.headers().firstValue("Cache-Control")).contains("no-store");
        assertThat(response.headers().firstValue("Referrer-Policy")).contains("no-referrer");
        assertThat(response.headers().firstValue("Content-Security-Policy")).hasValueSatisfying(policy ->
                assertThat(policy).startsWith("default-src 'none'"));
        assertThat(response.headers().firstValue("Content-Type")).contains("text/html; charset=utf-8");
    }

    @Test
    void rejectionAndStrayAnswers_forbidCachingAndReferrer() throws Exception {
        HttpResponse<String> rejected = get("?code=c&state=unknown");
        HttpResponse<String> stray = send(HttpRequest.newBuilder(receiver.redirectUri().resolve("/favicon.ico")));

        for (HttpResponse<String> response : List.of(rejected, stray)) {
            assertThat(response.headers().firstValue("Cache-Control")).contains("no-store");
            assertThat(response.headers().firstValue("Referrer-Policy")).contains("no-referrer");
        }
    }

    @Test
    void landingPage_doesNotReflectTheErrorDescription() throws Exception {
        receiver.expectState("s1");

        HttpResponse<String> response = get(
                "?error=access_denied&error_description=%3Cscript%3Ealert(1)%3C%2Fscript%3E&state=s1");

        assertThat(response.body()).doesNotContain("<script", "alert(1)", "access_denied");
    }

    @Test
    void answers_doNotReflectWhatTheRequestCarried() throws Exception {
        receiver.expectState("s1");

        String marker = "zq7reflectedzq7";
        List<HttpResponse<String>> answers = List.of(
                get("?code=" + marker + "&state=wrong"),
                get("?code=" + marker + "&state=s1&state=s1"),
                send(HttpRequest.newBuilder(receiver.redirectUri().resolve("/" + marker))),
                get("?code=" + marker + "&state=s1"));

        assertThat(answers).allSatisfy(answer -> assertThat(answer.body()).doesNotContain(marker, "s1"));
    }

    @Test
    void landingPages_loadNothingFromOutside() {
        for (LandingPage page : LandingPage.values()) {
            for (Locale language : Locales.SHIPPED) {
                String html = new String(page.html(language), java.nio.charset.StandardCharsets.UTF_8);
                assertThat(html).as(page.name() + " in " + language)
                        .doesNotContain("src=", "href=", "url(", "@import", "http:", "https:", "//");
            }
        }
    }

    @Test
    void landingPages_fillEveryPlaceOfTheSharedTemplate() {
        for (LandingPage page : LandingPage.values()) {
            for (Locale language : Locales.SHIPPED) {
                String html = new String(page.html(language), java.nio.charset.StandardCharsets.UTF_8);
                assertThat(html).as(page.name() + " in " + language).doesNotContain("{{")
                        .contains("<html lang=\"" + language.getLanguage() + "\">", "<h1>", "- Onramp</title>", "background: #");
            }
        }
    }

    private CallbackResult result() throws Exception {
        return receiver.result().get(5, TimeUnit.SECONDS);
    }

    private URI callback(String query) {
        return URI.create(receiver.redirectUri() + query);
    }

    private HttpResponse<String> get(String query) throws IOException, InterruptedException {
        return send(HttpRequest.newBuilder(callback(query)));
    }

    private HttpResponse<String> send(HttpRequest.Builder request) throws IOException, InterruptedException {
        return http.send(request.timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.ofString());
    }

    static String request(String method, String target, int port) {
        return method + " " + target + " HTTP/1.1\r\nHost: 127.0.0.1:" + port + "\r\n\r\n";
    }
}
