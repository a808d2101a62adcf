package dev.onramp.cli;

import static java.nio.charset.StandardCharsets.ISO_8859_1;
import static org.assertj.core.api.Assertions.assertThat;

import dev.onramp.demo.AirbyteSimulator;
import dev.onramp.testing.CommandLineRunner;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code onramp settings}: shows, sets and tests a business's Airbyte, in-process. */
class SettingsCommandLineTest {
    private static final String PASSWORD = "airbyte-password-PLANTED-0f3c";

    @TempDir
    Path dataDir;

    private CommandLineRunner cli;

    @BeforeEach
    void setUp() {
        cli = new CommandLineRunner("--data-dir", dataDir.toString());
    }

    @Test
    void settingsOfANewBusiness_sayDemo() {
        int exit = cli.run(Map.of(), "settings");

        assertThat(exit).isZero();
        assertThat(cli.out()).contains("Demo Coffee Roasters", "demo (the built-in Airbyte simulator)");
    }

    @Test
    void selfManagedWithALogin_isSavedAndShownWithThePasswordMasked() throws Exception {
        int set = cli.run(Map.of("AIRBYTE_PASSWORD", PASSWORD), "settings", "set", "--target", "self-managed",
                "--url", "http://airbyte.internal:8000", "--username", "admin", "--secret", "password=AIRBYTE_PASSWORD");
        cli.clearOut();

        int show = cli.run(Map.of(), "settings", "--tenant", "Demo Coffee Roasters");

        assertThat(set).as(cli.err()).isZero();
        assertThat(show).isZero();
        assertThat(cli.out()).contains("self-managed", "http://airbyte.internal:8000/api",
                "user admin, password ••••••")
                .doesNotContain(PASSWORD);
        assertThat(new String(Files.readAllBytes(dataDir.resolve("onramp.mv.db")), ISO_8859_1)).doesNotContain(PASSWORD);
    }

    @Test
    void changingOneValue_keepsTheOthersAndTheStoredPassword() {
        cli.run(Map.of("AIRBYTE_PASSWORD", PASSWORD), "settings", "set", "--target", "self-managed",
                "--url", "http://airbyte.internal:8000", "--username", "admin", "--secret", "password=AIRBYTE_PASSWORD");
        cli.clearOut();

        int exit = cli.run(Map.of(), "settings", "set", "--url", "http://airbyte.other:8000");

        assertThat(exit).as(cli.err()).isZero();
        assertThat(cli.out()).contains("http://airbyte.other:8000/api", "user admin, password ••••••");
    }

    @Test
    void cloudWithAPlainHttpRelay_isRefusedWithTheHttpsRule() {
        int exit = cli.run(Map.of("CLOUD_SECRET", "cloud-secret"), "settings", "set", "--target", "cloud",
                "--client-id", "client-1", "--secret", "client_secret=CLOUD_SECRET", "--workspace", "ws-1",
                "--relay-url", "http://relay.example.org/");

        assertThat(exit).isEqualTo(OnrampCommand.FAILED);
        assertThat(cli.err()).contains("Airbyte Cloud only sends people back to https addresses");
    }

    @Test
    void cloudSettings_areStoredAndShownWithTheSecretMasked() {
        int exit = cli.run(Map.of("CLOUD_SECRET", PASSWORD), "settings", "set", "--target", "cloud",
                "--client-id", "client-1", "--secret", "client_secret=CLOUD_SECRET", "--workspace", "ws-1",
                "--relay-url", "https://relay.example.org/onramp/");

        assertThat(exit).as(cli.err()).isZero();
        assertThat(cli.out()).contains("Airbyte Cloud", "client-1", "ws-1", "https://relay.example.org/onramp/")
                .doesNotContain(PASSWORD);
    }

    @Test
    void testingDemoMode_listsTheSimulatorsWorkspace() {
        int exit = cli.run(Map.of(), "settings", "test");

        assertThat(exit).as(cli.err()).isZero();
        assertThat(cli.out()).contains("Onramp reached Demo: the built-in Airbyte simulator: 1 workspace",
                "Demo workspace");
    }

    @Test
    void testingASelfManagedAirbyte_reachesIt() {
        try (AirbyteSimulator separate = AirbyteSimulator.start(Duration.ZERO)) {
            cli.run(Map.of(), "settings", "set", "--target", "self-managed", "--url", separate.apiBaseUrl().toString());
            cli.clearOut();

            int exit = cli.run(Map.of(), "settings", "test");

            assertThat(exit).as(cli.err()).isZero();
            assertThat(cli.out()).contains("Onramp reached Airbyte at " + separate.apiBaseUrl(),
                    separate.workspaceId());
        }
    }

    @Test
    void anUnknownTarget_isRefused() {
        int exit = cli.run(Map.of(), "settings", "set", "--target", "mainframe");

        assertThat(exit).isEqualTo(OnrampCommand.FAILED);
        assertThat(cli.err()).contains("--target takes demo, self-managed or cloud");
    }
}
