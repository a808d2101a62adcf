package dev.onramp.diagnostics;

import dev.onramp.oauth.SystemBrowserLauncher;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * Checks that Onramp can open the system browser: on Linux and other Unix desktops it asks
 * {@code xdg-settings} for the default browser and otherwise looks for {@code xdg-open}; macOS and
 * Windows always have an opener.
 */
public final class BrowserCheck {
    static final String NAME = "Browser";
    private static final String FIX = "Install xdg-utils and a web browser (e.g. sudo apt install xdg-utils firefox-esr),"
            + " or use onramp connect --no-browser and open the printed link yourself.";

    private final String osName;
    private final List<Path> searchPath;
    private final Duration wait;

    /**
     * @param osName     the operating system, as {@code os.name} names it
     * @param searchPath the folders to look for programs in, like {@code PATH}
     * @param wait       how long {@code xdg-settings} may take to answer
     */
    public BrowserCheck(String osName, List<Path> searchPath, Duration wait) {
        this.osName = Objects.requireNonNull(osName, "osName");
        this.searchPath = List.copyOf(searchPath);
        this.wait = Objects.requireNonNull(wait, "wait");
    }

    /** Checks the operating system this JVM runs on, with its {@code PATH}. */
    public static BrowserCheck ofThisSystem() {
        return new BrowserCheck(System.getProperty("os.name", ""), pathOf(System.getenv("PATH")), Duration.ofSeconds(5));
    }

    Check run() {
        String opener = SystemBrowserLauncher.openerFor(osName).getFirst();
        String os = osName.toLowerCase(Locale.ROOT);
        if (os.contains("win") || os.contains("mac") || os.contains("darwin")) {
            return Check.passed(NAME, osName + " opens links in the default browser (" + opener + ").");
        }
        Optional<String> defaultBrowser = program("xdg-settings").flatMap(this::defaultBrowser);
        if (defaultBrowser.isPresent()) {
            return Check.passed(NAME, "the default browser is " + defaultBrowser.get() + ".");
        }
        return program(opener)
                .map(found -> Check.passed(NAME, found + " opens links in the desktop's browser."))
                .orElseGet(() -> Check.failed(NAME, "Onramp cannot open a browser: " + opener
                        + " is not installed.", FIX));
    }

    private Optional<Path> program(String name) {
        return searchPath.stream()
                .map(folder -> folder.resolve(name))
                .filter(file -> Files.isRegularFile(file) && Files.isExecutable(file))
                .findFirst();
    }

    /** What {@code xdg-settings get default-web-browser} prints, when it answers in time. */
    private Optional<String> defaultBrowser(Path xdgSettings) {
        try {
            Process process = new ProcessBuilder(xdgSettings.toString(), "get", "default-web-browser")
                    .redirectError(ProcessBuilder.Redirect.DISCARD)
                    .start();
            process.getOutputStream().close();
            if (!process.waitFor(wait.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly();
                return Optional.empty();
            }
            try (InputStream out = process.getInputStream()) {
                String answer = new String(out.readAllBytes(), StandardCharsets.UTF_8).strip();
                return process.exitValue() == 0 && !answer.isEmpty() ? Optional.of(answer) : Optional.empty();
            }
        } catch (IOException e) {
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
    }

    private static List<Path> pathOf(String path) {
        List<Path> folders = new ArrayList<>();
        if (path == null) {
            return folders;
        }
        for (String entry : path.split(File.pathSeparator)) {
            try {
                if (!entry.isBlank()) {
                    folders.add(Path.of(entry));
                }
            } catch (InvalidPathException ignored) {
                // A malformed PATH entry cannot hold a program; the others still count.
            }
        }
        return folders;
    }
}
