package dev.onramp.oauth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The loopback receiver over real sockets on 127.0.0.1: what it accepts, refuses, and when it closes. */
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
    void redirectUri_namesTheIpv4LoopbackAddressAndTheCallbackPath() throws Exception {
        URI uri = receiver.redirectUri();

        assertThat(uri.getScheme()).isEqualTo("http");
        assertThat(uri.getHost()).isEqualTo("127.0.0.1");
        assertThat(InetAddress.getByName(uri.getHost()).isLoopbackAddress()).isTrue();
        assertThat(uri.getPath()).isEqualTo("/oauth-success");
    }

    @Test
    void redirectUri_pointsAtThePortTheReceiverListensOn() throws Exception {
        receiver.expectState("s1");

        HttpResponse<String> response = get("?state=s1&code=c");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(result().params()).containsEntry("code", "c");
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
    void callbackWithForeignState_isRejectedAndFlowKeepsWaiting() throws Exception {
        receiver.expectState("mine");

        HttpResponse<String> foreign = get("?code=evil&state=theirs");

        assertThat(foreign.statusCode()).isEqualTo(400);
        assertThat(receiver.result()).isNotDone();
        assertThat(get("?code=good&state=mine").statusCode()).isEqualTo(200);
        assertThat(result().params()).containsEntry("code", "good");
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
    void callbackWithRepeatedState_isRejected() throws Exception {
        receiver.expectState("mine");

        HttpResponse<String> response = get("?code=c&state=mine&state=theirs");

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(receiver.result()).isNotDone();
    }

    @Test
    void strayPath_isAnswered404AndFlowKeepsWaiting() throws Exception {
        receiver.expectState("s1");

        HttpResponse<String> response = send(HttpRequest.newBuilder(receiver.redirectUri().resolve("/favicon.ico")));

        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(receiver.result()).isNotDone();
        assertThat(get("?code=c&state=s1").statusCode()).isEqualTo(200);
    }

    @Test
    void post_isAnswered405AndFlowKeepsWaiting() throws Exception {
        receiver.expectState("s1");

        HttpResponse<String> response = send(HttpRequest.newBuilder(callback("?code=c&state=s1"))
                .POST(HttpRequest.BodyPublishers.ofString("code=c&state=s1")));

        assertThat(response.statusCode()).isEqualTo(405);
        assertThat(response.headers().firstValue("Allow")).contains("GET");
        assertThat(receiver.result()).isNotDone();
    }

    @Test
    void replayAfterAcceptance_isRefused() throws Exception {
        receiver.expectState("s1");
        get("?code=first&state=s1");

        assertThat(replayStatus("?code=second&state=s1")).isNotEqualTo(200);
        assertThat(result().params()).containsEntry("code", "first");
    }

    @Test
    void acceptedCallback_closesThePort() throws Exception {
        receiver.expectState("s1");
        get("?code=c&state=s1");
        result();

        assertPortClosed();
    }

    @Test
    void timeout_failsTheWaitWithCallbackTimeoutExceptionAndClosesThePort() throws Exception {
        try (LoopbackReceiver shortWait = LoopbackReceiver.open(Duration.ofMillis(200))) {
            assertThatThrownBy(() -> shortWait.result().get(10, TimeUnit.SECONDS))
                    .isInstanceOf(ExecutionException.class)
                    .cause()
                    .isInstanceOf(CallbackTimeoutException.class)
                    .hasMessageContaining("No answer came back from the browser");
            assertPortClosed(shortWait.redirectUri().getPort());
        }
    }

    @Test
    void cancel_endsTheWaitWithCancellationExceptionAndClosesThePort() throws Exception {
        receiver.cancel();

        assertThatThrownBy(() -> receiver.result().join()).isInstanceOf(CancellationException.class);
        assertPortClosed();
    }

    @Test
    void cancellingTheResultFuture_closesThePort() throws Exception {
        receiver.result().cancel(true);

        assertPortClosed();
    }

    @Test
    void close_canBeCalledTwiceAndLeavesAnAcceptedResultAlone() throws Exception {
        receiver.expectState("s1");
        get("?code=c&state=s1");

        receiver.close();
        receiver.close();

        assertThat(result().params()).containsEntry("code", "c");
    }

    @Test
    void landingPage_forbidsCachingAndReferrerAndIsUtf8Html() throws Exception {
        receiver.expectState("s1");

        HttpResponse<String> response = get("?code=c&state=s1");

        assertThat(response.headers().firstValue("Cache-Control")).contains("no-store");
        assertThat(response.headers().firstValue("Referrer-Policy")).contains("no-referrer");
        assertThat(response.headers().firstValue("Content-Type")).contains("text/html; charset=utf-8");
    }

    @Test
    void rejectionPage_forbidsCachingAndReferrer() throws Exception {
        HttpResponse<String> response = get("?code=c&state=unknown");

        assertThat(response.headers().firstValue("Cache-Control")).contains("no-store");
        assertThat(response.headers().firstValue("Referrer-Policy")).contains("no-referrer");
    }

    @Test
    void landingPage_doesNotReflectTheErrorDescription() throws Exception {
        receiver.expectState("s1");

        HttpResponse<String> response = get(
                "?error=access_denied&error_description=%3Cscript%3Ealert(1)%3C%2Fscript%3E&state=s1");

        assertThat(response.body()).doesNotContain("<script", "alert(1)");
    }

    @Test
    void landingPage_loadsNothingFromOutside() throws Exception {
        receiver.expectState("s1");

        HttpResponse<String> response = get("?code=c&state=s1");

        assertThat(response.body()).doesNotContain("src=", "href=", "url(", "@import");
    }

    @Test
    void twoReceivers_listenOnDistinctPorts() {
        try (LoopbackReceiver other = LoopbackReceiver.open(LONG_WAIT)) {
            assertThat(other.redirectUri().getPort()).isNotEqualTo(receiver.redirectUri().getPort());
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

    /** A refused connection counts as a refusal too: the receiver may already have closed. */
    private int replayStatus(String query) throws InterruptedException {
        try {
            return get(query).statusCode();
        } catch (IOException refused) {
            return -1;
        }
    }

    private void assertPortClosed() {
        assertPortClosed(receiver.redirectUri().getPort());
    }

    private static void assertPortClosed(int port) {
        assertThatThrownBy(() -> new Socket("127.0.0.1", port).close()).isInstanceOf(ConnectException.class);
    }
}
