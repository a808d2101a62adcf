package dev.onramp.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import dev.onramp.demo.AirbyteSimulator;
import dev.onramp.demo.Fault;
import dev.onramp.testing.CommandLineRunner;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What the command line says to input it cannot use and to failures a person can fix: one sentence
 * naming what to do, the exit code of the README's table, no Java exception text, and nothing opened
 * or audited for a usage error.
 */
class UnclearAnswersCommandLineTest {
    @TempDir
    Path dataDir;

    private final CommandLineRunner cli = new CommandLineRunner();

    @Test
    void negativeTimeout_isAUsageErrorNamingTheFormsAndOpensNothing() {
        int exit = cli.run(Map.of(), "--data-dir", dataDir.toString(), "connect", "hubspot", "--no-browser",
                "--timeout", "PT-5S");

        assertThat(exit).isEqualTo(OnrampCommand.WRONG_USAGE);
        assertThat(cli.err()).isEqualTo("onramp: --timeout takes a positive wait, such as 5m, 90s or PT5M (ISO-8601);"
                + " \"PT-5S\" is not one." + System.lineSeparator()
                + "`onramp connect --help` lists its options." + System.lineSeparator());
        assertThat(cli.out()).isEmpty();
        assertThat(dataDir.resolve("onramp.mv.db")).as("no database opened, so no audit entry").doesNotExist();
    }

    @Test
    void zeroOrUnreadableTimeout_isAUsageErrorWithoutJavasExceptionText() {
        for (String wait : new String[] {"PT0S", "0s", "soon", "5 minutes"}) {
            cli.clearErr();

            int exit = cli.run(Map.of(), "--data-dir", dataDir.toString(), "connect", "hubspot", "--timeout", wait);

            assertThat(exit).as(wait).isEqualTo(OnrampCommand.WRONG_USAGE);
            assertThat(cli.err()).as(wait).startsWith("onramp: --timeout takes a positive wait")
                    .doesNotContain("Exception", "java.", "Usage:");
        }
    }

    @Test
    void timeoutAsANumberWithItsUnit_isReadAsISO8601Is() {
        WaitOption waits = new WaitOption();

        assertThat(waits.convert("90s")).isEqualTo(Duration.ofSeconds(90));
        assertThat(waits.convert("5m")).isEqualTo(Duration.ofMinutes(5));
        assertThat(waits.convert("1h")).isEqualTo(Duration.ofHours(1));
        assertThat(waits.convert("pt5m")).isEqualTo(Duration.ofMinutes(5));
    }

    @Test
    void airbyteUrlThatIsNoAddress_isAUsageErrorShowingOneWithoutJavasExceptionText() {
        for (String url : new String[] {"http://a b", "localhost:8000", "ftp://airbyte.example"}) {
            cli.clearErr();

            int exit = cli.run(Map.of(), "--data-dir", dataDir.toString(), "connect", "hubspot", "--airbyte-url", url);

            assertThat(exit).as(url).isEqualTo(OnrampCommand.WRONG_USAGE);
            assertThat(cli.err()).as(url).startsWith("onramp: The Airbyte address after --airbyte-url must be a full"
                    + " http or https address, such as http://localhost:8000; \"" + url + "\" is not.")
                    .doesNotContain("Exception", "java.", "Usage:");
        }
        assertThat(dataDir.resolve("onramp.mv.db")).doesNotExist();
    }

    @Test
    void setWithoutAValue_isAUsageErrorNamingTheFormKeyEqualsValue() {
        int exit = cli.run(Map.of(), "--data-dir", dataDir.toString(), "connect", "stripe", "--set", "account_id");

        assertThat(exit).isEqualTo(OnrampCommand.WRONG_USAGE);
        assertThat(cli.err()).startsWith("onramp: --set takes KEY=VALUE, e.g. --set account_id=acct_123;"
                + " \"account_id\" has no value: write --set account_id=VALUE.").doesNotContain("has no key");
        assertThat(cli.out()).doesNotContain("Connecting");
    }

    @Test
    void setWithoutAKey_isAUsageErrorSayingTheKeyIsMissing() {
        int exit = cli.run(Map.of(), "--data-dir", dataDir.toString(), "connect", "stripe", "--set", "=acct_123");

        assertThat(exit).isEqualTo(OnrampCommand.WRONG_USAGE);
        assertThat(cli.err()).startsWith("onramp: --set takes KEY=VALUE").contains("has no key");
    }

    @Test
    void unknownOption_isStillAUsageErrorOnOneLineWithTheHelpToRun() {
        int exit = cli.run(Map.of(), "--data-dir", dataDir.toString(), "connect", "hubspot", "--no-browsr");

        assertThat(exit).isEqualTo(OnrampCommand.WRONG_USAGE);
        assertThat(cli.err()).startsWith("onramp: Unknown option: '--no-browsr'")
                .contains("--no-browser", "`onramp connect --help` lists its options.").doesNotContain("Usage:");
    }

    @Test
    void airbyteAnsweringCutOffJson_failsSayingToTryAgainNotToCheckTheAddress() {
        try (AirbyteSimulator simulator = AirbyteSimulator.builder().latency(Duration.ZERO).start()) {
            simulator.faults().arm(Fault.malformedJson().times(5));

            int exit = cli.run(Map.of(), "--data-dir", dataDir.toString(), "connect", "hubspot", "--no-browser",
                    "--airbyte-url", simulator.apiBaseUrl().toString());

            assertThat(exit).isEqualTo(OnrampCommand.FAILED);
            assertThat(cli.err()).contains("sent an answer that breaks off or is not valid JSON", "Try again")
                    .doesNotContain("check the address", "Exception");
        }
    }

    @Test
    void readOnlyDataFolder_failsSayingTheFolderCannotBeWrittenAndWhatToDo() throws Exception {
        assertThat(cli.run(Map.of(), "--data-dir", dataDir.toString(), "connections")).isZero();
        readOnly(dataDir);
        assumeFalse(Files.isWritable(dataDir.resolve("onramp.mv.db")),
                "this user (root) writes read-only files; DatabaseTest covers the database's answer");
        try {
            int exit = cli.run(Map.of(), "--data-dir", dataDir.toString(), "settings", "set", "--target", "demo");

            assertThat(exit).isEqualTo(OnrampCommand.FAILED);
            assertThat(cli.err()).contains("Onramp cannot write to its data folder", "write access")
                    .doesNotContain("SQL statement", "INSERT", "MERGE");
        } finally {
            writable(dataDir);
        }
    }

    private static void readOnly(Path folder) throws Exception {
        try (Stream<Path> all = Files.walk(folder)) {
            all.forEach(path -> path.toFile().setWritable(false, false));
        }
    }

    private static void writable(Path folder) throws Exception {
        try (Stream<Path> all = Files.walk(folder)) {
            all.forEach(path -> path.toFile().setWritable(true, true));
        }
    }
}
