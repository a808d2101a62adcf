package dev.onramp.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.onramp.demo.AirbyteSimulator;
import dev.onramp.testing.CommandLineRunner;
import dev.onramp.testing.ScriptedBrowser;
import dev.onramp.testing.ScriptedBrowser.Decision;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code onramp connect} with several accounts of one provider: labels, {@code --label}, the
 * duplicate refusal and {@code --allow-duplicate}, and {@code --reauthorize --account}, with their
 * exit codes.
 */
class AccountLabelsCommandLineTest {
    private static final String KEY = "sk_test_onramp_labels_cli_0123456789";

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

    private int connectStripe(String account, String... more) {
        cli.clearOut();
        List<String> args = new ArrayList<>(List.of("connect", "stripe", "--set", "account_id=" + account, "--secret",
                "client_secret=STRIPE_KEY"));
        args.addAll(List.of(more));
        return cli.run(Map.of("STRIPE_KEY", KEY), args.toArray(String[]::new));
    }

    private List<String> accounts() throws Exception {
        cli.clearOut();
        assertThat(cli.run(Map.of(), "connections", "--json")).isZero();
        List<String> labels = new ArrayList<>();
        for (JsonNode row : new ObjectMapper().readTree(cli.out())) {
            labels.add(row.path("account").asText());
        }
        return labels;
    }

    @Test
    void theSameAccountAgainWithoutATerminal_isRefusedWithExit1_andAllowedWithAllowDuplicate() throws Exception {
        assertThat(connectStripe("acct_1")).as(cli.err()).isZero();
        int sources = simulator.sourceIds().size();

        int refused = connectStripe("acct_1");

        assertThat(refused).isEqualTo(OnrampCommand.FAILED);
        assertThat(cli.err()).contains("Stripe account acct_1 is already connected").contains("--allow-duplicate");
        assertThat(simulator.sourceIds()).hasSize(sources);

        assertThat(connectStripe("acct_1", "--allow-duplicate")).as(cli.err()).isZero();
        assertThat(accounts()).containsExactlyInAnyOrder("acct_1", "acct_1 2");
    }

    @Test
    void theSameAccountAgainAtATerminal_isAskedAbout_andNoConnectsNothing() throws Exception {
        assertThat(connectStripe("acct_1")).as(cli.err()).isZero();
        cli.answering("n");

        int exit = connectStripe("acct_1");

        assertThat(exit).isEqualTo(OnrampCommand.CANCELLED);
        assertThat(cli.questions()).anySatisfy(question -> assertThat(question)
                .contains("Stripe account acct_1 is already connected — connect it again?"));
        assertThat(accounts()).containsExactly("acct_1");
    }

    @Test
    void label_namesTheAccount_andOneTakenOrOfTenThousandCharactersIsRefusedWithASentence() throws Exception {
        assertThat(connectStripe("acct_1", "--label", "EU store")).as(cli.err()).isZero();
        assertThat(accounts()).containsExactly("EU store");

        assertThat(connectStripe("acct_2", "--label", "eu STORE")).isEqualTo(OnrampCommand.FAILED);
        assertThat(cli.err()).contains("already has an account labelled \"eu STORE\"");
        assertThat(connectStripe("acct_3", "--label", "x".repeat(10_000))).isEqualTo(OnrampCommand.FAILED);
        assertThat(cli.err()).contains("at most 60 characters").doesNotContain("x".repeat(100));
        assertThat(connectStripe("acct_4", "--label", "EU\u0007store")).isEqualTo(OnrampCommand.FAILED);
        assertThat(cli.err()).contains("control characters");
        assertThat(accounts()).containsExactly("EU store");
    }

    @Test
    void rename_givesTheNamedAccountANewLabel_refusesATakenOne_andWantsAccountAmongSeveral() throws Exception {
        assertThat(connectStripe("acct_1")).isZero();
        assertThat(connectStripe("acct_2")).isZero();
        cli.clearOut();

        assertThat(cli.run(Map.of(), "rename", "stripe", "EU store")).isEqualTo(OnrampCommand.WRONG_USAGE);
        assertThat(cli.run(Map.of(), "rename", "stripe", "EU store", "--account", "acct_1")).as(cli.err()).isZero();
        assertThat(cli.out()).contains("Renamed Stripe account \"acct_1\" of Demo Coffee Roasters to \"EU store\".");
        assertThat(cli.run(Map.of(), "rename", "stripe", "eu store", "--account", "acct_2"))
                .isEqualTo(OnrampCommand.FAILED);
        assertThat(cli.err()).contains("already has an account labelled \"eu store\"");

        assertThat(accounts()).containsExactlyInAnyOrder("EU store", "acct_2");
        Path audit = dataDir.resolve("audit.jsonl");
        assertThat(cli.run(Map.of(), "audit", "export", "--format", "jsonl", "--out", audit.toString())).isZero();
        assertThat(java.nio.file.Files.readString(audit)).contains("connection.renamed", "from=acct_1 to=EU store");
    }

    private void connectHubSpot() throws Exception {
        cli.clearOut();
        CompletableFuture<Integer> connect = cli.start("connect", "hubspot", "--no-browser");
        ScriptedBrowser browser = new ScriptedBrowser(Decision.ALLOW);
        browser.open(cli.awaitPrintedLink(Duration.ofSeconds(30)));
        browser.awaitVisit(Duration.ofSeconds(30));
        assertThat(connect.get(30, TimeUnit.SECONDS)).as(cli.err()).isZero();
    }

    @Test
    void reauthorizeWithSeveralAccounts_wantsAccount_andOneNamingNoneListsThem_bothExit2() throws Exception {
        connectHubSpot();
        connectHubSpot();
        assertThat(accounts()).containsExactlyInAnyOrder("HubSpot", "HubSpot 2");

        assertThat(cli.run(Map.of(), "connect", "hubspot", "--reauthorize")).isEqualTo(OnrampCommand.WRONG_USAGE);
        assertThat(cli.err()).contains("2 HubSpot connections (\"HubSpot 2\", \"HubSpot\")", "--account LABEL");
        assertThat(cli.run(Map.of(), "connect", "hubspot", "--reauthorize", "--account", "nobody"))
                .isEqualTo(OnrampCommand.WRONG_USAGE);
        assertThat(cli.err()).contains("no HubSpot connection with the account \"nobody\"");
        assertThat(cli.run(Map.of(), "connect", "hubspot", "--reauthorize", "--label", "x"))
                .isEqualTo(OnrampCommand.WRONG_USAGE);
    }
}
