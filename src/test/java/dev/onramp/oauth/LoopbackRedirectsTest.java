package dev.onramp.oauth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.onramp.model.RedirectSettings;
import dev.onramp.model.RedirectSettings.Host;
import dev.onramp.testing.FreePorts;
import dev.onramp.text.Messages;
import java.io.IOException;
import java.net.ConnectException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Fixed redirect ports shared by every flow of a process, over real sockets on the loopback addresses. */
class LoopbackRedirectsTest {
    private static final Duration WAIT = Duration.ofMinutes(1);

    private final HttpClient http = HttpClient.newBuilder()
            .proxy(HttpClient.Builder.NO_PROXY)
            .connectTimeout(Duration.ofSeconds(2))
            .build();
    private final LoopbackRedirects redirects = new LoopbackRedirects();
    private final List<AutoCloseable> opened = new ArrayList<>();
    private RedirectSettings range;

    @BeforeEach
    void pickAFreeRange() throws IOException {
        range = new RedirectSettings(Host.IPV4, FreePorts.range(3), 3);
    }

    @AfterEach
    void tearDown() throws Exception {
        for (AutoCloseable closeable : opened) {
            closeable.close();
        }
        http.close();
    }

    @Test
    void fixedRange_theFirstPortIsUsedAndTheRedirectUriNamesIt() {
        LoopbackReceiver waiting = open(range);

        assertThat(waiting.redirectUri()).isEqualTo(URI.create(
                "http://127.0.0.1:" + range.firstPort() + "/oauth-success"));
        assertThat(redirects.listening()).containsExactly(range.firstPort());
    }

    @Test
    void twoFlowsOnOnePort_eachCallbackReachesTheFlowWhoseStateItCarries() throws Exception {
        LoopbackReceiver first = open(range);
        first.expectState("state-one");
        LoopbackReceiver second = open(range);
        second.expectState("state-two");
        assertThat(second.redirectUri()).isEqualTo(first.redirectUri());

        assertThat(get(second.redirectUri(), "code=for-two&state=state-two").statusCode()).isEqualTo(200);
        assertThat(second.result().get(5, TimeUnit.SECONDS).params()).containsEntry("code", "for-two");
        assertThat(first.result()).isNotDone();

        assertThat(get(first.redirectUri(), "code=for-one&state=state-one").statusCode()).isEqualTo(200);
        assertThat(first.result().get(5, TimeUnit.SECONDS).params()).containsEntry("code", "for-one");
    }

    @Test
    void callbackWithAStateNoFlowWaitsFor_isRefusedAndEveryFlowKeepsWaiting() throws Exception {
        LoopbackReceiver first = open(range);
        first.expectState("state-one");
        LoopbackReceiver second = open(range);
        second.expectState("state-two");

        assertThat(get(first.redirectUri(), "code=x&state=state-three").statusCode()).isEqualTo(400);

        assertThat(first.result()).isNotDone();
        assertThat(second.result()).isNotDone();
    }

    @Test
    void thePortStaysOpenWhileAFlowWaits_andClosesWithTheLastOne() throws Exception {
        LoopbackReceiver first = open(range);
        first.expectState("state-one");
        LoopbackReceiver second = open(range);

        first.cancel();
        assertThat(redirects.listening()).containsExactly(range.firstPort());
        assertThat(get(first.redirectUri(), "code=x&state=state-one").statusCode()).isEqualTo(400);

        second.cancel();
        assertThat(redirects.listening()).isEmpty();
        assertThatThrownBy(() -> get(first.redirectUri(), "code=x&state=state-one"))
                .isInstanceOf(ConnectException.class);
    }

    @Test
    void signInsOneAfterAnother_keepTheFirstPortThoughTheLastOnesConnectionsLingerInTimeWait() throws Exception {
        for (int signIn = 0; signIn < 5; signIn++) {
            LoopbackReceiver waiting = open(range);
            waiting.expectState("state-" + signIn);

            assertThat(waiting.redirectUri().getPort()).as("sign-in %d", signIn).isEqualTo(range.firstPort());
            assertThat(get(waiting.redirectUri(), "code=c&state=state-" + signIn).statusCode()).isEqualTo(200);
            waiting.result().get(5, TimeUnit.SECONDS);
        }
    }

    @Test
    void aPortAnotherProgramHolds_isSkippedForTheNextPortOfTheRange() throws Exception {
        try (ServerSocket other = FreePorts.hold(range.firstPort())) {
            LoopbackReceiver waiting = open(range);

            assertThat(waiting.redirectUri().getPort()).isEqualTo(range.firstPort() + 1);
        }
    }

