package dev.onramp.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.onramp.AppContext;
import dev.onramp.AppOptions;
import dev.onramp.demo.AirbyteSimulator;
import dev.onramp.testing.CommandLineRunner;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code onramp disconnect} in-process against one simulator that outlives each run, so that the
 * sources the runs make stay there; each exit code of the README's table it can end with.
 */
class DisconnectCommandTest {
    private static final String KEY = "sk_test_onramp_disconnect_51HqLyjWDarjtT1zdp7dc";
    private static final Pattern SOURCE = Pattern.compile("Connected Stripe: source ([0-9a-f-]{36})");
    private static final String BUSINESS = "Demo Coffee Roasters";

    @TempDir
    Path dataDir;

    private final AirbyteSimulator simulator = AirbyteSimulator.start(Duration.ZERO);
    private CommandLineRunner cli;

    @BeforeEach
    void setUp() {
        cli = new CommandLineRunner(options -> AppContext.start(new AppOptions(options.dataDir(), options.airbyteUrl(),
                options.browser(), Duration.ZERO, options.consentTimeout())), url -> false,
                "--data-dir", dataDir.toString());
    }

    @AfterEach
    void stop() {
        simulator.close();
    }

    private int run(String... args) {
        cli.clearOut();
        cli.clearErr();
        return cli.run(Map.of("STRIPE_KEY", KEY), args);
    }

    /** Runs against the simulator. */
    private int airbyte(String... args) {
        String[] all = new String[args.length + 2];
        all[0] = "--airbyte-url";
        all[1] = simulator.apiBaseUrl().toString();
        System.arraycopy(args, 0, all, 2, args.length);
        return run(all);
    }

    private String connectStripe(String account) {
        assertThat(airbyte("connect", "stripe", "--set", "account_id=" + account, "--secret",
                "client_secret=STRIPE_KEY")).as(cli.err()).isZero();
        Matcher source = SOURCE.matcher(cli.out());
        assertThat(source.find()).as(cli.out()).isTrue();
        return source.group(1);
    }

    /** The connections as the Airbyte they were made in reads them (any other would call them in another Airbyte). */
    private JsonNode connectionsJson() throws Exception {
        assertThat(airbyte("connections", "--json")).isZero();
        return new ObjectMapper().readTree(cli.out());
    }

    @Test
    void disconnectWithYes_deletesTheSourcePrintsEachStepAndExitsZero() throws Exception {
        String source = connectStripe("acct_1");

        int exit = airbyte("disconnect", "stripe", "--yes");

        assertThat(exit).as(cli.err()).isZero();
        assertThat(cli.out()).isEqualTo(String.join(System.lineSeparator(), "Deleting the source in Airbyte…",
                "Marking the connection disconnected…", "Disconnected Stripe (account acct_1) of " + BUSINESS
                        + ". Its source " + source + " was deleted in Airbyte.", ""));
        assertThat(simulator.sourceIds()).doesNotContain(source);
        assertThat(cli.questions()).isEmpty();
        JsonNode listed = connectionsJson();
        assertThat(listed).hasSize(1);
        assertThat(listed.get(0).path("status").asText()).isEqualTo("DISCONNECTED");
        assertThat(listed.get(0).path("disconnectedAt").asText()).isNotEmpty();
    }

    @Test
    void connectionsTable_hidesDisconnectedOnesUnlessAll() {
        connectStripe("acct_1");
        String kept = connectStripe("acct_2");
        assertThat(airbyte("disconnect", "stripe", "--account", "acct_1", "--yes")).as(cli.err()).isZero();

        assertThat(run("connections")).isZero();
        assertThat(cli.out()).contains("acct_2", kept).doesNotContain("acct_1", "DISCONNECTED")
                .contains("1 disconnected connection is not shown; --all lists it.");

        assertThat(run("connections", "--all")).isZero();
        assertThat(cli.out()).contains("acct_1", "DISCONNECTED", "acct_2").doesNotContain("not shown");
    }

    @Test
    void withoutATerminalAndWithoutYes_exitsTwoSayingAddYes_andDisconnectsNothing() throws Exception {
        String source = connectStripe("acct_1");

        int exit = airbyte("disconnect", "stripe");

        assertThat(exit).isEqualTo(DisconnectCommand.USAGE);
        assertThat(cli.questions()).containsExactly("Disconnect Stripe (account acct_1) of business " + BUSINESS
                + "? This deletes its source in Airbyte. [y/N] ");
        assertThat(cli.err()).isEqualTo("onramp: Nothing was disconnected, as there is no terminal to confirm on: add"
                + " --yes to disconnect Stripe (account acct_1) of business " + BUSINESS + "." + System.lineSeparator());
        assertThat(simulator.sourceIds()).contains(source);
        assertThat(connectionsJson().get(0).path("status").asText()).isEqualTo("ACTIVE");
    }

    @Test
    void typedYAtTheTerminal_disconnects_andAnythingElseCancelsWithExitFour() {
        String source = connectStripe("acct_1");

        cli.answering("n");
        assertThat(airbyte("disconnect", "stripe")).isEqualTo(OnrampCommand.CANCELLED);
        assertThat(cli.out()).isEqualTo("Nothing was disconnected." + System.lineSeparator());
        assertThat(simulator.sourceIds()).contains(source);

        cli.answering("y");
        assertThat(airbyte("disconnect", "stripe")).as(cli.err()).isZero();
        assertThat(simulator.sourceIds()).doesNotContain(source);
    }

