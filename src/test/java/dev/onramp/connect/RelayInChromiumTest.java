package dev.onramp.connect;

import static dev.onramp.connect.CloudFixture.WAIT;
import static dev.onramp.connect.CloudFixture.outcomeOf;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.onramp.airbyte.PublicApiGateway;
import dev.onramp.model.Connection;
import dev.onramp.model.FlowState;
import dev.onramp.oauth.BrowserLauncher;
import dev.onramp.oauth.LoopbackReceiver;
import dev.onramp.oauth.RelayRedirect;
import dev.onramp.testing.CloudConsent;
import dev.onramp.testing.HttpsRelayHost;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
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
}
