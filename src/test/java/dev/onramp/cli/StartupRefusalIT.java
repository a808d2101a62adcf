package dev.onramp.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.onramp.store.Database;
import dev.onramp.testing.JarProcess;
import dev.onramp.testing.ScriptedBrowser;
import dev.onramp.testing.ScriptedBrowser.Decision;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What the packaged command line refuses to start with, each time in one clear line and a non-zero
 * exit: a data folder another Onramp has open, and an Airbyte reached over plain http.
 */
class StartupRefusalIT {
    private static final Duration WAIT = Duration.ofSeconds(60);

    @TempDir
    Path dataDir;

    @Test
    void secondInstanceOnTheSameData_readsThroughTheFirstButChangesNothingAndLeavesTheFirstUnharmed() throws Exception {
        try (JarProcess first = JarProcess.start("connect", "hubspot", "--no-browser", "--data-dir", dataDir.toString())) {
            URI consent = URI.create(first.awaitLine(line -> line.startsWith("http://"), WAIT));

            try (JarProcess reader = JarProcess.start("connections", "--data-dir", dataDir.toString())) {
                assertThat(reader.awaitExit(WAIT)).as(reader.stderr(WAIT)).isZero();
                assertThat(reader.stdout()).contains("No connections yet. Connect one with: onramp connect <provider>");
            }
            try (JarProcess doctor = JarProcess.start("doctor", "--data-dir", dataDir.toString())) {
                // Its exit depends on this machine's browser too; the lines that read the folder must pass.
                doctor.awaitExit(WAIT);
                assertThat(doctor.stdout()).anyMatch(line -> line.startsWith("✓ Airbyte: ") && line.contains("answers"))
                        .anyMatch(line -> line.startsWith("✓ Audit log: The audit log is intact"));
            }
            try (JarProcess writer = JarProcess.start("connect", "hubspot", "--no-browser", "--data-dir",
                    dataDir.toString())) {
                assertThat(writer.awaitExit(WAIT)).isEqualTo(OnrampCommand.FAILED);
                assertThat(writer.stderr(WAIT).lines().filter(line -> line.startsWith("onramp: ")).toList())
                        .containsExactly("onramp: " + Database.OWNED_ELSEWHERE);
            }

            new ScriptedBrowser(Decision.ALLOW).open(consent);
            assertThat(first.awaitExit(WAIT)).isZero();
            assertThat(first.stdout()).anyMatch(line -> line.startsWith("Connected HubSpot: source "));
        }
        try (JarProcess afterwards = JarProcess.start("connections", "--data-dir", dataDir.toString())) {
            assertThat(afterwards.awaitExit(WAIT)).isZero();
            assertThat(afterwards.stdout()).anyMatch(line -> line.contains("hubspot") && line.contains("ACTIVE"));
        }
    }

    @Test
    void plainHttpAirbyteOnAnotherHost_isRefusedInOneLineBeforeAnythingIsOpened() throws Exception {
        Path folder = dataDir.resolve("never-created");
        try (JarProcess refused = JarProcess.start("connections", "--airbyte-url", "http://airbyte.example.com:8000",
                "--data-dir", folder.toString())) {
            assertThat(refused.awaitExit(WAIT)).isEqualTo(OnrampCommand.FAILED);
            assertThat(refused.stderr(WAIT).lines().toList()).singleElement().asString()
                    .startsWith("onramp: Onramp refuses the Airbyte address http://airbyte.example.com:8000/api:")
                    .contains("Use https://airbyte.example.com:8000 instead.");
        }
        assertThat(Files.exists(folder)).isFalse();
    }
}
