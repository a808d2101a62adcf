package dev.onramp.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.onramp.demo.AirbyteSimulator;
import dev.onramp.testing.CommandLineRunner;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
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
    private CommandLineRunner cli;

    @BeforeEach
    void setUp() {
        cli = new CommandLineRunner("--data-dir", dataDir.toString());
    }

    @AfterEach
    void stop() {
        simulator.close();
    }

    private void saveClientCredentials(String secret) {
        int exit = cli.run(Map.of("APP_SECRET", secret), "settings", "set", "--target", "self-managed",
                "--url", simulator.apiBaseUrl().toString(), "--client-id", simulator.configApiClientId(),
                "--secret", "client_secret=APP_SECRET");
        assertThat(exit).as(cli.out() + cli.err()).isZero();
        cli.clearOut();
    }

    @Test
    void settingsTest_withTheApplicationsCredentials_listsTheWorkspaceThroughABearerToken() {
        saveClientCredentials(simulator.configApiClientSecret());

        int exit = cli.run(Map.of(), "settings", "test");

        assertThat(exit).as(cli.err()).isZero();
        assertThat(cli.out()).contains("Onramp reached Airbyte at", simulator.workspaceId());
        assertThat(simulator.calls()).contains("POST /api/v1/applications/token");
    }

    @Test
    void settingsTest_withAWrongSecret_saysAirbyteRejectedTheClientIdAndSecret() {
        saveClientCredentials("a-wrong-client-secret");

        int exit = cli.run(Map.of(), "settings", "test");

        assertThat(exit).isEqualTo(OnrampCommand.FAILED);
        assertThat(cli.err()).contains("rejected the client id/secret").doesNotContain("a-wrong-client-secret");
    }

    @Test
    void doctor_checksTheBusinesssAirbyteWithItsLogin() {
        saveClientCredentials(simulator.configApiClientSecret());

        cli.run(Map.of(), "doctor");

        assertThat(cli.out()).containsPattern("✓ Airbyte of Demo Coffee Roasters: Airbyte at .* answers and"
                + " accepts Onramp's login \\(1 workspace\\)");
    }

    @Test
    void doctor_withAWrongSecret_failsTheBusinesssAirbyteLineAndSaysWhatToFix() {
        saveClientCredentials("a-wrong-client-secret");

        int exit = cli.run(Map.of(), "doctor");

        assertThat(exit).isEqualTo(OnrampCommand.FAILED);
        assertThat(cli.out()).contains("✗ Airbyte of Demo Coffee Roasters:", "rejected the client id/secret",
                "Fix: Correct the Airbyte login in Settings");
    }
}
