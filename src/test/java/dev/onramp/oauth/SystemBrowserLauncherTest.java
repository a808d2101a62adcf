package dev.onramp.oauth;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

/** The browser launcher with harmless stand-in openers instead of a real browser. */
class SystemBrowserLauncherTest {
    private static final URI CONSENT = URI.create("https://accounts.example.com/authorize?client_id=1&state=abc");
    private static final Duration EXIT_WAIT = Duration.ofSeconds(5);

    @Test
    @EnabledOnOs({OS.LINUX, OS.MAC})
    void openerThatSucceeds_reportsTrue() {
        var launcher = new SystemBrowserLauncher(List.of("true"), SystemBrowserLauncher.processes(), EXIT_WAIT);

        assertThat(launcher.open(CONSENT)).isTrue();
    }

    @Test
    @EnabledOnOs({OS.LINUX, OS.MAC})
    void openerThatFailsQuickly_reportsFalse() {
        var launcher = new SystemBrowserLauncher(List.of("false"), SystemBrowserLauncher.processes(), EXIT_WAIT);

        assertThat(launcher.open(CONSENT)).isFalse();
    }

    @Test
    @EnabledOnOs({OS.LINUX, OS.MAC})
    void openerStillRunningAfterTheWait_reportsTrue() {
        List<Process> started = new ArrayList<>();
        SystemBrowserLauncher.CommandRunner runner = command -> {
            Process process = SystemBrowserLauncher.processes().start(command);
            started.add(process);
            return process;
        };
        var launcher = new SystemBrowserLauncher(List.of("sh", "-c", "exec sleep 30"), runner, Duration.ofMillis(100));

        try {
            assertThat(launcher.open(CONSENT)).isTrue();
        } finally {
            started.forEach(Process::destroyForcibly);
        }
    }

    @Test
    void openerThatCannotBeStarted_reportsFalse() {
        var launcher = new SystemBrowserLauncher(
                List.of("onramp-no-such-browser-opener"), SystemBrowserLauncher.processes(), EXIT_WAIT);

        assertThat(launcher.open(CONSENT)).isFalse();
    }

    @Test
    void url_isPassedAsTheLastArgumentOfTheOpener() {
        List<List<String>> commands = new ArrayList<>();
        var launcher = new SystemBrowserLauncher(List.of("rundll32", "url.dll,FileProtocolHandler"), command -> {
            commands.add(command);
            throw new IOException("not started in this test");
        }, EXIT_WAIT);

        launcher.open(CONSENT);

        assertThat(commands).containsExactly(List.of("rundll32", "url.dll,FileProtocolHandler", CONSENT.toString()));
    }

    @Test
    void nonWebUrls_areRefusedWithoutStartingAnything() {
        List<List<String>> commands = new ArrayList<>();
        var launcher = new SystemBrowserLauncher(List.of("true"), command -> {
            commands.add(command);
            throw new IOException("must not be started");
        }, EXIT_WAIT);

        assertThat(launcher.open(URI.create("file:///etc/passwd"))).isFalse();
        assertThat(launcher.open(URI.create("javascript:alert(1)"))).isFalse();
        assertThat(launcher.open(URI.create("/relative/path"))).isFalse();
        assertThat(commands).isEmpty();
    }

    @Test
    void localHtmlPage_isPassedToTheOpenerAsItsFileUri(@TempDir Path dir) throws IOException {
        Path page = Files.writeString(dir.resolve("onramp-guide-de.html"), "<!DOCTYPE html><html lang=\"de\"></html>");
        List<List<String>> commands = new ArrayList<>();
        var launcher = new SystemBrowserLauncher(List.of("xdg-open"), command -> {
            commands.add(command);
            throw new IOException("not started in this test");
        }, EXIT_WAIT);

        launcher.openPage(page);

        assertThat(commands).containsExactly(List.of("xdg-open", page.toAbsolutePath().toUri().toASCIIString()));
        assertThat(commands.getFirst().getLast()).startsWith("file:/");
    }

    @Test
    void localPagesThatAreNotHtmlFiles_areRefusedWithoutStartingAnything(@TempDir Path dir) throws IOException {
        List<List<String>> commands = new ArrayList<>();
        var launcher = new SystemBrowserLauncher(List.of("true"), command -> {
            commands.add(command);
            throw new IOException("must not be started");
        }, EXIT_WAIT);
        Path script = Files.writeString(dir.resolve("run.sh"), "#!/bin/sh\n");
        Path folder = Files.createDirectories(dir.resolve("folder.html"));
        Path link = Files.createSymbolicLink(dir.resolve("link.html"), script);

        assertThat(launcher.openPage(script)).isFalse();
        assertThat(launcher.openPage(folder)).isFalse();
        assertThat(launcher.openPage(link)).isFalse();
        assertThat(launcher.openPage(dir.resolve("missing.html"))).isFalse();
        assertThat(commands).isEmpty();
    }

    @Test
    void opener_matchesTheOperatingSystem() {
        assertThat(SystemBrowserLauncher.openerFor("Linux")).containsExactly("xdg-open");
        assertThat(SystemBrowserLauncher.openerFor("FreeBSD")).containsExactly("xdg-open");
        assertThat(SystemBrowserLauncher.openerFor("Mac OS X")).containsExactly("open");
        assertThat(SystemBrowserLauncher.openerFor("Windows 11")).containsExactly("rundll32", "url.dll,FileProtocolHandler");
    }
}
