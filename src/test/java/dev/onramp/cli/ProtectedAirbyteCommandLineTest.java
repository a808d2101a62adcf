package dev.onramp.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.onramp.AppContext;
import dev.onramp.demo.AirbyteSimulator;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A business whose settings name a protected self-managed Airbyte (the simulator's protected Config
 * API) with an application's client credentials: {@code settings test} and {@code doctor} sign in.
 */
class ProtectedAirbyteCommandLineTest {
    @TempDir
    Path dataDir;

    private final AirbyteSimulator simulator = AirbyteSimulator.builder().protectedConfigApi().start();
    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    @AfterEach
    void stop() {
        simulator.close();
    }

    private int run(Map<String, String> environment, String... args) {
        CliEnvironment env = new CliEnvironment(new PrintWriter(out, true), new PrintWriter(err, true),
                AppContext::start, options -> {
                    throw new AssertionError("no window in this test");
                }, url -> false,
                name -> Optional.ofNullable(environment.get(name)),
                prompt -> Optional.empty());
        List<String> all = new ArrayList<>(List.of("--data-dir", dataDir.toString()));
        all.addAll(List.of(args));
        return OnrampCommand.run(env, all.toArray(String[]::new));
    }

    private void saveClientCredentials(String secret) {
        int exit = run(Map.of("APP_SECRET", secret), "settings", "set", "--target", "self-managed",
                "--url", simulator.apiBaseUrl().toString(), "--client-id", simulator.configApiClientId(),
                "--secret", "client_secret=APP_SECRET");
        assertThat(exit).as(out + "" + err).isZero();
        out.getBuffer().setLength(0);
    }

    @Test
    void settingsTest_withTheApplicationsCredentials_listsTheWorkspaceThroughABearerToken() {
        saveClientCredentials(simulator.configApiClientSecret());

        int exit = run(Map.of(), "settings", "test");

        assertThat(exit).as(err.toString()).isZero();
        assertThat(out.toString()).contains("Onramp reached Airbyte at", simulator.workspaceId());
        assertThat(simulator.calls()).contains("POST /api/v1/applications/token");
    }

    @Test
    void settingsTest_withAWrongSecret_saysAirbyteRejectedTheClientIdAndSecret() {
        saveClientCredentials("a-wrong-client-secret");

        int exit = run(Map.of(), "settings", "test");

        assertThat(exit).isEqualTo(OnrampCommand.FAILED);
        assertThat(err.toString()).contains("rejected the client id/secret").doesNotContain("a-wrong-client-secret");
    }

    @Test
    void doctor_checksTheBusinesssAirbyteWithItsLogin() {
        saveClientCredentials(simulator.configApiClientSecret());

        run(Map.of(), "doctor");

        assertThat(out.toString()).containsPattern("✓ Airbyte of Demo Coffee Roasters: Airbyte at .* answers and"
                + " accepts Onramp's login \\(1 workspace\\)");
    }

    @Test
    void doctor_withAWrongSecret_failsTheBusinesssAirbyteLineAndSaysWhatToFix() {
        saveClientCredentials("a-wrong-client-secret");

        int exit = run(Map.of(), "doctor");

        assertThat(exit).isEqualTo(OnrampCommand.FAILED);
        assertThat(out.toString()).contains("✗ Airbyte of Demo Coffee Roasters:", "rejected the client id/secret",
                "Fix: Correct the Airbyte login in Settings");
    }
}