    @Test
    void severalAccountsAndNoAccount_exitsTwoNamingThem_andAnAccountNamingNothingListsTheLabels() {
        connectStripe("acct_1");
        connectStripe("acct_2");

        assertThat(airbyte("disconnect", "stripe", "--yes")).isEqualTo(DisconnectCommand.USAGE);
        assertThat(cli.err()).isEqualTo("onramp: " + BUSINESS + " has 2 Stripe connections: \"acct_2\", \"acct_1\"."
                + " Name the one to disconnect with --account LABEL." + System.lineSeparator());

        assertThat(airbyte("disconnect", "stripe", "--account", "acct_3", "--yes")).isEqualTo(DisconnectCommand.USAGE);
        assertThat(cli.err()).contains("has no Stripe connection with the account \"acct_3\"",
                "Its Stripe accounts: \"acct_2\", \"acct_1\"");
        assertThat(airbyte("disconnect", "stripe", "--account", "a".repeat(10_000), "--yes"))
                .isEqualTo(DisconnectCommand.USAGE);
        assertThat(cli.err()).contains("(10000 characters)").hasSizeLessThan(400);
    }

    @Test
    void nothingToDisconnect_exitsOne_andAnUnknownBusinessExitsTwo() {
        assertThat(airbyte("disconnect", "stripe", "--yes")).isEqualTo(OnrampCommand.FAILED);
        assertThat(cli.err()).startsWith("onramp: " + BUSINESS + " has no Stripe connection to disconnect");

        assertThat(airbyte("disconnect", "stripe", "--tenant", "Globex", "--yes")).isEqualTo(DisconnectCommand.USAGE);
        assertThat(cli.err()).startsWith("onramp: No business named \"Globex\".");
    }

    @Test
    void unreachableAirbyte_exitsOneOfferingLocalOnly_whichRemovesItFromOnrampAndKeepsTheSource() throws Exception {
        String source = connectStripe("acct_1");
        // The Airbyte the connection was made in stops answering (another one would hold no such source).
        String closed = simulator.apiBaseUrl().toString();
        simulator.close();

        int exit = run("--airbyte-url", closed, "disconnect", "stripe", "--yes");

        assertThat(exit).isEqualTo(OnrampCommand.FAILED);
        assertThat(cli.err()).startsWith("onramp: Stripe (account acct_1) of " + BUSINESS + " stays connected. Airbyte"
                + " could not be reached to delete its source: Onramp could not reach")
                .endsWith("Try again once Airbyte answers, or add --local-only to remove it from Onramp only (its source"
                        + " then stays in Airbyte)." + System.lineSeparator());
        assertThat(connectionsJson().get(0).path("status").asText()).isEqualTo("ACTIVE");

        int local = run("--airbyte-url", closed, "disconnect", "stripe", "--local-only", "--yes");

        assertThat(local).as(cli.err()).isZero();
        assertThat(cli.out()).isEqualTo("Removed Stripe (account acct_1) of " + BUSINESS + " from Onramp only. Its"
                + " source " + source + " stays in Airbyte at " + closed + "; delete it there if it should go."
                + System.lineSeparator());
        assertThat(simulator.sourceIds()).contains(source);
        assertThat(connectionsJson().get(0).path("status").asText()).isEqualTo("DISCONNECTED");
    }

    @Test
    void secretThatDoesNotDecrypt_failsKeysRotateNamingTheWayOut_whichLetsItComplete() throws Exception {
        connectStripe("acct_1");
        connectStripe("acct_2");
        copySecret("acct_1", "acct_2");

        assertThat(run("keys", "rotate")).isEqualTo(OnrampCommand.FAILED);
        String advice = "onramp disconnect stripe --tenant \"" + BUSINESS + "\" --account acct_2 --local-only --yes";
        assertThat(cli.err()).contains("could not be decrypted", "The stripe connection (account acct_2)"
                + " of business " + BUSINESS + ": remove it from Onramp with: " + advice, "Then run onramp keys rotate again");

        assertThat(run("disconnect", "stripe", "--tenant", BUSINESS, "--account", "acct_2", "--local-only", "--yes"))
                .as(cli.err()).isZero();
        assertThat(run("keys", "rotate")).as(cli.err()).isZero();
        assertThat(cli.out()).contains("Continuing the key rotation started", "Re-encrypted 0 secrets in this run");
    }

    /** Puts one connection's sealed secret into another's row, as a row moved by hand would carry it. */
    private void copySecret(String fromAccount, String toAccount) throws Exception {
        try (Connection jdbc = DriverManager.getConnection("jdbc:h2:file:" + dataDir.resolve("onramp"), "onramp", "");
                PreparedStatement copy = jdbc.prepareStatement("UPDATE connection SET secret_config ="
                        + " (SELECT secret_config FROM connection WHERE account_label = ?) WHERE account_label = ?")) {
            copy.setString(1, fromAccount);
            copy.setString(2, toAccount);
            assertThat(copy.executeUpdate()).isEqualTo(1);
        }
    }
}
