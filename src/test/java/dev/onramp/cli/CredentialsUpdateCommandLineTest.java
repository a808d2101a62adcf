package dev.onramp.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.onramp.demo.AirbyteSimulator;
import dev.onramp.testing.CommandLineRunner;
import dev.onramp.testing.ScriptedBrowser;
import dev.onramp.testing.ScriptedBrowser.Decision;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code onramp connect PROVIDER --update} in-process, against one simulator that outlives each run:
 * the source keeps its id, and every refusal has its exit code, its sentence and its audit entry.
 */
class CredentialsUpdateCommandLineTest {
    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final String FIRST_KEY = "sk_test_onramp_cli_first_51HqLyjWDarjt";
    private static final String NEW_KEY = "sk_test_onramp_cli_second_7GsPmQ2xYvBn";
    private static final Pattern SOURCE = Pattern.compile("(?:Connected|Updated) Stripe: source ([0-9a-f-]{36})");

    @TempDir
    Path dataDir;

    private final AirbyteSimulator simulator = AirbyteSimulator.start(Duration.ZERO);
    private CommandLineRunner cli;

    @BeforeEach
    void setUp() {
        cli = new CommandLineRunner("--data-dir", dataDir.toString(), "--airbyte-url", simulator.apiBaseUrl().toString());
    }

    @AfterEach
    void stop() {
        simulator.close();
    }

    private String sourceIn(String out) {
        Matcher source = SOURCE.matcher(out);
        assertThat(source.find()).as(out).isTrue();
        return source.group(1);
    }

    private String connectStripe(String account) {
        cli.clearOut();
        int exit = cli.run(Map.of("STRIPE_KEY", FIRST_KEY),
                "connect", "stripe", "--set", "account_id=" + account, "--secret", "client_secret=STRIPE_KEY");
        assertThat(exit).as(cli.err()).isZero();
        return sourceIn(cli.out());
    }

    private String keyInAirbyte(String sourceId) {
        return simulator.sourceConfiguration(sourceId).orElseThrow().path("client_secret").asText();
    }

    private String audit() throws Exception {
        Path file = dataDir.resolve("audit.jsonl");
        assertThat(cli.run(Map.of(), "audit", "export", "--format", "jsonl", "--out", file.toString())).isZero();
        return Files.readString(file);
    }

    @Test
    void update_withANewKeyFromTheEnvironment_keepsTheSourceIdAndListsTheStreams() throws Exception {
        String sourceId = connectStripe("acct_1");
        cli.clearOut();

        int exit = cli.run(Map.of("NEW_KEY", NEW_KEY), "connect", "stripe", "--update", "--secret", "client_secret=NEW_KEY");

        assertThat(exit).as(cli.err()).isZero();
        assertThat(cli.out()).startsWith("Updating the Stripe credentials of ").contains("account acct_1",
                "Testing the new credentials…", "Giving the source in Airbyte the new credentials…", "  charges");
        assertThat(sourceIn(cli.out())).isEqualTo(sourceId);
        assertThat(simulator.sourceIds()).containsExactly(sourceId);
        assertThat(keyInAirbyte(sourceId)).isEqualTo(NEW_KEY);
        assertThat(cli.out() + cli.err()).doesNotContain(NEW_KEY).doesNotContain(FIRST_KEY);
        assertThat(audit()).contains("connection.credentials-updated").doesNotContain(NEW_KEY);
    }

    @Test
    void update_withNothingGivenAndNoTerminal_keepsEveryStoredValueAndTestsItAgain() {
        String sourceId = connectStripe("acct_1");
        cli.clearOut();

        int exit = cli.run(Map.of(), "connect", "stripe", "--update");

        assertThat(exit).as(cli.err()).isZero();
        assertThat(sourceIn(cli.out())).isEqualTo(sourceId);
        assertThat(keyInAirbyte(sourceId)).isEqualTo(FIRST_KEY);
        assertThat(cli.prompts()).containsExactly("Account ID [acct_1]: ");
    }

    @Test
    void update_atATerminal_asksForTheRequiredValuesAndTheSecret_enterKeepingEach() {
        String sourceId = connectStripe("acct_1");
        cli.clearOut();
        cli.answeringLines("");
        cli.typing(NEW_KEY);

        int exit = cli.run(Map.of(), "connect", "stripe", "--update");

        assertThat(exit).as(cli.err()).isZero();
        assertThat(cli.prompts()).containsExactly("Account ID [acct_1]: ",
                "Secret Key (leave empty to keep the current one)");
        assertThat(keyInAirbyte(sourceId)).isEqualTo(NEW_KEY);
        assertThat(simulator.sourceConfiguration(sourceId).orElseThrow().path("account_id").asText()).isEqualTo("acct_1");
    }

