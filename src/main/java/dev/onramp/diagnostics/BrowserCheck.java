package dev.onramp.diagnostics;

import dev.onramp.oauth.SystemBrowserLauncher;
import dev.onramp.text.Text;
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
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * Checks, without opening a page, that Onramp can open the system browser: on Linux and other Unix
 * desktops that {@code xdg-open} runs and that the browser it would start is installed; macOS and
 * Windows always have an opener.
 */
public final class BrowserCheck {
    static final Text NAME = Text.of("diagnostics.name.browser");
    private static final Text FIX_INSTALL = Text.of("diagnostics.browser.fix.install");
    private static final Text FIX_DEFAULT = Text.of("diagnostics.browser.fix.default");
    private static final Text FIX_NO_DESKTOP = Text.of("diagnostics.browser.fix.noDesktop");
    /** The browsers {@code xdg-open} tries, in its order, when no default is set and a desktop is there. */
    private static final List<String> GRAPHICAL_FALLBACKS = List.of("x-www-browser", "firefox", "iceweasel",
            "seamonkey", "mozilla", "epiphany", "konqueror", "chromium", "chromium-browser", "google-chrome");
    /** The browsers {@code xdg-open} tries when no desktop session is there. */
    private static final List<String> TEXT_FALLBACKS = List.of("www-browser", "links2", "elinks", "links", "lynx",
            "w3m");

    private final String osName;
    private final Map<String, String> env;
    private final List<Path> searchPath;
    private final Duration wait;

    /**
     * @param osName the operating system, as {@code os.name} names it
     * @param env    the environment the browser would be opened in: {@code PATH}, {@code DISPLAY},
     *               {@code WAYLAND_DISPLAY}, {@code BROWSER}, {@code HOME} and the {@code XDG_*} folders
     * @param wait   how long {@code xdg-open} and {@code xdg-settings} may take to answer
     */
    public BrowserCheck(String osName, Map<String, String> env, Duration wait) {
        this.osName = Objects.requireNonNull(osName, "osName");
        this.env = Map.copyOf(env);
        this.searchPath = folders(env.get("PATH"));
        this.wait = Objects.requireNonNull(wait, "wait");
    }

    /** Checks the operating system this JVM runs on, in its environment. */
    public static BrowserCheck ofThisSystem() {
        return new BrowserCheck(System.getProperty("os.name", ""), System.getenv(), Duration.ofSeconds(5));
    }

    Check run() {
        String opener = SystemBrowserLauncher.openerFor(osName).getFirst();
        String os = osName.toLowerCase(Locale.ROOT);
        if (os.contains("win") || os.contains("mac") || os.contains("darwin")) {
            return Check.passed(NAME, Text.of("diagnostics.browser.opensDefault", osName, opener));
        }
        Optional<Path> xdgOpen = program(opener);
        if (xdgOpen.isEmpty()) {
            return Check.failed(NAME, Text.of("diagnostics.browser.notInstalled", opener), FIX_INSTALL);
        }
        Answer version = ask(xdgOpen.get(), "--version");
        if (!version.ok()) {
            return Check.failed(NAME, Text.of("diagnostics.browser.versionFailed", xdgOpen.get().toString(),
                    version.failure()), FIX_INSTALL);
        }
        return hasDesktop() ? desktopBrowser() : textBrowser();
    }

    /** With a desktop session, {@code xdg-open} starts the default browser's {@code .desktop} program. */
    private Check desktopBrowser() {
        Optional<String> named = program("xdg-settings").map(tool -> ask(tool, "get", "default-web-browser"))
                .filter(Answer::ok).map(Answer::output).filter(answer -> !answer.isEmpty());
        if (named.isEmpty()) {
            return firstInstalled(GRAPHICAL_FALLBACKS)
                    .map(browser -> Check.passed(NAME, Text.of("diagnostics.browser.noDefaultOpensIn", browser.toString())))
                    .orElseGet(() -> Check.failed(NAME, Text.of("diagnostics.browser.noDefaultNoneInstalled"), FIX_DEFAULT));
        }
        String desktopId = named.get();
        Optional<Path> entry = desktopEntry(desktopId);
        if (entry.isEmpty()) {
            return Check.failed(NAME, Text.of("diagnostics.browser.noDesktopFile", desktopId,
                    applicationFolders().toString()), FIX_DEFAULT);
        }
        Optional<String> command = execProgram(entry.get());
        if (command.isEmpty()) {
            return Check.failed(NAME, Text.of("diagnostics.browser.noProgram", entry.get().toString()), FIX_DEFAULT);
        }
        return resolve(command.get())
                .map(browser -> Check.passed(NAME, Text.of("diagnostics.browser.defaultRuns", desktopId,
                        browser.toString())))
                .orElseGet(() -> Check.failed(NAME, Text.of("diagnostics.browser.defaultMissing", desktopId,
                        command.get()), FIX_DEFAULT));
    }

    /** Without a desktop session, {@code xdg-open} can only start {@code $BROWSER} or a browser for the terminal. */
    private Check textBrowser() {
        List<String> candidates = new ArrayList<>(browserVariable());
        candidates.addAll(TEXT_FALLBACKS);
        return firstInstalled(candidates)
                .map(browser -> Check.passed(NAME, Text.of("diagnostics.browser.noDesktopOpensIn", browser.toString())))
                .orElseGet(() -> Check.failed(NAME, Text.of("diagnostics.browser.noDesktopNoBrowser"), FIX_NO_DESKTOP));
    }

