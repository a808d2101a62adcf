package dev.onramp.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.onramp.testing.JarProcess;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code onramp remove-data} as a script runs it, in a process of its own with no terminal: it asks for
 * {@code --yes}, removes with it, and refuses while another Onramp process has the folder open.
 */
class RemoveDataIT {
    private static final Duration WAIT = Duration.ofSeconds(60);

    @TempDir
    Path dir;

    @Test
    void withoutATerminal_asksForYes_thenRemovesWithIt() throws Exception {
        Path data = dataFolder();

        try (JarProcess asked = JarProcess.start("remove-data", "--data-dir", data.toString())) {
            assertThat(asked.awaitExit(WAIT)).isEqualTo(OnrampCommand.FAILED);
            assertThat(asked.stderr(WAIT).lines().toList()).containsExactly("onramp: Nothing was removed, as there is"
                    + " no terminal to confirm on; run again with --yes to remove it.");
        }
        assertThat(data.resolve("onramp.mv.db")).exists();

        try (JarProcess removed = JarProcess.start("remove-data", "--yes", "--data-dir", data.toString())) {
            assertThat(removed.awaitExit(WAIT)).isZero();
            assertThat(removed.stdout()).anyMatch(line -> line.startsWith("Removed " + data));
        }
        assertThat(data).doesNotExist();
    }

    @Test
    void whileAnotherOnrampHasTheFolderOpen_refusesInOneLine() throws Exception {
        Path data = dataFolder();
        try (JarProcess first = JarProcess.start("connect", "hubspot", "--no-browser", "--data-dir", data.toString())) {
            first.awaitLine(line -> line.startsWith("http://"), WAIT);

            try (JarProcess removal = JarProcess.start("remove-data", "--yes", "--data-dir", data.toString())) {
                assertThat(removal.awaitExit(WAIT)).isEqualTo(OnrampCommand.FAILED);
                assertThat(removal.stderr(WAIT).lines().toList()).containsExactly("onramp: Onramp's data in " + data
                        + " is in use by another Onramp window or process: close it and try again. Nothing was"
                        + " removed.");
            }
            first.kill();
        }
        assertThat(data.resolve("onramp.mv.db")).exists();
    }

    private Path dataFolder() throws InterruptedException {
        Path data = dir.resolve("data");
        try (JarProcess run = JarProcess.start("connections", "--data-dir", data.toString())) {
            assertThat(run.awaitExit(WAIT)).isZero();
        }
        return data;
    }
}
