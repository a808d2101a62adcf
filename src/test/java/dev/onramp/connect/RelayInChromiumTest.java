package dev.onramp.connect;

import static dev.onramp.connect.CloudFixture.WAIT;
import static dev.onramp.connect.CloudFixture.outcomeOf;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.onramp.airbyte.PublicApiGateway;
import dev.onramp.model.Connection;
import dev.onramp.model.FlowState;
import dev.onramp.oauth.BrowserLauncher;
import dev.onramp.oauth.LoopbackReceiver;
import dev.onramp.oauth.RelayRedirect;
import dev.onramp.testing.CloudConsent;
import dev.onramp.testing.DevToolsChromium;
import dev.onramp.testing.HttpsRelayHost;
import dev.onramp.testing.RecordingLoopbackProxy;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The relay page in a real headless browser (Debian's Chromium), served over https: the Cloud
 * flavour end to end (token, initiateOAuth, consent, Airbyte's redirect to the relay, the page
 * forwarding secret_id and nonce to the app's loopback receiver, the source made from the secret,
 * its streams, its deletion), and how the page reads and refuses addresses.
 *
 * <p>The tests driven over the DevTools protocol serve the page as {@code https://relay.example:<port>},
 * an origin Chromium is told to count as public, so that Chromium's Local Network Access rules
 * apply to what the page sends to 127.0.0.1; a control test shows they do. They prove that in this
 * Chromium (Debian's, headless) the hop and the Continue link are top-level navigations that the
 * rules let through to the receiver. They do not prove it for a relay on a real public host (real
 * DNS and certificate, no test switches), for other browsers (Firefox, Safari) or later Chromium
 * versions, which may treat navigations to local addresses differently, nor for what a headed
 * browser asks the person; they send the page to a recording proxy's port, not the receiver's own.
 */
class RelayInChromiumTest {
    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path RELAY_PAGE = Path.of("resources", "relay", "index.html");

    @TempDir
    Path temp;

    /**
     * The person presses Allow on the provider's page (plain HTTP: a headless browser cannot click);
     * from Airbyte's callback on, Chromium does the rest: Airbyte's redirect, the relay page's
     * script, and the request to the loopback receiver. Completes with the page Chromium ends on.
     */
    private final class ChromiumFinish implements BrowserLauncher {
        final CompletableFuture<String> finalPage = new CompletableFuture<>();

        @Override
        public boolean open(URI consentUrl) {
            Thread.ofVirtual().start(() -> {
                try {
                    finalPage.complete(chromium(new CloudConsent().allowUpToAirbytesCallback(consentUrl)));
                } catch (RuntimeException e) {
                    finalPage.completeExceptionally(e);
                }
            });
            return true;
        }
    }

    private String chromium(URI start) {
        try {
            Path profile = Files.createDirectories(temp.resolve("chromium-profile"));
            Process browser = new ProcessBuilder(CHROMIUM.toString(), "--headless", "--no-sandbox", "--disable-gpu",
                    "--disable-background-networking", "--disable-component-update", "--no-first-run",
                    "--user-data-dir=" + profile, "--ignore-certificate-errors", "--virtual-time-budget=10000",
                    "--dump-dom", start.toString())
                    .redirectError(temp.resolve("chromium.log").toFile())
                    .start();
            CompletableFuture<String> dom = CompletableFuture.supplyAsync(() -> readAll(browser),
                    command -> Thread.ofVirtual().start(command));
            if (!browser.waitFor(90, TimeUnit.SECONDS)) {
                browser.destroyForcibly();
                throw new IllegalStateException("Chromium did not finish within 90 seconds");
            }
            return dom.get(10, TimeUnit.SECONDS);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (Exception e) {
            throw new IllegalStateException("Chromium failed: " + e.getMessage(), e);
        }
    }

    private static String readAll(Process process) {
        try {
            return new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @BeforeEach
    void needsChromium() {
        assumeTrue(Files.isExecutable(CHROMIUM),
                "Debian's chromium is not installed at /usr/bin/chromium (apt-get install -y chromium), so the relay page"
                        + " cannot be run in a real browser here; .ci/run installs it.");
    }

    @Test
    void relayPageInChromium_forwardsTheSecretIdToTheReceiverAndTheSourceIsMadeTestedAndDeleted() throws Exception {
        try (CloudFixture fx = new CloudFixture(temp.resolve("data"));
                HttpsRelayHost relay = HttpsRelayHost.serve(RELAY_PAGE, temp)) {
            PublicApiGateway gateway = fx.gateway(Optional.of(relay.relayUrl()), Duration.ofSeconds(10));
            ChromiumFinish browser = new ChromiumFinish();

            ConnectOutcome outcome = outcomeOf(fx.service(gateway, browser, WAIT)
                    .connect(fx.tenant.id(), "hubspot", ConnectListener.NONE));

            String finalPage = browser.finalPage.get(WAIT.toSeconds(), TimeUnit.SECONDS);
            assertThat(outcome).as("the flow's outcome; Chromium ended on: %s", finalPage)
                    .isInstanceOf(ConnectOutcome.Connected.class);
            assertThat(finalPage).contains("You can close this tab and return to Onramp");
            assertThat(relay.requests()).singleElement().satisfies(request ->
                    assertThat(request.getRawQuery()).contains("port=", "nonce=", "secret_id=airbyte_oauth_secret_"));
            Connection connection = ((ConnectOutcome.Connected) outcome).connection();
            assertThat(connection.streams()).contains("contacts", "deals");
            assertThat(fx.store.journal().find(fx.tenant.id(), outcome.flowId()).orElseThrow().state())
                    .isEqualTo(FlowState.STORED);
            assertThat(fx.simulator.sourceIds()).containsExactly(connection.sourceId());

            gateway.deleteSource(connection.sourceId());

            assertThat(fx.simulator.sourceIds()).isEmpty();
        }
    }

    @Test
    void portAndNonceInTheFragment_areForwardedToo() throws Exception {
        try (HttpsRelayHost relay = HttpsRelayHost.serve(RELAY_PAGE, temp);
                LoopbackReceiver receiver = LoopbackReceiver.open(Duration.ofMinutes(1))) {
            RelayRedirect redirect = RelayRedirect.create(relay.relayUrl(), receiver, new SecureRandom());
            receiver.expectNonce(redirect.nonce());

            String page = chromium(URI.create(relay.relayUrl() + "?secret_id=airbyte_oauth_secret_f%2Bx#"
                    + redirect.url().getRawQuery()));

            assertThat(receiver.result().get(10, TimeUnit.SECONDS).params()).containsEntry("secret_id", "airbyte_oauth_secret_f+x");
            assertThat(page).contains("You can close this tab and return to Onramp");
        }
    }

    @Test
    void addressWithoutANonce_isExplainedAndForwardsNothing() throws Exception {
        try (HttpsRelayHost relay = HttpsRelayHost.serve(RELAY_PAGE, temp);
                LoopbackReceiver receiver = LoopbackReceiver.open(Duration.ofMinutes(1))) {
            String page = chromium(URI.create(relay.relayUrl() + "?port=" + receiver.redirectUri().getPort()
                    + "&secret_id=airbyte_oauth_secret_x"));

            assertThat(page).contains("This page only works from Onramp");
            assertThat(receiver.result()).isNotDone();
        }
    }

    /** The relay's host name in the tests that drive Chromium over DevTools; Chromium resolves it to 127.0.0.1. */
    private static final String RELAY_HOST = "relay.example";
    private static final Duration SHORT = Duration.ofSeconds(10);
    private static final String LANDING_TEXT = "You can close this tab and return to Onramp";

    /**
     * Chromium that reaches {@code relay.example} at 127.0.0.1 and, by Local Network Access's own
     * test switch, counts the relay host's port there as a public address: the relay page is then a
     * public https origin, and anything it sends to 127.0.0.1 crosses from the public into the
     * loopback address space, which is what Local Network Access restricts.
     */
    private DevToolsChromium chromiumSeeingTheRelayAsPublic(HttpsRelayHost relay) {
        return DevToolsChromium.launch(CHROMIUM, temp, List.of(
                "--host-resolver-rules=MAP " + RELAY_HOST + " 127.0.0.1",
                "--ip-address-space-overrides=127.0.0.1:" + relay.relayUrl().getPort() + "=public"));
    }

    /** The relay address Onramp makes for the receiver, with the proxy's port in place of the receiver's. */
    private static RelayRedirect redirectThrough(RecordingLoopbackProxy proxy, HttpsRelayHost relay,
            LoopbackReceiver receiver) {
        RelayRedirect redirect = RelayRedirect.create(relay.relayUrlNamed(RELAY_HOST), receiver, new SecureRandom());
        String url = redirect.url().toString()
                .replace("port=" + receiver.redirectUri().getPort() + "&", "port=" + proxy.port() + "&");
        return new RelayRedirect(URI.create(url), redirect.nonce());
    }

    /** What a browser sends when it loads a document into a tab from another site, and nothing else does. */
    private static void isATopLevelDocumentNavigationFromAnotherSite(RecordingLoopbackProxy.Recorded request) {
        assertThat(request.method()).isEqualTo("GET");
        assertThat(request.header("Sec-Fetch-Mode")).as("Sec-Fetch-Mode of %s", request).isEqualTo("navigate");
        assertThat(request.header("Sec-Fetch-Dest")).as("Sec-Fetch-Dest of %s", request).isEqualTo("document");
        assertThat(request.header("Sec-Fetch-Site")).as("Sec-Fetch-Site of %s", request).isEqualTo("cross-site");
    }

    /** The addresses the tab's top-level frame committed to, in order; fails if any frame inside it navigated. */
    private static List<String> topLevelDocuments(DevToolsChromium chromium) {
        List<JsonNode> frames = chromium.events("Page.frameNavigated").stream().map(event -> event.path("frame")).toList();
        assertThat(frames).as("frames that navigated").noneMatch(frame -> frame.has("parentId"));
        assertThat(chromium.frameTree().path("childFrames")).as("frames inside the tab's document").isEmpty();
        return frames.stream().map(frame -> frame.path("url").asText()).toList();
    }

    /**
     * The page's automatic hop to 127.0.0.1 is a navigation of the tab's top-level document, and it
     * lands on the real receiver, which accepts the forwarded secret_id and nonce.
     *
     * <p>The relay page comes from {@code https://relay.example:<port>}, an origin Chromium counts as
     * public, and goes to {@code http://127.0.0.1}: a recording proxy on a loopback port of its own
     * stands in front of the receiver (which keeps no request headers) and passes the request on. The
     * request that reached 127.0.0.1 said {@code Sec-Fetch-Mode: navigate}, {@code Sec-Fetch-Dest:
     * document}, {@code Sec-Fetch-Site: cross-site}, and no {@code Sec-Fetch-User} (the script, not a
     * click, made it); a fetch, XMLHttpRequest, iframe or image would have said cors, no-cors, empty,
     * iframe or image. Chromium's own account agrees: the navigation was script-initiated in the
     * tab's one frame, which went from the relay page to the receiver's page, with no frame inside.
     */
    @Test
    void relayHop_isATopLevelNavigationThatLandsOnTheReceiver() throws Exception {
        try (HttpsRelayHost relay = HttpsRelayHost.serve(RELAY_PAGE, temp);
                LoopbackReceiver receiver = LoopbackReceiver.open(Duration.ofMinutes(1));
                RecordingLoopbackProxy proxy = RecordingLoopbackProxy.inFrontOf(receiver.localAddress(), LoopbackReceiver.PATH, 0);
                DevToolsChromium chromium = chromiumSeeingTheRelayAsPublic(relay)) {
            RelayRedirect redirect = redirectThrough(proxy, relay, receiver);
            receiver.expectNonce(redirect.nonce());
            String receiverPage = "http://127.0.0.1:" + proxy.port() + LoopbackReceiver.PATH
                    + "?secret_id=airbyte_oauth_secret_hop&nonce=" + redirect.nonce();

            chromium.open(URI.create(redirect.url() + "&secret_id=airbyte_oauth_secret_hop"));

            assertThat(receiver.result().get(SHORT.toSeconds(), TimeUnit.SECONDS).params())
                    .as("what the receiver accepted; Chromium is on %s", chromium.describePage())
                    .containsEntry("secret_id", "airbyte_oauth_secret_hop")
                    .containsEntry("nonce", redirect.nonce());
            chromium.awaitTrue("document.body.innerText.includes('" + LANDING_TEXT + "')", SHORT);
            assertThat(chromium.evaluate("location.href").asText()).isEqualTo(receiverPage);
            assertThat(proxy.requestsFor(LoopbackReceiver.PATH)).singleElement().satisfies(hop -> {
                isATopLevelDocumentNavigationFromAnotherSite(hop);
                assertThat(hop.header("Sec-Fetch-User")).as("Sec-Fetch-User of %s", hop).isNull();
            });
            assertThat(chromium.events("Page.frameRequestedNavigation"))
                    .extracting(navigation -> navigation.path("reason").asText()).containsExactly("scriptInitiated");
            assertThat(topLevelDocuments(chromium)).satisfiesExactly(
                    first -> assertThat(first).startsWith(relay.relayUrlNamed(RELAY_HOST) + "?port=" + proxy.port()),
                    last -> assertThat(last).isEqualTo(receiverPage));
        }
    }

    /**
     * When the automatic hop does not take the tab anywhere, the page's "Continue to Onramp" link
     * shows, and a person's click on it navigates the top-level document to the receiver, which
     * accepts the forwarded values.
     *
     * <p>The proxy answers the automatic navigation with 204 No Content, which makes Chromium drop
     * it and stay on the relay page (the page offers the link before it navigates, so it is there
     * whatever stopped the hop). The click is a real mouse press and release at the link, sent as
     * input through the DevTools protocol. The second request to 127.0.0.1 is a top-level document
     * navigation like the first, and it carries {@code Sec-Fetch-User: ?1}, which only a navigation
     * the person started does; Chromium names it an anchor click.
     */
    @Test
    void continueLink_navigatesTopLevelToTheReceiver() throws Exception {
        try (HttpsRelayHost relay = HttpsRelayHost.serve(RELAY_PAGE, temp);
                LoopbackReceiver receiver = LoopbackReceiver.open(Duration.ofMinutes(1));
                RecordingLoopbackProxy proxy = RecordingLoopbackProxy.inFrontOf(receiver.localAddress(), LoopbackReceiver.PATH, 1);
                DevToolsChromium chromium = chromiumSeeingTheRelayAsPublic(relay)) {
            RelayRedirect redirect = redirectThrough(proxy, relay, receiver);
            receiver.expectNonce(redirect.nonce());
            String receiverPage = "http://127.0.0.1:" + proxy.port() + LoopbackReceiver.PATH
                    + "?secret_id=airbyte_oauth_secret_continue&nonce=" + redirect.nonce();

            chromium.open(URI.create(redirect.url() + "&secret_id=airbyte_oauth_secret_continue"));
            String dropped = chromium.awaitEvent("Network.responseReceived",
                    response -> response.path("response").path("status").asInt() == 204, SHORT).path("requestId").asText();
            chromium.awaitEvent("Network.loadingFailed", failed -> failed.path("requestId").asText().equals(dropped), SHORT);
            chromium.awaitTrue("location.origin === '" + "https://" + RELAY_HOST + ":" + relay.relayUrl().getPort()
                    + "' && !document.getElementById('fallback').hidden", SHORT);
            assertThat(receiver.result()).isNotDone();

            chromium.click("continue");

            assertThat(receiver.result().get(SHORT.toSeconds(), TimeUnit.SECONDS).params())
                    .as("what the receiver accepted; Chromium is on %s", chromium.describePage())
                    .containsEntry("secret_id", "airbyte_oauth_secret_continue")
                    .containsEntry("nonce", redirect.nonce());
            chromium.awaitTrue("document.body.innerText.includes('" + LANDING_TEXT + "')", SHORT);
            assertThat(chromium.evaluate("location.href").asText()).isEqualTo(receiverPage);
            assertThat(proxy.requestsFor(LoopbackReceiver.PATH)).satisfiesExactly(
                    automatic -> {
                        isATopLevelDocumentNavigationFromAnotherSite(automatic);
                        assertThat(automatic.header("Sec-Fetch-User")).as("Sec-Fetch-User of %s", automatic).isNull();
                    },
                    clicked -> {
                        isATopLevelDocumentNavigationFromAnotherSite(clicked);
                        assertThat(clicked.header("Sec-Fetch-User")).as("Sec-Fetch-User of %s", clicked).isEqualTo("?1");
                        assertThat(clicked.target()).isEqualTo(URI.create(receiverPage).getRawPath() + "?"
                                + URI.create(receiverPage).getRawQuery());
                    });
            assertThat(chromium.events("Page.frameRequestedNavigation"))
                    .extracting(navigation -> navigation.path("reason").asText())
                    .containsExactly("scriptInitiated", "anchorClick");
            assertThat(topLevelDocuments(chromium)).satisfiesExactly(
                    relayPage -> assertThat(relayPage).startsWith(relay.relayUrlNamed(RELAY_HOST) + "?port=" + proxy.port()),
                    landed -> assertThat(landed).isEqualTo(receiverPage));
        }
    }

    /**
     * The control for the two tests above: in the same browser setup, a fetch from the relay page's
     * origin to the same loopback port is refused by Local Network Access and never reaches it, so
     * those rules really are in force there, and the hops get through because they are top-level
     * navigations. The page's own policy (connect-src 'none') would refuse the fetch first, so it is
     * bypassed here; Chromium then names Local Network Access as the reason.
     */
    @Test
    void fetchFromTheRelayOrigin_isRefusedByLocalNetworkAccess() throws Exception {
        try (HttpsRelayHost relay = HttpsRelayHost.serve(RELAY_PAGE, temp);
                LoopbackReceiver receiver = LoopbackReceiver.open(Duration.ofMinutes(1));
                RecordingLoopbackProxy proxy = RecordingLoopbackProxy.inFrontOf(receiver.localAddress(), LoopbackReceiver.PATH, 0);
                DevToolsChromium chromium = chromiumSeeingTheRelayAsPublic(relay)) {
            chromium.call("Page.setBypassCSP", Map.of("enabled", true));
            chromium.open(relay.relayUrlNamed(RELAY_HOST));
            chromium.awaitTrue("document.body.innerText.includes('This page only works from Onramp')", SHORT);

            String outcome = chromium.evaluate("fetch('http://127.0.0.1:" + proxy.port() + LoopbackReceiver.PATH
                    + "?probe=fetch', {mode: 'no-cors'}).then(r => 'reached: ' + r.type, e => 'refused: ' + e)").asText();

            assertThat(outcome).startsWith("refused: ");
            assertThat(chromium.events("Network.loadingFailed")).anySatisfy(failed -> {
                assertThat(failed.path("type").asText()).isEqualTo("Fetch");
                assertThat(failed.path("corsErrorStatus").path("corsError").asText())
                        .isEqualTo("LocalNetworkAccessPermissionDenied");
            });
            assertThat(proxy.requests()).isEmpty();
            assertThat(receiver.result()).isNotDone();
        }
    }
}
