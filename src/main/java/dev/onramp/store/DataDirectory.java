package dev.onramp.store;

import dev.onramp.text.Text;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Locale;
import java.util.Map;

/** Finds the platform's folder for Onramp's data when no {@code --data-dir} is given. */
public final class DataDirectory {
    private DataDirectory() {}

    /** {@code %APPDATA%\Onramp}, {@code ~/Library/Application Support/Onramp} or {@code $XDG_DATA_HOME/onramp}. */
    /**
     * Creates {@code dataDir} when it is not there, readable by its owner only where the file system
     * knows owners (the database server a second Onramp reads through trusts whoever can read its key's
     * file, ADR 0029); a folder that exists is left as it is.
     */
    public static Path create(Path dataDir) {
        try {
            if (Files.notExists(dataDir) && posix(dataDir)) {
                return Files.createDirectories(dataDir,
                        PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
            }
            return Files.createDirectories(dataDir);
        } catch (IOException e) {
            throw new StoreException(Text.of("store.dataDirectory.create", dataDir, e.getMessage()), e);
        }
    }

    private static boolean posix(Path path) {
        Path existing = path.toAbsolutePath();
        while (existing != null && Files.notExists(existing)) {
            existing = existing.getParent();
        }
        try {
            return existing != null && Files.getFileStore(existing).supportsFileAttributeView(PosixFileAttributeView.class);
        } catch (IOException e) {
            return false;
        }
    }

    public static Path platformDefault() {
        return platformDefault(System.getProperty("os.name", ""), System.getProperty("user.home", "."), System.getenv());
    }

    static Path platformDefault(String osName, String home, Map<String, String> env) {
        String os = osName.toLowerCase(Locale.ROOT);
        if (os.startsWith("windows")) {
            String appData = env.get("APPDATA");
            return (appData == null || appData.isBlank() ? Path.of(home, "AppData", "Roaming") : Path.of(appData))
                    .resolve("Onramp");
        }
        if (os.startsWith("mac")) {
            return Path.of(home, "Library", "Application Support", "Onramp");
        }
        String xdg = env.get("XDG_DATA_HOME");
        return (xdg == null || xdg.isBlank() ? Path.of(home, ".local", "share") : Path.of(xdg)).resolve("onramp");
    }
}
