package dev.onramp.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.onramp.testing.CommandLineRunner;
import dev.onramp.testing.ScriptedBrowser.Decision;
import dev.onramp.testing.ScriptedBrowser;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The command line in-process: the same flow as the window, driven by the printed consent link. */
class CommandLineTest {
    private static final Duration WAIT = Duration.ofSeconds(30);

    @TempDir
    Path dataDir;

    private final CommandLineRunner cli = new CommandLineRunner();

    @Test
    void connectWithNoBrowser_printsTheLinkAndConnectsWhenItIsAllowed() throws Exception {
        CompletableFuture<Integer> exit = cli.start("--data-dir", dataDir.toString(), "connect", "hubspot",
                "--no-browser");

        visit(Decision.ALLOW, cli.awaitPrintedLink(WAIT));

        assertThat(exit.get(WAIT.toSeconds(), TimeUnit.SECONDS)).isZero();
        assertThat(cli.out()).containsPattern("Connected HubSpot: source [0-9a-f-]{36}, \\d+ streams")
                .contains("  contacts");
    }

    @Test
    void connectDenied_exitsNonZeroWithTheReasonOnOneLine() throws Exception {
        CompletableFuture<Integer> exit = cli.start("--data-dir", dataDir.toString(), "connect", "hubspot",
                "--no-browser");

        visit(Decision.DENY, cli.awaitPrintedLink(WAIT));

        assertThat(exit.get(WAIT.toSeconds(), TimeUnit.SECONDS)).isEqualTo(OnrampCommand.FAILED);
        assertThat(cli.err().strip()).isEqualTo("onramp: You declined access on HubSpot.");
    }

    @Test
    void secondRunInDemoMode_connectsAgainThroughTheWorkspaceTheBusinessRemembers() throws Exception {
        CompletableFuture<Integer> first = cli.start("--data-dir", dataDir.toString(), "connect", "hubspot",
                "--no-browser");
        visit(Decision.ALLOW, cli.awaitPrintedLink(WAIT));
        assertThat(first.get(WAIT.toSeconds(), TimeUnit.SECONDS)).isZero();
        cli.clearOut();

        CompletableFuture<Integer> second = cli.start("--data-dir", dataDir.toString(), "connect", "mailchimp",
                "--no-browser");
        visit(Decision.ALLOW, cli.awaitPrintedLink(WAIT));

        assertThat(second.get(WAIT.toSeconds(), TimeUnit.SECONDS)).as(cli.err()).isZero();
    }

    @Test
    void connectionsAsJson_listsWhatConnectStored() throws Exception {
        CompletableFuture<Integer> connect = cli.start("--data-dir", dataDir.toString(), "connect", "hubspot",
                "--no-browser");
        visit(Decision.ALLOW, cli.awaitPrintedLink(WAIT));
        assertThat(connect.get(WAIT.toSeconds(), TimeUnit.SECONDS)).isZero();
        cli.clearOut();

        int exit = cli.start("--data-dir", dataDir.toString(), "connections", "--json").get(WAIT.toSeconds(),
                TimeUnit.SECONDS);

        assertThat(exit).isZero();
        assertThat(cli.out()).contains("\"provider\" : \"hubspot\"", "\"status\" : \"ACTIVE\"", "\"contacts\"");
    }

    @Test
    void connectShopifyBySignIn_endsAtOncePrintingNoLinkAndNamingTheTypedWayIn() throws Exception {
        int exit = cli.start("--data-dir", dataDir.toString(), "connect", "shopify", "--no-browser")
                .get(WAIT.toSeconds(), TimeUnit.SECONDS);

        assertThat(exit).isEqualTo(OnrampCommand.FAILED);
        assertThat(cli.err().strip()).isEqualTo("onramp: Airbyte signs Shopify in only through its own Shopify app"
                + " (cloud.airbyte.com), whose answer goes to Airbyte, not back to Onramp: connect Shopify with an"
                + " access token or API key instead.");
        assertThat(cli.out()).doesNotContain("http://", "https://");
    }

    @Test
    void unknownProvider_exitsNonZeroAndSaysHowToFindItsId() throws Exception {
        int exit = cli.start("--data-dir", dataDir.toString(), "connect", "myspace").get(WAIT.toSeconds(),
                TimeUnit.SECONDS);

        assertThat(exit).isEqualTo(OnrampCommand.FAILED);
        assertThat(cli.err()).startsWith("onramp: Unknown provider \"myspace\": onramp providers --search NAME finds its id.");
    }

    @Test
    void unknownBusiness_exitsNonZeroAndNamesTheKnownOnes() throws Exception {
        int exit = cli.start("--data-dir", dataDir.toString(), "connect", "hubspot", "--tenant", "Nobody Ltd")
                .get(WAIT.toSeconds(), TimeUnit.SECONDS);

        assertThat(exit).isEqualTo(OnrampCommand.FAILED);
        assertThat(cli.err()).contains("No business named \"Nobody Ltd\"", "Demo Coffee Roasters");
    }

    @Test
    void airbyteUrlWithoutApiPath_pointsAtTheConfigApi() {
        assertThat(OnrampCommand.apiBase(URI.create("http://localhost:8000"))).hasToString("http://localhost:8000/api");
        assertThat(OnrampCommand.apiBase(URI.create("http://localhost:8000/api/"))).hasToString("http://localhost:8000/api");
    }

    private static void visit(Decision decision, URI link) {
        ScriptedBrowser browser = new ScriptedBrowser(decision);
        browser.open(link);
        browser.awaitVisit(WAIT);
    }
}
