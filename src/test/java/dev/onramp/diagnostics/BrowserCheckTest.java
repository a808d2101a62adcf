package dev.onramp.diagnostics;

import static org.assertj.core.api.Assertions.assertThat;

import dev.onramp.testing.FakePrograms;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

/** How the doctor finds out whether Onramp can open a browser, with fake programs on a PATH of the test's own. */
class BrowserCheckTest {
    private static final Duration WAIT = Duration.ofSeconds(5);

    @TempDir
    Path bin;

    private static Check linux(Path... path) {
        return new BrowserCheck("Linux", List.of(path), WAIT).run();
    }

    @Test
    @EnabledOnOs({OS.LINUX, OS.MAC})
    void xdgSettingsNamingABrowser_passesWithItsName() {
        FakePrograms.program(bin, "xdg-settings", "echo firefox-esr.desktop");

        assertThat(linux(bin).line()).isEqualTo("✓ Browser: the default browser is firefox-esr.desktop.");
    }

    @Test
    @EnabledOnOs({OS.LINUX, OS.MAC})
    void xdgOpenAlone_passes() {
        FakePrograms.program(bin, "xdg-open", "exit 0");

        assertThat(linux(bin).line()).isEqualTo("✓ Browser: " + bin.resolve("xdg-open") + " opens links in the desktop's browser.");
    }

    @Test
    @EnabledOnOs({OS.LINUX, OS.MAC})
    void xdgSettingsWithoutAnAnswerAndNoXdgOpen_failsWithAFix() {
        FakePrograms.program(bin, "xdg-settings", "exit 1");

        Check check = linux(bin);

        assertThat(check.passed()).isFalse();
        assertThat(check.line()).startsWith("✗ Browser: Onramp cannot open a browser: xdg-open is not installed. Fix: Install xdg-utils");
    }

    @Test
    void nothingOnThePath_failsAndPointsToNoBrowser() {
        assertThat(linux().fix()).hasValueSatisfying(fix -> assertThat(fix).contains("onramp connect --no-browser"));
    }

    @Test
    void windows_alwaysHasAnOpener() {
        Check check = new BrowserCheck("Windows 11", List.of(), WAIT).run();

        assertThat(check.line()).isEqualTo("✓ Browser: Windows 11 opens links in the default browser (rundll32).");
    }
}
