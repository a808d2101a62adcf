package dev.onramp.cli;

import static java.nio.charset.StandardCharsets.ISO_8859_1;
import static org.assertj.core.api.Assertions.assertThat;

import dev.onramp.AppContext;
import dev.onramp.demo.AirbyteSimulator;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code onramp settings}: shows, sets and tests a business's Airbyte, in-process. */
class SettingsCommandLineTest {
    private static final String PASSWORD = "airbyte-password-PLANTED-0f3c";

    @TempDir
    Path dataDir;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

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

    @Test
    void settingsOfANewBusiness_sayDemo() {
        int exit = run(Map.of(), "settings");

        assertThat(exit).isZero();
        assertThat(out.toString()).contains("Demo Coffee Roasters", "demo (the built-in Airbyte simulator)");
    }

    @Test
    void selfManagedWithALogin_isSavedAndShownWithThePasswordMasked() throws Exception {
        int set = run(Map.of("AIRBYTE_PASSWORD", PASSWORD), "settings", "set", "--target", "self-managed",
                "--url", "http://airbyte.internal:8000", "--username", "admin", "--secret", "password=AIRBYTE_PASSWORD");
        out.getBuffer().setLength(0);

        int show = run(Map.of(), "settings", "--tenant", "Demo Coffee Roasters");

        assertThat(set).as(err.toString()).isZero();
        assertThat(show).isZero();
        assertThat(out.toString()).contains("self-managed", "http://airbyte.internal:8000/api", "user admin, password ••••••")
                .doesNotContain(PASSWORD);
        assertThat(new String(Files.readAllBytes(dataDir.resolve("onramp.mv.db")), ISO_8859_1)).doesNotContain(PASSWORD);
    }

    @Test
    void changingOneValue_keepsTheOthersAndTheStoredPassword() {
        run(Map.of("AIRBYTE_PASSWORD", PASSWORD), "settings", "set", "--target", "self-managed",
                "--url", "http://airbyte.internal:8000", "--username", "admin", "--secret", "password=AIRBYTE_PASSWORD");
        out.getBuffer().setLength(0);

        int exit = run(Map.of(), "settings", "set", "--url", "http://airbyte.other:8000");

        assertThat(exit).as(err.toString()).isZero();
        assertThat(out.toString()).contains("http://airbyte.other:8000/api", "user admin, password ••••••");
    }

    @Test
    void cloudWithAPlainHttpRelay_isRefusedWithTheHttpsRule() {
        int exit = run(Map.of("CLOUD_SECRET", "cloud-secret"), "settings", "set", "--target", "cloud",
                "--client-id", "client-1", "--secret", "client_secret=CLOUD_SECRET", "--workspace", "ws-1",
                "--relay-url", "http://relay.example.org/");

        assertThat(exit).isEqualTo(OnrampCommand.FAILED);
        assertThat(err.toString()).contains("Airbyte Cloud only sends people back to https addresses");
    }

    @Test
    void cloudSettings_areStoredAndShownWithTheSecretMasked() {
        int exit = run(Map.of("CLOUD_SECRET", PASSWORD), "settings", "set", "--target", "cloud",
                "--client-id", "client-1", "--secret", "client_secret=CLOUD_SECRET", "--workspace", "ws-1",
                "--relay-url", "https://relay.example.org/onramp/");

        assertThat(exit).as(err.toString()).isZero();
        assertThat(out.toString()).contains("Airbyte Cloud", "client-1", "ws-1", "https://relay.example.org/onramp/")
                .doesNotContain(PASSWORD);
    }

    @Test
    void testingDemoMode_listsTheSimulatorsWorkspace() {
        int exit = run(Map.of(), "settings", "test");

        assertThat(exit).as(err.toString()).isZero();
        assertThat(out.toString()).contains("Onramp reached Demo: the built-in Airbyte simulator: 1 workspace",
                "Demo workspace");
    }

    @Test
    void testingASelfManagedAirbyte_reachesIt() {
        try (AirbyteSimulator separate = AirbyteSimulator.start(Duration.ZERO)) {
            run(Map.of(), "settings", "set", "--target", "self-managed", "--url", separate.apiBaseUrl().toString());
            out.getBuffer().setLength(0);

            int exit = run(Map.of(), "settings", "test");

            assertThat(exit).as(err.toString()).isZero();
            assertThat(out.toString()).contains("Onramp reached Airbyte at " + separate.apiBaseUrl(), separate.workspaceId());
        }
    }

    @Test
    void anUnknownTarget_isRefused() {
        int exit = run(Map.of(), "settings", "set", "--target", "mainframe");

        assertThat(exit).isEqualTo(OnrampCommand.FAILED);
        assertThat(err.toString()).contains("--target takes demo, self-managed or cloud");
    }
}
