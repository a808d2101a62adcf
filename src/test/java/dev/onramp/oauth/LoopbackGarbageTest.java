package dev.onramp.oauth;

import static dev.onramp.oauth.LoopbackReceiverTest.request;
import static org.assertj.core.api.Assertions.assertThat;

import dev.onramp.oauth.LoopbackHttpServer.Limits;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Clients that misbehave, by accident or on purpose: idle pre-connected sockets, a head sent byte
 * by byte, oversized and malformed requests. None hangs the receiver or uses up the flow.
 */
@Timeout(10)
class LoopbackGarbageTest {
    /** Short enough that tests finish quickly, long enough for a healthy request on a busy machine. */
    private static final Duration REQUEST_TIME = Duration.ofMillis(600);
    private static final Duration QUICKLY = Duration.ofSeconds(3);

    private final HttpClient http = HttpClient.newBuilder()
            .proxy(HttpClient.Builder.NO_PROXY)
            .connectTimeout(Duration.ofSeconds(2))
            .build();
    private final LoopbackReceiver receiver =
            LoopbackReceiver.open(Duration.ofMinutes(1), new Limits(REQUEST_TIME, 16 * 1024, 4));
    private final int port = receiver.redirectUri().getPort();
    private final List<RawConnection> raw = new ArrayList<>();

    @AfterEach
    void tearDown() throws IOException {
        for (RawConnection connection : raw) {
            connection.close();
        }
        receiver.close();
        http.close();
    }

    @Test
    void idlePreconnectedSockets_doNotHoldUpTheRealCallback() throws Exception {
        receiver.expectState("s1");
        connect();
        connect();

        long start = System.nanoTime();
        HttpResponse<String> response = get("?code=c&state=s1");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(REQUEST_TIME);
        assertThat(receiver.result().get(1, TimeUnit.SECONDS).params()).containsEntry("code", "c");
    }

    @Test
    void idleSocket_isClosedOnceItsRequestTimeIsUp() throws Exception {
        RawConnection idle = connect();

        String answer = idle.awaitClose(QUICKLY);

        assertThat(RawConnection.status(answer)).isEqualTo(408);
        assertThat(receiver.result()).isNotDone();
    }

    @Test
    void slowClientSendingItsHeadByteByByte_isCutOffAtTheDeadline() throws Exception {
        receiver.expectState("s1");
        RawConnection slow = connect();
        long start = System.nanoTime();

        int sent = slow.trickle(request("GET", "/oauth-success?code=c&state=s1", port), Duration.ofMillis(40));

        String answer = slow.awaitClose(QUICKLY);
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(QUICKLY);
        assertThat(RawConnection.status(answer)).isEqualTo(408);
        assertThat(sent).isLessThan(request("GET", "/oauth-success?code=c&state=s1", port).length());
        assertThat(receiver.result()).isNotDone();
    }

    @Test
    void slowClient_doesNotHoldUpTheRealCallback() throws Exception {
        receiver.expectState("s1");
        RawConnection slow = connect();
        CompletableFuture<Integer> trickling = new CompletableFuture<>();
        Thread.ofVirtual().start(() -> {
            try {
                trickling.complete(slow.trickle(request("GET", "/oauth-success?code=slow&state=s1", port),
                        Duration.ofMillis(40)));
            } catch (InterruptedException e) {
                trickling.completeExceptionally(e);
            }
        });

        HttpResponse<String> response = get("?code=fast&state=s1");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(trickling).isNotDone();
        assertThat(receiver.result().get(1, TimeUnit.SECONDS).params()).containsEntry("code", "fast");
    }

    @Test
    void connectionsBeyondTheCap_closeTheOldestIdleOnesAndTheCallbackIsServedAtOnce() throws Exception {
        receiver.expectState("s1");
        List<RawConnection> idle = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            idle.add(connect());
        }
        Thread.sleep(100);