    private boolean hasDesktop() {
        return isSet("DISPLAY") || isSet("WAYLAND_DISPLAY");
    }

    private boolean isSet(String name) {
        String value = env.get(name);
        return value != null && !value.isBlank();
    }

    /** The programs {@code $BROWSER} names, as {@code xdg-open} reads it: a colon-separated list of commands. */
    private List<String> browserVariable() {
        List<String> programs = new ArrayList<>();
        if (isSet("BROWSER")) {
            for (String command : env.get("BROWSER").split(":")) {
                String[] words = command.strip().split("\\s+");
                if (!words[0].isEmpty()) {
                    programs.add(words[0]);
                }
            }
        }
        return programs;
    }

    private Optional<Path> firstInstalled(List<String> programs) {
        return programs.stream().map(this::resolve).flatMap(Optional::stream).findFirst();
    }

    /** A program named with a path must be there; a bare name is looked up in {@code PATH}. */
    private Optional<Path> resolve(String program) {
        if (program.contains("/")) {
            try {
                return Optional.of(Path.of(program)).filter(BrowserCheck::runnable);
            } catch (InvalidPathException e) {
                return Optional.empty();
            }
        }
        return program(program);
    }

    private Optional<Path> program(String name) {
        return searchPath.stream().map(folder -> folder.resolve(name)).filter(BrowserCheck::runnable).findFirst();
    }

    private static boolean runnable(Path file) {
        return Files.isRegularFile(file) && Files.isExecutable(file);
    }

    /** Where the desktop keeps {@code .desktop} files: {@code $XDG_DATA_HOME}, then {@code $XDG_DATA_DIRS}. */
    private List<Path> applicationFolders() {
        List<Path> dataFolders = new ArrayList<>();
        if (isSet("XDG_DATA_HOME")) {
            dataFolders.addAll(folders(env.get("XDG_DATA_HOME")));
        } else if (isSet("HOME")) {
            dataFolders.addAll(folders(env.get("HOME") + "/.local/share"));
        }
        dataFolders.addAll(folders(isSet("XDG_DATA_DIRS") ? env.get("XDG_DATA_DIRS") : "/usr/local/share:/usr/share"));
        return dataFolders.stream().map(folder -> folder.resolve("applications")).toList();
    }

    private Optional<Path> desktopEntry(String desktopId) {
        if (desktopId.contains("/") || !desktopId.endsWith(".desktop")) {
            return Optional.empty();
        }
        return applicationFolders().stream().map(folder -> folder.resolve(desktopId))
                .filter(Files::isRegularFile).findFirst();
    }

    /** The program of the {@code Exec} line of the {@code [Desktop Entry]} group, past an {@code env VAR=value}. */
    private static Optional<String> execProgram(Path desktopFile) {
        List<String> lines;
        try {
            lines = Files.readAllLines(desktopFile, StandardCharsets.UTF_8);
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
        boolean inEntry = false;
        for (String line : lines) {
            String trimmed = line.strip();
            if (trimmed.startsWith("[")) {
                inEntry = trimmed.equals("[Desktop Entry]");
            } else if (inEntry && trimmed.startsWith("Exec=")) {
                return firstProgram(trimmed.substring("Exec=".length()));
            }
        }
        return Optional.empty();
    }

    private static Optional<String> firstProgram(String exec) {
        List<String> words = new ArrayList<>();
        StringBuilder word = new StringBuilder();
        boolean quoted = false;
        for (char c : exec.strip().toCharArray()) {
            if (c == '"') {
                quoted = !quoted;
            } else if (Character.isWhitespace(c) && !quoted) {
                if (!word.isEmpty()) {
                    words.add(word.toString());
                    word.setLength(0);
                }
            } else {
                word.append(c);
            }
        }
        if (!word.isEmpty()) {
            words.add(word.toString());
        }
        int first = 0;
        if (!words.isEmpty() && (words.getFirst().equals("env") || words.getFirst().endsWith("/env"))) {
            first = 1;
            while (first < words.size() && words.get(first).contains("=")) {
                first++;
            }
        }
        return first < words.size() ? Optional.of(words.get(first)) : Optional.empty();
    }

    /** What a program printed, or why it gave no answer. */
    private record Answer(boolean ok, String output, Text failure) {}

    /** Runs {@code program args} in the checked environment, reading what it prints, for at most the wait. */
    private Answer ask(Path program, String... args) {
        List<String> command = new ArrayList<>(List.of(program.toString()));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD);
        builder.environment().clear();
        builder.environment().putAll(env);
        try {
            Process process = builder.start();
            process.getOutputStream().close();
            if (!process.waitFor(wait.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly();
                return new Answer(false, "", Text.of("diagnostics.browser.answer.timeout", wait.toSeconds()));
            }
            try (InputStream out = process.getInputStream()) {
                String output = new String(out.readAllBytes(), StandardCharsets.UTF_8).strip();
                int exit = process.exitValue();
                return new Answer(exit == 0, output, Text.of("diagnostics.browser.answer.exit", String.valueOf(exit)));
            }
        } catch (IOException e) {
            return new Answer(false, "", Text.of("diagnostics.browser.answer.notStarted", String.valueOf(e.getMessage())));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Answer(false, "", Text.of("diagnostics.browser.answer.interrupted"));
        }
    }

    private static List<Path> folders(String path) {
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
                // A malformed entry cannot hold a program; the others still count.
            }
        }
        return folders;
    }
}
