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

/** {@code onramp connect} for providers that need a field before their sign-in, in demo mode, in-process. */
class ConsentInputsCommandLineTest {
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
        String[] all = new String[args.length + 2];
        all[0] = "--data-dir";
        all[1] = dataDir.toString();
        System.arraycopy(args, 0, all, 2, args.length);
        CompletableFuture<Integer> exit = new CompletableFuture<>();
        Thread.ofVirtual().start(() -> exit.complete(OnrampCommand.run(env, all)));
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
    void zendeskWithItsSubdomainSet_signsInAndConnects() throws Exception {
        CompletableFuture<Integer> exit = run("connect", "zendesk-support", "--set", "subdomain=acme", "--no-browser");

        ScriptedBrowser browser = new ScriptedBrowser(Decision.ALLOW);
        browser.open(awaitPrintedLink());
        browser.awaitVisit(WAIT);

        assertThat(exit.get(WAIT.toSeconds(), TimeUnit.SECONDS)).as(err.toString()).isZero();
        assertThat(out.toString()).containsPattern("Connected Zendesk Support: source [0-9a-f-]{36}, \\d+ streams");
    }

    @Test
    void zendeskWithoutItsSubdomain_isRefusedNamingTheFieldAndTheOptionBeforeAnyLink() throws Exception {
        int exit = run("connect", "zendesk-support", "--no-browser").get(WAIT.toSeconds(), TimeUnit.SECONDS);

        assertThat(exit).isEqualTo(OnrampCommand.FAILED);
        assertThat(err.toString().strip()).isEqualTo("onramp: Subdomain is required (--set subdomain=…).");
        assertThat(out.toString()).doesNotContain("http://");
    }

    @Test
    void amazonWithARegionItDoesNotHave_isRefusedListingTheRegions() throws Exception {
        int exit = run("connect", "amazon-seller-partner", "--set", "region=Mars", "--no-browser")
                .get(WAIT.toSeconds(), TimeUnit.SECONDS);

        assertThat(exit).isEqualTo(OnrampCommand.FAILED);
        assertThat(err.toString()).contains("AWS Region must be one of: AE, AU", "(--set region=…)");
    }
}
