package dev.onramp;

import static org.assertj.core.api.Assertions.assertThat;

import dev.onramp.testing.JarProcess;
import dev.onramp.testing.PrivateDisplay;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The packaged jar's window on a real X display: JavaFX started by Onramp itself, the hub drawn from
 * the catalog read meanwhile, the store opened after the first frame, and a clean end.
 */
class WindowStartIT {
    private static final Duration WAIT = Duration.ofSeconds(90);

    private static PrivateDisplay display;

    @TempDir
    Path dataDir;

    @BeforeAll
    static void startDisplay() throws Exception {
        display = PrivateDisplay.start();
    }

    @AfterAll
    static void stopDisplay() {
        if (display != null) {
            display.close();
        }
    }

    @Test
    void window_drawsTheHubThenOpensTheData_andEndsCleanlyWhenAskedToQuit() throws Exception {
        try (JarProcess window = JarProcess.start(Map.of("DISPLAY", display.name()),
                List.of("-D" + StartupProbe.PROPERTY + "=exit"), "--data-dir", dataDir.toString())) {
            window.awaitLine(StartupProbe.READY_LINE::equals, WAIT);

            assertThat(window.awaitExit(WAIT)).as(window.stderr(WAIT)).isZero();
            assertThat(window.stdout()).containsSubsequence(StartupProbe.LINE, StartupProbe.READY_LINE);
            assertThat(window.stderr(WAIT)).doesNotContain("Exception");
            assertThat(dataDir.resolve("onramp.mv.db")).exists();
        }
    }
}
