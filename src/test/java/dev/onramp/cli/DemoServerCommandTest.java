package dev.onramp.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.onramp.testing.CommandLineRunner;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * {@code demo-server} prints its addresses and what it plays, and refuses a fault or connector it cannot read with a
 * usage error, never waiting for Ctrl+C.
 */
class DemoServerCommandTest {
    private final CommandLineRunner cli = new CommandLineRunner(options -> {
        throw new AssertionError("demo-server opens no app");
    }, url -> {
        throw new AssertionError("no browser in this test");
    });

    @Test
    void started_printsItsAddressesAndWhatItPlays_untilStopped() throws InterruptedException {
        Thread running = Thread.ofVirtual().start(() -> cli.run(Map.of(), "demo-server", "--latency", "0", "--protected",
                "--fault", "check-auth:3@src-1", "--fault", "503", "--oauth-off", "hubspot"));
        try {
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (!cli.out().contains("Ctrl+C") && running.isAlive() && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
            assertThat(cli.out()).as(cli.err()).startsWith("Airbyte simulator listening at http://127.0.0.1:")
                    .containsPattern("Its Config API needs a login: user airbyte with password \\S+, or the application"
                            + " with client id \\S+ and client secret \\S+ \\(onramp settings set --target self-managed"
                            + " --url http://127.0.0.1:\\d+/\\S* --client-id … --secret client_secret\\)")
                    .containsPattern("Airbyte Cloud stand-in \\(public API\\) at http://127.0.0.1:\\d+\\S* with client id"
                            + " \\S+ and client secret \\S+")
                    .contains("OAuth switched off for hubspot.", "Armed fault: CHECK_AUTH for 3 test(s) of a source of src-1",
                            "Armed fault: SERVICE_UNAVAILABLE for 1 call(s)" + System.lineSeparator())
                    .endsWith("Press Ctrl+C to stop." + System.lineSeparator());
        } finally {
            running.interrupt(); // as Ctrl+C would: the simulator closes
            running.join(Duration.ofSeconds(30));
        }
    }

    @Test
    void unknownFault_isAUsageErrorNamingTheKnownOnes() {
        int exit = cli.run(Map.of(), "demo-server", "--fault", "418");

        assertThat(exit).isEqualTo(2);
        assertThat(cli.err()).contains("--fault", "use 429, 429-bare, 500, 502, 503, 504, slow, late, drop, malformed, expired-token,"
                + " check-auth or check-fail");
        assertThat(cli.out()).doesNotContain("listening");
    }

    @Test
    void withoutTheOAuthAppOfAConnectorItLacks_isAUsageErrorNamingItsOAuthConnectors() {
        int exit = cli.run(Map.of(), "demo-server", "--without-oauth-app", "nosuch", "--latency", "0");

        assertThat(exit).isEqualTo(2);
        assertThat(cli.err()).contains("no OAuth connector \"nosuch\"", "hubspot");
        assertThat(cli.out()).doesNotContain("Press Ctrl+C");
    }

    @Test
    void malformedFault_isAUsageErrorShowingTheFormat() {
        int exit = cli.run(Map.of(), "demo-server", "--fault", "slow for a while");

        assertThat(exit).isEqualTo(2);
        assertThat(cli.err()).contains("KIND[=DURATION][:CALLS][@TARGET]");
    }
}
