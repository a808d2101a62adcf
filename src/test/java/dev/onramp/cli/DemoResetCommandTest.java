package dev.onramp.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.onramp.AppContext;
import dev.onramp.AppOptions;
import dev.onramp.demo.AirbyteSimulator;
import dev.onramp.testing.CommandLineRunner;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code onramp demo reset} in-process on a data folder whose built-in simulator keeps its sources in
 * {@code simulator/}: what it deletes, its question, and its exit codes.
 */
class DemoResetCommandTest {
    private static final String KEY = "sk_test_onramp_demo_reset_51HqLyjWDarjtT1zdp7dc";

    @TempDir
    Path dataDir;

    private CommandLineRunner cli;

    @BeforeEach
    void setUp() {
        cli = new CommandLineRunner(options -> AppContext.start(new AppOptions(options.dataDir(), options.airbyteUrl(),
                options.browser(), Duration.ZERO, options.consentTimeout())), url -> false,
                "--data-dir", dataDir.toString());
    }

    private int run(String... args) {
        cli.clearOut();
        cli.clearErr();
        return cli.run(Map.of("STRIPE_KEY", KEY), args);
    }

    /** The sources the data folder's simulator keeps, as a simulator started on it reads them. */
    private Set<String> simulatorSources() {
        try (AirbyteSimulator simulator = AirbyteSimulator.builder().stateFolder(dataDir.resolve("simulator")).start()) {
            return simulator.sourceIds();
        }
    }

    private void connectStripe() {
        assertThat(run("connect", "stripe", "--set", "account_id=acct_demo", "--secret", "client_secret=STRIPE_KEY"))
                .as(cli.err()).isZero();
        assertThat(run("connections", "--json")).isZero();
        assertThat(cli.out()).contains("\"provider\" : \"stripe\"");
        assertThat(simulatorSources()).hasSize(1);
    }

    @Test
    void resetWithYes_deletesEveryConnectionAndItsSource_soConnectionsIsAnEmptyArray() throws Exception {
        connectStripe();

        int exit = run("demo", "reset", "--yes");

        assertThat(exit).as(cli.err()).isZero();
        assertThat(cli.out()).contains("Disconnecting Stripe")
                .contains("The demo was reset: 1 business and 1 connection deleted, and Demo Coffee Roasters starts"
                        + " afresh.");
        assertThat(run("connections", "--json")).isZero();
        assertThat(new ObjectMapper().readTree(cli.out())).isEqualTo(new ObjectMapper().createArrayNode());
        assertThat(simulatorSources()).isEmpty();
    }

    @Test
    void resetWithoutYes_andNoTerminal_isRefusedWithExit2_andChangesNothing() {
        connectStripe();

        int exit = run("demo", "reset");

        assertThat(exit).isEqualTo(2);
        assertThat(cli.err().strip()).isEqualTo("onramp: Nothing was reset, as there is no terminal to confirm on:"
                + " add --yes to reset the demo.");
        assertThat(cli.questions()).singleElement().isEqualTo("Reset the demo? Every business and its connections are"
                + " deleted (1 business, 1 connection; each source deleted in the built-in simulator), and a fresh"
                + " Demo Coffee Roasters is made. [y/N] ");
        assertThat(run("connections", "--json")).isZero();
        assertThat(cli.out()).contains("\"provider\" : \"stripe\"");
        assertThat(simulatorSources()).hasSize(1);
    }

    @Test
    void answeringNo_resetsNothing_exit4() {
        connectStripe();
        cli.answering("n");

        assertThat(run("demo", "reset")).isEqualTo(4);

        assertThat(cli.out()).contains("Nothing was reset.");
        assertThat(simulatorSources()).hasSize(1);
    }

    @Test
    void besideAnotherOnramp_theResetIsRefusedInOneSentence_exit1() throws Exception {
        connectStripe();
        // The store's test program holds the database open in a process of its own, as the window does.
        Process owner = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp",
                System.getProperty("java.class.path"), "dev.onramp.store.LockHolder", dataDir.toString())
                .redirectError(ProcessBuilder.Redirect.DISCARD)
                .start();
        try {
            assertThat(owner.inputReader().lines().filter(line -> line.startsWith("lock-holder-ready")).findFirst())
                    .isPresent();

            int exit = run("demo", "reset", "--yes");

            assertThat(exit).isEqualTo(1);
            assertThat(cli.err().strip()).isEqualTo("onramp: Another Onramp has this data folder open (the window, or a"
                    + " command still running), and only that one may change it: reset the demo there (Demo → Reset"
                    + " demo…), or close it and try again. Nothing was changed.");
        } finally {
            owner.getOutputStream().close();
            if (!owner.waitFor(20, TimeUnit.SECONDS)) {
                owner.destroyForcibly();
            }
        }
        assertThat(run("connections", "--json")).isZero();
        assertThat(cli.out()).contains("\"provider\" : \"stripe\"");
        assertThat(simulatorSources()).hasSize(1);
    }
}
