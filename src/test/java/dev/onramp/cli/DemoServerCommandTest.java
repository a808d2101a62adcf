package dev.onramp.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.onramp.testing.CommandLineRunner;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** {@code demo-server} refuses a fault or connector it cannot read, with a usage error, and never waits for Ctrl+C. */
class DemoServerCommandTest {
    private final CommandLineRunner cli = new CommandLineRunner(options -> {
        throw new AssertionError("demo-server opens no app");
    }, url -> {
        throw new AssertionError("no browser in this test");
    });

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
