package dev.onramp.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.onramp.AppContext;
import dev.onramp.testing.ScriptedBrowser;
import dev.onramp.testing.ScriptedBrowser.Decision;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The command line in-process: the same flow as the window, driven by the printed consent link. */
class CommandLineTest {
    private static final Duration WAIT = Duration.ofSeconds(30);

    @TempDir
    Path dataDir;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private CompletableFuture<Integer> run(String... args) {
        CliEnvironment env = new CliEnvironment(new PrintWriter(out, true), new PrintWriter(err, true),
                AppContext::start, options -> {
                    throw new AssertionError("no window in this test");
                }, url -> {
                    throw new AssertionError("--no-browser must not open the browser");
                });
        CompletableFuture<Integer> exit = new CompletableFuture<>();
        Thread.ofVirtual().start(() -> exit.complete(OnrampCommand.run(env, args)));
        return exit;
    }

    private URI awaitPrintedLink() throws InterruptedException {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (System.nanoTime() < deadline) {
            Optional<String> link = out.toString().lines().filter(l -> l.startsWith("http://")).findFirst();
            if (link.isPresent()) {
                return URI.create(link.get());
            }
            Thread.sleep(20);
        }
        throw new AssertionError("No consent link printed; output so far:\n" + out + err);
    }

    @Test
    void connectWithNoBrowser_printsTheLinkAndConnectsWhenItIsAllowed() throws Exception {
        CompletableFuture<Integer> exit = run("--data-dir", dataDir.toString(), "connect", "hubspot", "--no-browser");

        visit(Decision.ALLOW, awaitPrintedLink());

        assertThat(exit.get(WAIT.toSeconds(), TimeUnit.SECONDS)).isZero();
        assertThat(out.toString()).containsPattern("Connected HubSpot: source [0-9a-f-]{36}, \\d+ streams")
                .contains("  contacts");
    }

    @Test
    void connectDenied_exitsNonZeroWithTheReasonOnOneLine() throws Exception {
        CompletableFuture<Integer> exit = run("--data-dir", dataDir.toString(), "connect", "hubspot", "--no-browser");

        visit(Decision.DENY, awaitPrintedLink());

        assertThat(exit.get(WAIT.toSeconds(), TimeUnit.SECONDS)).isEqualTo(OnrampCommand.FAILED);
        assertThat(err.toString().strip()).isEqualTo("onramp: You declined access on HubSpot.");
    }

    @Test
    void secondRunInDemoMode_connectsAgainThroughTheWorkspaceTheBusinessRemembers() throws Exception {
        CompletableFuture<Integer> first = run("--data-dir", dataDir.toString(), "connect", "hubspot", "--no-browser");
        visit(Decision.ALLOW, awaitPrintedLink());
        assertThat(first.get(WAIT.toSeconds(), TimeUnit.SECONDS)).isZero();
        out.getBuffer().setLength(0);

        CompletableFuture<Integer> second = run("--data-dir", dataDir.toString(), "connect", "shopify", "--no-browser");
        visit(Decision.ALLOW, awaitPrintedLink());

        assertThat(second.get(WAIT.toSeconds(), TimeUnit.SECONDS)).as(err.toString()).isZero();
    }

    @Test
    void connectionsAsJson_listsWhatConnectStored() throws Exception {
        CompletableFuture<Integer> connect = run("--data-dir", dataDir.toString(), "connect", "shopify", "--no-browser");
        visit(Decision.ALLOW, awaitPrintedLink());
        assertThat(connect.get(WAIT.toSeconds(), TimeUnit.SECONDS)).isZero();
        out.getBuffer().setLength(0);

        int exit = run("--data-dir", dataDir.toString(), "connections", "--json").get(WAIT.toSeconds(), TimeUnit.SECONDS);

        assertThat(exit).isZero();
        assertThat(out.toString()).contains("\"provider\" : \"shopify\"", "\"status\" : \"ACTIVE\"", "\"orders\"");
    }

    @Test
    void unknownProvider_exitsNonZeroAndListsTheKnownOnes() throws Exception {
        int exit = run("--data-dir", dataDir.toString(), "connect", "myspace").get(WAIT.toSeconds(), TimeUnit.SECONDS);

        assertThat(exit).isEqualTo(OnrampCommand.FAILED);
        assertThat(err.toString()).startsWith("onramp: Unknown provider \"myspace\". Known: ").contains("hubspot");
    }

    @Test
    void unknownBusiness_exitsNonZeroAndNamesTheKnownOnes() throws Exception {
        int exit = run("--data-dir", dataDir.toString(), "connect", "hubspot", "--tenant", "Nobody Ltd")
                .get(WAIT.toSeconds(), TimeUnit.SECONDS);

        assertThat(exit).isEqualTo(OnrampCommand.FAILED);
        assertThat(err.toString()).contains("No business named \"Nobody Ltd\"", "Demo Coffee Roasters");
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