    @Test
    void aSecondOnrampOnTheSameComputer_takesTheNextPortAndBothReceiveTheirCallbacks() throws Exception {
        LoopbackRedirects otherProcess = new LoopbackRedirects();
        LoopbackReceiver windows = open(range);
        windows.expectState("window-state");
        LoopbackReceiver commandLines = otherProcess.open(range, WAIT);
        opened.add(commandLines);
        commandLines.expectState("cli-state");

        assertThat(commandLines.redirectUri().getPort()).isEqualTo(range.firstPort() + 1);
        assertThat(range.registrableUris()).contains(windows.redirectUri(), commandLines.redirectUri());
        get(commandLines.redirectUri(), "code=c&state=cli-state");
        get(windows.redirectUri(), "code=w&state=window-state");
        assertThat(commandLines.result().get(5, TimeUnit.SECONDS).params()).containsEntry("code", "c");
        assertThat(windows.result().get(5, TimeUnit.SECONDS).params()).containsEntry("code", "w");
    }

    @Test
    void everyPortOfTheRangeHeld_isRefusedWithTheHoldersAndTheAnyPortWayOut() throws Exception {
        RedirectSettings two = new RedirectSettings(Host.IPV4, range.firstPort(), 2);
        try (ServerSocket a = FreePorts.hold(two.firstPort()); ServerSocket b = FreePorts.hold(two.firstPort() + 1)) {
            assertThatThrownBy(() -> redirects.open(two, WAIT))
                    .isInstanceOfSatisfying(RedirectPortsBusyException.class, e -> {
                        assertThat(e.ports()).containsExactly(two.firstPort(), two.firstPort() + 1);
                        assertThat(e.getMessage())
                                .contains(String.valueOf(two.firstPort()), String.valueOf(two.firstPort() + 1))
                                .contains("Any free port").contains("onramp settings redirect --port any");
                    });
        }
        assertThat(redirects.listening()).isEmpty();
    }

    @Test
    void everyPortOfTheRangeHeld_isRefusedInGermanAndFrench() throws Exception {
        RedirectSettings two = new RedirectSettings(Host.IPV4, range.firstPort(), 2);
        try (ServerSocket a = FreePorts.hold(two.firstPort()); ServerSocket b = FreePorts.hold(two.firstPort() + 1)) {
            assertThatThrownBy(() -> redirects.open(two, WAIT))
                    .isInstanceOfSatisfying(RedirectPortsBusyException.class, e -> {
                        assertThat(Messages.of(Locale.GERMAN).message(e))
                                .startsWith("Onramp kann nicht auf die Anmeldung warten: Alle seine Weiterleitungsports"
                                        + " sind belegt: " + two.firstPort())
                                .contains(String.valueOf(two.firstPort() + 1), "„Beliebiger freier Port“")
                                .doesNotContain("held by");
                        assertThat(Messages.of(Locale.FRENCH).message(e))
                                .startsWith("Onramp ne peut pas attendre la connexion : tous ses ports de redirection"
                                        + " sont occupés : " + two.firstPort())
                                .contains("« N’importe quel port libre »");
                    });
        }
    }

    @Test
    void portHeldByAnotherProcess_namesThatProgramWhereTheSystemTells() throws Exception {
        int port = range.firstPort();
        Process holder = new ProcessBuilder("python3", "-c",
                "import socket,time\ns=socket.socket()\ns.bind(('127.0.0.1'," + port + "))\ns.listen()\n"
                        + "print('ready',flush=True)\ntime.sleep(60)").redirectErrorStream(true).start();
        try {
            assertThat(new String(holder.getInputStream().readNBytes(5))).isEqualTo("ready");
            RedirectSettings one = new RedirectSettings(Host.IPV4, port, 1);

            assertThatThrownBy(() -> redirects.open(one, WAIT)).isInstanceOf(RedirectPortsBusyException.class)
                    .hasMessageContaining("process " + holder.pid()).hasMessageContaining("python3");
        } finally {
            holder.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
        }
    }

    @Test
    void localhostRedirect_isNamedSoAndACallbackToLocalhostArrives() throws Exception {
        RedirectSettings localhost = new RedirectSettings(Host.LOCALHOST, range.firstPort(), 3);
        LoopbackReceiver waiting = open(localhost);
        waiting.expectState("s");

        assertThat(waiting.redirectUri().toString()).startsWith("http://localhost:" + range.firstPort() + "/");
        assertThat(get(waiting.redirectUri(), "code=c&state=s").statusCode()).isEqualTo(200);
        assertThat(waiting.result().get(5, TimeUnit.SECONDS).params()).containsEntry("code", "c");
    }

    @Test
    void anyFreePort_givesEachFlowAPortOfItsOwn() {
        RedirectSettings any = RedirectSettings.anyPort(Host.IPV4);
        LoopbackReceiver first = open(any);
        LoopbackReceiver second = open(any);

        assertThat(first.redirectUri().getPort()).isNotEqualTo(second.redirectUri().getPort());
    }

    private LoopbackReceiver open(RedirectSettings settings) {
        LoopbackReceiver waiting = redirects.open(settings, WAIT);
        opened.add(waiting);
        return waiting;
    }

    private HttpResponse<String> get(URI redirect, String query) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create(redirect + "?" + query)).timeout(Duration.ofSeconds(5))
                .build(), HttpResponse.BodyHandlers.ofString());
    }
}
