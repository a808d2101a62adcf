package dev.onramp.diagnostics;

import static org.assertj.core.api.Assertions.assertThat;

import dev.onramp.testing.FakeDesktop;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

/**
 * How the doctor finds out, without opening a page, whether Onramp can open a browser: on a desktop of fake
 * programs and {@code .desktop} files in a folder of the test's own.
 */
@EnabledOnOs({OS.LINUX, OS.MAC})
class BrowserCheckTest {
    private static final Duration WAIT = Duration.ofSeconds(5);

    @TempDir
    Path root;

    private static Check linux(FakeDesktop desktop) {
        return new BrowserCheck("Linux", desktop.env(), WAIT).run();
    }

    @Test
    void defaultBrowserWhoseProgramIsInstalled_passesWithItsNameAndProgram() {
        FakeDesktop desktop = FakeDesktop.working(root);

        assertThat(linux(desktop).line()).isEqualTo("✓ Browser: the default browser is fake-browser.desktop ("
                + desktop.bin().resolve("fake-browser") + "), and xdg-open runs.");
    }

    @Test
    void defaultBrowserWhoseProgramIsGone_failsAndSaysHowToSetAnother() {
        FakeDesktop desktop = FakeDesktop.working(root).desktopFile("fake-browser.desktop", "/opt/gone/browser %U");

        Check check = linux(desktop);

        assertThat(check.passed()).isFalse();
        assertThat(check.line()).isEqualTo("✗ Browser: Onramp cannot open a browser: the default browser"
                + " fake-browser.desktop runs /opt/gone/browser, which is not installed. Fix: Install a web browser and"
                + " make it the default (e.g. xdg-settings set default-web-browser firefox-esr.desktop, with the"
                + " .desktop file of a browser that is installed), or use onramp connect --no-browser and open the"
                + " printed link yourself.");
    }

    @Test
    void defaultBrowserWithoutADesktopFile_fails() {
        FakeDesktop desktop = FakeDesktop.working(root).defaultBrowser("uninstalled.desktop");

        assertThat(linux(desktop).line()).startsWith("✗ Browser: Onramp cannot open a browser: the default browser is"
                + " uninstalled.desktop, but no such .desktop file is in [").contains("xdg-settings set default-web-browser");
    }

    @Test
    void desktopFileStartingItsBrowserThroughEnv_isFollowedToTheBrowser() {
        FakeDesktop desktop = FakeDesktop.working(root)
                .desktopFile("fake-browser.desktop", "env MOZ_ENABLE_WAYLAND=1 \"fake-browser\" %u");

        assertThat(linux(desktop).passed()).isTrue();
    }

    @Test
    void xdgOpenThatDoesNotRun_failsWithItsExitCode() {
        FakeDesktop desktop = FakeDesktop.working(root).xdgOpen("exit 3");

        Check check = linux(desktop);

        assertThat(check.line()).startsWith("✗ Browser: Onramp cannot open a browser: " + desktop.bin().resolve("xdg-open")
                + " --version exited with code 3. Fix: Install xdg-utils");
    }

    @Test
    void noXdgOpen_failsWithAFix() {
        FakeDesktop desktop = FakeDesktop.empty(root).display().defaultBrowser("fake-browser.desktop");

        assertThat(linux(desktop).line()).startsWith("✗ Browser: Onramp cannot open a browser: xdg-open is not"
                + " installed. Fix: Install xdg-utils");
    }

    @Test
    void noDefaultBrowser_passesWithTheBrowserXdgOpenFallsBackTo() {
        FakeDesktop desktop = FakeDesktop.empty(root).display().xdgOpen("exit 0").program("xdg-settings", "exit 2")
                .program("firefox", "exit 0");

        assertThat(linux(desktop).line()).isEqualTo("✓ Browser: no default browser is set; xdg-open opens links in "
                + desktop.bin().resolve("firefox") + ".");
    }

    @Test
    void noDefaultBrowserAndNoneInstalled_failsAndSaysHowToSetOne() {
        FakeDesktop desktop = FakeDesktop.empty(root).display().xdgOpen("exit 0").program("xdg-settings", "exit 2");

        assertThat(linux(desktop).fix()).hasValueSatisfying(fix ->
                assertThat(fix).contains("xdg-settings set default-web-browser", "onramp connect --no-browser"));
    }

    @Test
    void noDesktopSessionAndNoTextBrowser_failsAndPointsToTheDesktopOrNoBrowser() {
        FakeDesktop desktop = FakeDesktop.working(root).unset("DISPLAY");

        assertThat(linux(desktop).line()).isEqualTo("✗ Browser: Onramp cannot open a browser: no desktop session is"
                + " visible (DISPLAY and WAYLAND_DISPLAY are not set), so xdg-open has no browser to start. Fix: Start"
                + " Onramp from the desktop session (over SSH, while logged in to the desktop: export DISPLAY=:0), or use"
                + " onramp connect --no-browser and open the printed link in a browser yourself.");
    }

    @Test
    void noDesktopSessionButABrowserVariable_passesWithThatBrowser() {
        FakeDesktop desktop = FakeDesktop.working(root).unset("DISPLAY").program("lynx", "exit 0")
                .set("BROWSER", "lynx -accept_all_cookies %s");

        assertThat(linux(desktop).line()).isEqualTo("✓ Browser: no desktop session is visible (DISPLAY and"
                + " WAYLAND_DISPLAY are not set), so xdg-open opens links in " + desktop.bin().resolve("lynx") + ".");
    }

    @Test
    void waylandSession_countsAsADesktop() {
        FakeDesktop desktop = FakeDesktop.working(root).unset("DISPLAY").set("WAYLAND_DISPLAY", "wayland-0");

        assertThat(linux(desktop).passed()).isTrue();
    }

    @Test
    void windows_alwaysHasAnOpener() {
        Check check = new BrowserCheck("Windows 11", Map.of(), WAIT).run();

        assertThat(check.line()).isEqualTo("✓ Browser: Windows 11 opens links in the default browser (rundll32).");
    }
}
