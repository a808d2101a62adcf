package dev.onramp.oauth;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The receiver's nonce mode for the Cloud relay: only the flow's nonce is accepted, once. */
class LoopbackReceiverNonceTest {
    private static final String NONCE = "Qm9vdHN0cmFwLW5vbmNlLXdpdGgtMjU2LWJpdHMtb2Y";

    private final HttpClient http = HttpClient.newBuilder()
            .proxy(HttpClient.Builder.NO_PROXY)
            .connectTimeout(Duration.ofSeconds(2))
            .build();
    private final LoopbackReceiver receiver = LoopbackReceiver.open(Duration.ofMinutes(1));

    @AfterEach
    void tearDown() {
        receiver.close();
        http.close();
    }

    private HttpResponse<String> get(String query) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(receiver.redirectUri() + query)).timeout(Duration.ofSeconds(5)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void secretIdWithTheFlowsNonce_isAccepted() throws Exception {
        receiver.expectNonce(NONCE);

        HttpResponse<String> response = get("?secret_id=airbyte_oauth_secret_x&nonce=" + NONCE);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(receiver.result().get(5, TimeUnit.SECONDS).params()).containsEntry("secret_id", "airbyte_oauth_secret_x");
    }

    @Test
    void foreignNonce_isRefusedAndTheFlowKeepsWaiting() throws Exception {
        receiver.expectNonce(NONCE);

        HttpResponse<String> forged = get("?secret_id=forged&nonce=" + NONCE.substring(1) + "A");

        assertThat(forged.statusCode()).isEqualTo(400);
        assertThat(receiver.result()).isNotDone();
        assertThat(get("?secret_id=real&nonce=" + NONCE).statusCode()).isEqualTo(200);
    }

    @Test
    void callbackWithoutANonce_isRefused() throws Exception {
        receiver.expectNonce(NONCE);

        assertThat(get("?secret_id=s").statusCode()).isEqualTo(400);
        assertThat(receiver.result()).isNotDone();
    }

    @Test
    void stateInNonceMode_doesNotStandInForTheNonce() throws Exception {
        receiver.expectNonce(NONCE);

        assertThat(get("?secret_id=s&state=" + NONCE).statusCode()).isEqualTo(400);
        assertThat(receiver.result()).isNotDone();
    }

    @Test
    void callbackBeforeTheNonceIsSet_isRefused() throws Exception {
        assertThat(get("?secret_id=s&nonce=" + NONCE).statusCode()).isEqualTo(400);
    }
}
