package dev.onramp.oauth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.BindException;
import java.net.ConnectException;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.StandardSocketOptions;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Where the receiver listens, that nothing else can listen there, and that the port closes at every end. */
class LoopbackSocketTest {
    private static final Duration LONG_WAIT = Duration.ofMinutes(1);
    private static final byte[] IPV4_LOOPBACK = {127, 0, 0, 1};

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
    void boundAddress_is127001Only() {
        InetSocketAddress bound = receiver.localAddress();

        assertThat(bound.getAddress()).isInstanceOf(Inet4Address.class);
        assertThat(bound.getAddress().getAddress()).containsExactly(IPV4_LOOPBACK);
        assertThat(bound.getAddress().isAnyLocalAddress()).isFalse();
    }

    @Test
    void anotherLoopbackAddress_isNotListenedOn() throws IOException {
        // 127.0.0.2 is loopback too, so this sends nothing off the machine; a wildcard bind would answer.
        InetAddress otherLoopback = InetAddress.getByAddress(new byte[] {127, 0, 0, 2});

        try (Socket socket = new Socket()) {
            assertThatThrownBy(() -> socket.connect(new InetSocketAddress(otherLoopback, receiver.localAddress().getPort()), 1000))
                    .isInstanceOf(IOException.class);
        }
    }

    @Test
    void redirectUri_namesTheIpv4LoopbackAddressAndTheCallbackPath() {
        URI uri = receiver.redirectUri();

        assertThat(uri.getScheme()).isEqualTo("http");
        assertThat(uri.getHost()).isEqualTo("127.0.0.1");
        assertThat(uri.getPath()).isEqualTo("/oauth-success");
        assertThat(uri.getQuery()).isNull();
    }

    @Test
    void redirectUri_namesThePortActuallyBound() throws Exception {
        receiver.expectState("s1");

        assertThat(receiver.redirectUri().getPort()).isEqualTo(receiver.localAddress().getPort()).isPositive();
        assertThat(get(receiver, "?state=s1&code=c").statusCode()).isEqualTo(200);
    }

    @Test
    void twoReceivers_listenOnDistinctPorts() {
        try (LoopbackReceiver other = LoopbackReceiver.open(LONG_WAIT)) {
            assertThat(other.redirectUri().getPort()).isNotEqualTo(receiver.redirectUri().getPort());
        }
    }

    @Test
    void anotherListenerOnTheSamePort_cannotBindEvenWithAddressAndPortReuse() throws IOException {
        int port = receiver.localAddress().getPort();

        for (InetAddress address : new InetAddress[] {
                InetAddress.getByAddress(IPV4_LOOPBACK), InetAddress.getByAddress(new byte[4])}) {
            try (ServerSocket thief = new ServerSocket()) {
                thief.setReuseAddress(true);
                if (thief.supportedOptions().contains(StandardSocketOptions.SO_REUSEPORT)) {
                    thief.setOption(StandardSocketOptions.SO_REUSEPORT, true);
                }
                assertThatThrownBy(() -> thief.bind(new InetSocketAddress(address, port)))
                        .as("binding %s:%d", address.getHostAddress(), port)
                        .isInstanceOf(BindException.class);
            }
        }
    }

    @Test
    void acceptedCallback_closesThePort() throws Exception {
        receiver.expectState("s1");
        get(receiver, "?code=c&state=s1");
        receiver.result().get(5, TimeUnit.SECONDS);

        assertPortClosed(receiver);
    }

    @Test
    void timeout_failsTheWaitWithCallbackTimeoutExceptionAndClosesThePort() {
        try (LoopbackReceiver shortWait = LoopbackReceiver.open(Duration.ofMillis(200))) {
            assertThatThrownBy(() -> shortWait.result().get(10, TimeUnit.SECONDS))
                    .isInstanceOf(ExecutionException.class)
                    .cause()
                    .isInstanceOf(CallbackTimeoutException.class)
                    .hasMessageContaining("No answer came back from the browser");
            assertPortClosed(shortWait);
        }
    }

    @Test
    void cancel_endsTheWaitWithCancellationExceptionAndClosesThePort() {
        receiver.cancel();

        assertThatThrownBy(() -> receiver.result().join()).isInstanceOf(CancellationException.class);
        assertPortClosed(receiver);
    }

    @Test
    void cancellingTheResultFuture_closesThePort() {
        receiver.result().cancel(true);

        assertPortClosed(receiver);
    }

    @Test
    void close_canBeCalledTwiceAndLeavesAnAcceptedResultAlone() throws Exception {
        receiver.expectState("s1");
        get(receiver, "?code=c&state=s1");

        receiver.close();
        receiver.close();

        assertThat(receiver.result().get(5, TimeUnit.SECONDS).params()).containsEntry("code", "c");
    }

    @Test
    void defaultWait_isFiveMinutes() {
        assertThat(LoopbackReceiver.DEFAULT_TIMEOUT).isEqualTo(Duration.ofMinutes(5));
    }

    @Test
    void openWithoutAPositiveTimeout_isRefused() {
        assertThatThrownBy(() -> LoopbackReceiver.open(Duration.ZERO)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> LoopbackReceiver.open(Duration.ofSeconds(-1))).isInstanceOf(IllegalArgumentException.class);
    }

    private HttpResponse<String> get(LoopbackReceiver target, String query) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create(target.redirectUri() + query))
                .timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.ofString());
    }

    static void assertPortClosed(LoopbackReceiver closed) {
        assertThatThrownBy(() -> new Socket("127.0.0.1", closed.redirectUri().getPort()).close())
                .isInstanceOf(ConnectException.class);
    }
}