    @Test
    void update_withAKeyTheProviderRefuses_exits1AndLeavesTheSourceWithItsWorkingKey() throws Exception {
        String sourceId = connectStripe("acct_1");

        int exit = cli.run(Map.of("NEW_KEY", "bad key"), "connect", "stripe", "--update", "--secret",
                "client_secret=NEW_KEY");

        assertThat(exit).isEqualTo(OnrampCommand.FAILED);
        assertThat(cli.err()).contains("onramp: Airbyte could not sign in to Stripe with that key: check the Secret Key.",
                "The connection keeps its current credentials.");
        assertThat(keyInAirbyte(sourceId)).isEqualTo(FIRST_KEY);
        assertThat(audit()).contains("connection.credentials-update.failed");
    }

    @Test
    void update_withoutAConnection_exits1SayingToConnectFirst() throws Exception {
        int exit = cli.run(Map.of(), "connect", "stripe", "--update");

        assertThat(exit).isEqualTo(OnrampCommand.FAILED);
        assertThat(cli.err().strip()).endsWith("has no Stripe connection; connect it first: onramp connect stripe.");
        assertThat(audit()).contains("connection.credentials-update.refused", "NOT_CONNECTED");
    }

    @Test
    void update_withAnAccountThatNamesNone_exits2ListingTheAccounts() throws Exception {
        connectStripe("acct_1");
        connectStripe("acct_2");

        int exit = cli.run(Map.of(), "connect", "stripe", "--update", "--account", "acct_9");

        assertThat(exit).isEqualTo(CredentialsUpdateCommand.WRONG_USAGE);
        assertThat(cli.err()).contains("has no Stripe connection for the account \"acct_9\"", "acct_1", "acct_2",
                "--account");
        assertThat(audit()).contains("NO_SUCH_ACCOUNT");
    }

    @Test
    void update_withSeveralAccountsAndNoneNamed_exits2_andNamingOneUpdatesThatOne() {
        connectStripe("acct_1");
        String second = connectStripe("acct_2");

        int ambiguous = cli.run(Map.of(), "connect", "stripe", "--update");
        cli.clearOut();
        int named = cli.run(Map.of("NEW_KEY", NEW_KEY), "connect", "stripe", "--update", "--account", "acct_2",
                "--secret", "client_secret=NEW_KEY");

        assertThat(ambiguous).isEqualTo(CredentialsUpdateCommand.WRONG_USAGE);
        assertThat(named).as(cli.err()).isZero();
        assertThat(sourceIn(cli.out())).isEqualTo(second);
        assertThat(keyInAirbyte(second)).isEqualTo(NEW_KEY);
    }

    @Test
    void update_ofAConnectionMadeBySigningIn_exits2PointingAtReauthorize() throws Exception {
        CompletableFuture<Integer> signedIn = cli.start("connect", "hubspot", "--no-browser");
        ScriptedBrowser browser = new ScriptedBrowser(Decision.ALLOW);
        browser.open(cli.awaitPrintedLink(WAIT));
        browser.awaitVisit(WAIT);
        assertThat(signedIn.get(WAIT.toSeconds(), TimeUnit.SECONDS)).as(cli.err()).isZero();

        int exit = cli.run(Map.of(), "connect", "hubspot", "--update");

        assertThat(exit).isEqualTo(CredentialsUpdateCommand.WRONG_USAGE);
        assertThat(cli.err()).contains("HubSpot connection signs in through HubSpot's consent page",
                "onramp connect hubspot --reauthorize");
        assertThat(audit()).contains("SIGNS_IN");
    }

    @Test
    void updateTogetherWithReauthorize_exits2SayingToPickOne() throws Exception {
        connectStripe("acct_1");

        int exit = cli.run(Map.of(), "connect", "stripe", "--update", "--reauthorize");

        assertThat(exit).isEqualTo(CredentialsUpdateCommand.WRONG_USAGE);
        assertThat(cli.err()).contains("--update gives a connection made with typed credentials new ones",
                "use one of them");
        assertThat(audit()).contains("connection.credentials-update.refused");
    }

    @Test
    void aSecretGivenWithSet_isRefusedWithExit1AndAudited() throws Exception {
        connectStripe("acct_1");

        int exit = cli.run(Map.of(), "connect", "stripe", "--update", "--set", "client_secret=" + NEW_KEY);

        assertThat(exit).isEqualTo(OnrampCommand.FAILED);
        assertThat(cli.err()).contains("Secret Key is a secret: give it with --secret client_secret")
                .doesNotContain(NEW_KEY);
        assertThat(audit()).contains("connection.credentials-update.refused").doesNotContain(NEW_KEY);
    }
}
