package dev.onramp.oauth;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * A local program that holds many idle connections to the receiver, with the standard limits,
 * cannot keep the browser's callback out.
 */
@Timeout(30)
class LoopbackIdleFloodTest {
    private static final int IDLE_CONNECTIONS = 64;
    private static final Duration PROMPTLY = Duration.ofSeconds(1);

    private final HttpClient http = HttpClient.newBuilder()
            .proxy(HttpClient.Builder.NO_PROXY)
            .connectTimeout(PROMPTLY)
            .build();
    private final LoopbackReceiver receiver = LoopbackReceiver.open(Duration.ofMinutes(1));
    private final List<RawConnection> idle = new ArrayList<>();

    @AfterEach
    void tearDown() throws IOException {
        for (RawConnection connection : idle) {
            connection.close();
        }
        receiver.close();
        http.close();
    }

    @Test
    void sixtyFourIdleConnections_doNotKeepTheRealCallbackOut() throws Exception {
        receiver.expectState("s1");
        for (int i = 0; i < IDLE_CONNECTIONS; i++) {
            idle.add(RawConnection.open(receiver.redirectUri().getPort()));
        }
        // Let the receiver take in every idle connection before the browser comes.
        Thread.sleep(300);

        long start = System.nanoTime();
        HttpResponse<String> response = http.send(
                HttpRequest.newBuilder(URI.create(receiver.redirectUri() + "?code=c&state=s1")).timeout(PROMPTLY).build(),
                HttpResponse.BodyHandlers.ofString());
        Duration took = Duration.ofNanos(System.nanoTime() - start);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(took).isLessThan(PROMPTLY);
        assertThat(receiver.result().get(1, TimeUnit.SECONDS).params()).containsEntry("code", "c");
        // The receiver kept no more than 32 connections waiting: the 33 oldest gave way, unanswered.
        for (RawConnection connection : idle.subList(0, IDLE_CONNECTIONS + 1 - 32)) {
            assertThat(connection.awaitClose(PROMPTLY)).isEmpty();
        }
    }
}
