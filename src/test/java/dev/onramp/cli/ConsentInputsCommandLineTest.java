package dev.onramp.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.onramp.testing.CommandLineRunner;
import dev.onramp.testing.ScriptedBrowser.Decision;
import dev.onramp.testing.ScriptedBrowser;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code onramp connect} for providers that need a field before their sign-in, in demo mode, in-process. */
class ConsentInputsCommandLineTest {
    private static final Duration WAIT = Duration.ofSeconds(30);

    @TempDir
    Path dataDir;

    private CommandLineRunner cli;

    @BeforeEach
    void setUp() {
        cli = new CommandLineRunner("--data-dir", dataDir.toString());
    }

    @Test
    void zendeskWithItsSubdomainSet_signsInAndConnects() throws Exception {
        CompletableFuture<Integer> exit = cli.start("connect", "zendesk-support", "--set", "subdomain=acme",
                "--no-browser");

        ScriptedBrowser browser = new ScriptedBrowser(Decision.ALLOW);
        browser.open(cli.awaitPrintedLink(WAIT));
        browser.awaitVisit(WAIT);

        assertThat(exit.get(WAIT.toSeconds(), TimeUnit.SECONDS)).as(cli.err()).isZero();
        assertThat(cli.out()).containsPattern("Connected Zendesk Support: source [0-9a-f-]{36}, \\d+ streams");
    }

    @Test
    void zendeskWithoutItsSubdomain_isRefusedNamingTheFieldAndTheOptionBeforeAnyLink() throws Exception {
        int exit = cli.start("connect", "zendesk-support", "--no-browser").get(WAIT.toSeconds(), TimeUnit.SECONDS);

        assertThat(exit).isEqualTo(OnrampCommand.FAILED);
        assertThat(cli.err().strip()).isEqualTo("onramp: Subdomain is required (--set subdomain=…).");
        assertThat(cli.out()).doesNotContain("http://");
    }

    @Test
    void googleAnalyticsWithoutItsPropertyIds_isRefusedNamingTheFieldAndTheOptionBeforeAnyLink() throws Exception {
        int exit = cli.start("connect", "google-analytics", "--no-browser").get(WAIT.toSeconds(), TimeUnit.SECONDS);

        assertThat(exit).isEqualTo(OnrampCommand.FAILED);
        assertThat(cli.err()).contains("is required", "(--set property_ids=");
        assertThat(cli.out()).doesNotContain("http://");
    }

    @Test
    void googleAnalyticsWithPropertyIdsAsACommaSeparatedList_signsInAndConnects() throws Exception {
        CompletableFuture<Integer> exit = cli.start("connect", "google-analytics", "--set",
                "property_ids=123456789,987654321", "--no-browser");

        ScriptedBrowser browser = new ScriptedBrowser(Decision.ALLOW);
        browser.open(cli.awaitPrintedLink(WAIT));
        browser.awaitVisit(WAIT);

        assertThat(exit.get(WAIT.toSeconds(), TimeUnit.SECONDS)).as(cli.err()).isZero();
        assertThat(cli.out()).containsPattern("Connected Google Analytics[^:]*: source [0-9a-f-]{36}, \\d+ streams");
    }

    @Test
    void amazonWithARegionItDoesNotHave_isRefusedListingTheRegions() throws Exception {
        int exit = cli.start("connect", "amazon-seller-partner", "--set", "region=Mars", "--no-browser")
                .get(WAIT.toSeconds(), TimeUnit.SECONDS);

        assertThat(exit).isEqualTo(OnrampCommand.FAILED);
        assertThat(cli.err()).contains("AWS Region must be one of: AE, AU", "(--set region=…)");
    }
}
