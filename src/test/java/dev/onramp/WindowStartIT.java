package dev.onramp;

import static org.assertj.core.api.Assertions.assertThat;

import dev.onramp.testing.JarProcess;
import dev.onramp.testing.PrivateDisplay;
import dev.onramp.testing.WindowManagerStandIn;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The packaged jar's window on a real X display: JavaFX started by Onramp itself, the hub drawn from
 * the catalog read meanwhile, the store opened after the first frame, and a clean end.
 */
class WindowStartIT {
    private static final Duration WAIT = Duration.ofSeconds(90);

    @RegisterExtension
    static final PrivateDisplay display = new PrivateDisplay();

    @TempDir
    Path dataDir;

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

    @Test
    void closingTheWindow_endsOnrampCleanly_andLeavesItsDataFreeForTheNextStart() throws Exception {
        try (JarProcess window = JarProcess.start(Map.of("DISPLAY", display.name()),
                List.of("-D" + StartupProbe.PROPERTY + "=print"), "--data-dir", dataDir.toString())) {
            window.awaitLine(StartupProbe.READY_LINE::equals, WAIT);

            WindowManagerStandIn.on(display).close("Onramp", WAIT);

            assertThat(window.awaitExit(WAIT)).as(window.stderr(WAIT)).isZero();
            assertThat(window.stderr(WAIT)).doesNotContain("Exception");
        }
        // The store was closed: a second Onramp on the same data opens it.
        try (JarProcess again = JarProcess.start(Map.of("DISPLAY", display.name()),
                List.of("-D" + StartupProbe.PROPERTY + "=exit"), "--data-dir", dataDir.toString())) {
            assertThat(again.awaitExit(WAIT)).as(again.stderr(WAIT)).isZero();
            assertThat(again.stdout()).contains(StartupProbe.READY_LINE);
        }
    }

    @Test
    void withoutADisplay_theWindowSaysItNeedsADesktopInOneLine_andOpensNothing() throws Exception {
        try (JarProcess window = JarProcess.start(Map.of("DISPLAY", ""), List.of(), "--data-dir", dataDir.toString())) {
            assertThat(window.awaitExit(WAIT)).isEqualTo(1);
            String errors = window.stderr(WAIT);

            assertThat(errors).contains("onramp: The window needs a graphical desktop, and there is none here",
                    "use its command line (Onramp --help)");
            assertThat(errors).doesNotContain("Exception", "\tat ");
            try (Stream<Path> files = Files.list(dataDir)) {
                assertThat(files).isEmpty();
            }
        }
    }
}
