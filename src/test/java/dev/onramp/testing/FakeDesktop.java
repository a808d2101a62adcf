package dev.onramp.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * A Linux desktop made of a temporary folder: its {@code bin} (the PATH) holds fake {@code xdg-open},
 * {@code xdg-settings} and browser scripts, its {@code share/applications} the browsers' {@code .desktop} files.
 */
public final class FakeDesktop {
    private final Path root;
    private final Map<String, String> env = new HashMap<>();

    private FakeDesktop(Path root) {
        this.root = root;
        env.put("PATH", bin().toString());
        env.put("HOME", root.resolve("home").toString());
        env.put("XDG_DATA_HOME", root.resolve("share").toString());
        env.put("XDG_DATA_DIRS", root.resolve("system-share").toString());
    }

    /** No program and no desktop session yet: a PATH of an empty folder. */
    public static FakeDesktop empty(Path root) {
        return new FakeDesktop(root);
    }

    /**
     * A desktop session whose xdg-open runs and whose default browser, {@code fake-browser.desktop}, starts
     * the installed {@code fake-browser}.
     */
    public static FakeDesktop working(Path root) {
        return empty(root).display().xdgOpen("echo 'xdg-open 1.1.3'").defaultBrowser("fake-browser.desktop")
                .desktopFile("fake-browser.desktop", "fake-browser %U").program("fake-browser", "exit 0");
    }

    public Path bin() {
        return root.resolve("bin");
    }

    /** The environment a check sees: only what this desktop set. */
    public Map<String, String> env() {
        return Map.copyOf(env);
    }

    public FakeDesktop display() {
        return set("DISPLAY", ":99");
    }

    public FakeDesktop set(String name, String value) {
        env.put(name, value);
        return this;
    }

    public FakeDesktop unset(String name) {
        env.remove(name);
        return this;
    }

    /** {@code xdg-open} with {@code body} as its script. */
    public FakeDesktop xdgOpen(String body) {
        return program("xdg-open", body);
    }

    /** {@code xdg-settings get default-web-browser} prints {@code desktopId}. */
    public FakeDesktop defaultBrowser(String desktopId) {
        return program("xdg-settings", "echo '" + desktopId + "'");
    }

    public FakeDesktop program(String name, String body) {
        FakePrograms.program(bin(), name, body);
        return this;
    }

    /** {@code share/applications/desktopId} with {@code exec} as its Exec line. */
    public FakeDesktop desktopFile(String desktopId, String exec) {
        try {
            Path folder = root.resolve("share").resolve("applications");
            Files.createDirectories(folder);
            Files.writeString(folder.resolve(desktopId), "[Desktop Entry]\nType=Application\nName=Fake Browser\n"
                    + "Exec=" + exec + "\n\n[Desktop Action new-window]\nExec=not-this-one\n");
            return this;
        } catch (IOException e) {
            throw new UncheckedIOException("Could not write the desktop file " + desktopId, e);
        }
    }
}
