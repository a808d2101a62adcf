package dev.onramp.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;

/** {@code demo-server --fault} refuses a fault it cannot read before starting anything. */
class DemoServerCommandTest {
    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        CliEnvironment env = new CliEnvironment(new PrintWriter(out, true), new PrintWriter(err, true),
                options -> {
                    throw new AssertionError("demo-server opens no app");
                }, options -> {
                    throw new AssertionError("no window in this test");
                }, url -> {
                    throw new AssertionError("no browser in this test");
                });
        return OnrampCommand.run(env, args);
    }

    @Test
    void unknownFault_isAUsageErrorNamingTheKnownOnes() {
        int exit = run("demo-server", "--fault", "418");

        assertThat(exit).isEqualTo(2);
        assertThat(err.toString()).contains("--fault", "use 429, 429-bare, 500, 502, 503, 504, slow, malformed or expired-token");
        assertThat(out.toString()).doesNotContain("listening");
    }

    @Test
    void malformedFault_isAUsageErrorShowingTheFormat() {
        int exit = run("demo-server", "--fault", "slow for a while");

        assertThat(exit).isEqualTo(2);
        assertThat(err.toString()).contains("KIND[=DURATION][:CALLS][@TARGET]");
    }
}
