package dev.onramp.oauth;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Opens a URL in the system browser through the platform's own opener ({@code xdg-open},
 * {@code open}, {@code rundll32}), without JavaFX or AWT.
 *
 * <p>{@link #open(URI)} may block for up to the exit wait (one second by default) to learn whether
 * the opener failed, so call it off the FX thread.
 */
public final class SystemBrowserLauncher implements BrowserLauncher {
    /** Starts a command; production starts a real process, tests a harmless stand-in. */
    @FunctionalInterface
    public interface CommandRunner {
        Process start(List<String> command) throws IOException;
    }

    private static final Set<String> WEB_SCHEMES = Set.of("http", "https");
    private static final Duration DEFAULT_EXIT_WAIT = Duration.ofSeconds(1);

    private final List<String> opener;
    private final CommandRunner runner;
    private final Duration exitWait;

    /** Uses the opener of the operating system this JVM runs on. */
    public SystemBrowserLauncher() {
        this(openerFor(System.getProperty("os.name", "")), processes(), DEFAULT_EXIT_WAIT);
    }

    /**
     * @param opener   the command the URL is appended to, e.g. {@code [xdg-open]}
     * @param runner   starts that command
     * @param exitWait how long to watch the opener for a quick failure; an opener still running
     *                 after it counts as a success, since some hand the URL over and stay
     */
    public SystemBrowserLauncher(List<String> opener, CommandRunner runner, Duration exitWait) {
        if (opener.isEmpty()) {
            throw new IllegalArgumentException("The browser opener command cannot be empty");
        }
        this.opener = List.copyOf(opener);
        this.runner = Objects.requireNonNull(runner, "runner");
        this.exitWait = Objects.requireNonNull(exitWait, "exitWait");
    }

    /** The command that opens a URL in the default browser on the named operating system. */
    public static List<String> openerFor(String osName) {
        String os = osName.toLowerCase(Locale.ROOT);
        if (os.contains("win")) {
            return List.of("rundll32", "url.dll,FileProtocolHandler");
        }
        if (os.contains("mac") || os.contains("darwin")) {
            return List.of("open");
        }
        return List.of("xdg-open");
    }

    /** Starts each command as a real operating-system process whose output nobody reads. */
    public static CommandRunner processes() {
        return SystemBrowserLauncher::startDetached;
    }

    @Override
    public boolean open(URI url) {
        if (!isWebUrl(url)) {
            // Anything but http(s) could start a local program through the opener.
            log().warn("Refused to open a link that is not an http or https address");
            return false;
        }
        return start(url);
    }

    /**
     * Opens a local HTML page in the browser: only an existing regular file named {@code *.html} (not a link),
     * so that the opener hands it to the browser and never starts a program.
     */
    @Override
    public boolean openPage(Path page) {
        Path file = page.toAbsolutePath().normalize();
        if (!Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)
                || !file.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".html")) {
            log().warn("Refused to open a page that is not an HTML file on this computer");
            return false;
        }
        return start(file.toUri());
    }

    private boolean start(URI url) {
        List<String> command = new ArrayList<>(opener);
        command.add(url.toASCIIString());
        Process process;
        try {
            process = runner.start(command);
        } catch (IOException | SecurityException | UnsupportedOperationException e) {
            // The flow tells the person and shows the link; the log keeps the reason for support.
            log().info("Could not start the browser opener {}: {}", opener.getFirst(), e.getMessage());
            return false;
        }
        return openerDidNotFail(process);
    }

    private boolean openerDidNotFail(Process process) {
        try {
            if (!process.waitFor(exitWait.toMillis(), TimeUnit.MILLISECONDS)) {
                return true;
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return true;
        }
        int exit = process.exitValue();
        if (exit != 0) {
            log().info("The browser opener {} failed with exit code {}", opener.getFirst(), exit);
        }
        return exit == 0;
    }

    private static boolean isWebUrl(URI url) {
        return url.isAbsolute()
                && WEB_SCHEMES.contains(url.getScheme().toLowerCase(Locale.ROOT))
                && url.getHost() != null;
    }

    private static Process startDetached(List<String> command) throws IOException {
        // Nobody reads the opener's output; discarding it keeps a chatty opener from blocking.
        Process process = new ProcessBuilder(command)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .redirectError(ProcessBuilder.Redirect.DISCARD)
                .start();
        process.getOutputStream().close();
        return process;
    }

    /** Looked up when needed: the window makes a launcher before its first frame, and logging comes after it. */
    private static Logger log() {
        return LoggerFactory.getLogger(SystemBrowserLauncher.class);
    }
}