        long start = System.nanoTime();
        HttpResponse<String> response = get("?code=c&state=s1");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(REQUEST_TIME);
        // Ten idle ones and the callback through a cap of four: the seven oldest gave way, closed
        // without an answer; the three newest waited until their deadline.
        for (RawConnection connection : idle.subList(0, 7)) {
            assertThat(connection.awaitClose(QUICKLY)).isEmpty();
        }
        for (RawConnection connection : idle.subList(7, 10)) {
            assertThat(RawConnection.status(connection.awaitClose(QUICKLY))).isEqualTo(408);
        }
        assertThat(receiver.result().get(1, TimeUnit.SECONDS).params()).containsEntry("code", "c");
    }

    @Test
    void newcomerBeyondTheCap_closesTheOldestSlowClientNotItself() throws Exception {
        receiver.expectState("s1");
        RawConnection slow = connect();
        slow.send("GET /oauth-success?code=slow&st");
        List<RawConnection> idle = List.of(connect(), connect(), connect());
        Thread.sleep(100);

        RawConnection newcomer = connect();

        assertThat(slow.awaitClose(Duration.ofMillis(REQUEST_TIME.toMillis() / 2))).isEmpty();
        String answer = newcomer.send(request("GET", "/oauth-success?code=c&state=s1", port)).awaitClose(QUICKLY);
        assertThat(RawConnection.status(answer)).isEqualTo(200);
        assertThat(receiver.result().get(1, TimeUnit.SECONDS).params()).containsEntry("code", "c");
        for (RawConnection connection : idle) {
            assertThat(RawConnection.status(connection.awaitClose(QUICKLY))).isEqualTo(408);
        }
    }

    @Test
    void query64Kilobytes_isAnswered414QuicklyAndTheFlowKeepsWaiting() throws Exception {
        receiver.expectState("s1");
        long start = System.nanoTime();

        HttpResponse<String> response = get("?code=c&state=s1&pad=" + "x".repeat(64 * 1024));

        assertThat(response.statusCode()).isEqualTo(414);
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(QUICKLY);
        assertThat(receiver.result()).isNotDone();
        assertThat(get("?code=c&state=s1").statusCode()).isEqualTo(200);
    }

    @Test
    void oversizedHeaders_areAnswered431AndTheFlowKeepsWaiting() throws Exception {
        receiver.expectState("s1");

        String answer = connect().send("GET /oauth-success?code=c&state=s1 HTTP/1.1\r\nHost: 127.0.0.1:" + port
                + "\r\nX-Padding: " + "y".repeat(20 * 1024) + "\r\n\r\n").awaitClose(QUICKLY);

        assertThat(RawConnection.status(answer)).isEqualTo(431);
        assertThat(receiver.result()).isNotDone();
    }

    @Test
    void repeatedState_isRejectedAndTheFlowKeepsWaiting() throws Exception {
        receiver.expectState("a");

        assertThat(get("?code=c&state=a&state=b").statusCode()).isEqualTo(400);
        assertThat(get("?code=c&state=b&state=a").statusCode()).isEqualTo(400);
        assertThat(receiver.result()).isNotDone();
    }

    @Test
    void brokenPercentEncoding_isRejectedAndTheFlowKeepsWaiting() throws Exception {
        receiver.expectState("s1");

        for (String query : List.of("?code=%zz&state=s1", "?code=c&state=s1%", "?code=%E0%A4%A&state=s1",
                "?code=%FF%FE&state=s1", "?code=%C0%AF&state=s1")) {
            String answer = connect().send(request("GET", "/oauth-success" + query, port)).awaitClose(QUICKLY);
            assertThat(RawConnection.status(answer)).as(query).isEqualTo(400);
        }
        assertThat(receiver.result()).isNotDone();
        assertThat(get("?code=c&state=s1").statusCode()).isEqualTo(200);
    }

    @Test
    void bytesThatAreNotHttp_areAnswered400AndTheFlowKeepsWaiting() throws Exception {
        receiver.expectState("s1");

        for (String garbage : List.of("\u0000\u0001\u0002\u00ff\r\n\r\n", "GET\r\n\r\n",
                "GET /oauth-success?code=c&state=s1\r\n\r\n", "GET http://127.0.0.1/oauth-success HTTP/1.1\r\n\r\n",
                "GET /oauth-success?code=c&state=s1 HTTP/1.1\r\nno colon here\r\n\r\n")) {
            assertThat(RawConnection.status(connect().send(garbage).awaitClose(QUICKLY))).as(garbage).isEqualTo(400);
        }
        assertThat(receiver.result()).isNotDone();
    }

    @Test
    void clientThatConnectsAndLeaves_doesNotEndTheFlow() throws Exception {
        receiver.expectState("s1");
        connect().send("GET /oauth-success?code=c&st").close();

        assertThat(get("?code=c&state=s1").statusCode()).isEqualTo(200);
    }

    private RawConnection connect() throws IOException {
        RawConnection connection = RawConnection.open(port);
        raw.add(connection);
        return connection;
    }

    private HttpResponse<String> get(String query) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create(receiver.redirectUri() + query))
                .timeout(QUICKLY).build(), HttpResponse.BodyHandlers.ofString());
    }
}
