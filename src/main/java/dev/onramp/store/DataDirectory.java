package dev.onramp.store;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;

/** Finds the platform's folder for Onramp's data when no {@code --data-dir} is given. */
public final class DataDirectory {
    private DataDirectory() {}

    /** {@code %APPDATA%\Onramp}, {@code ~/Library/Application Support/Onramp} or {@code $XDG_DATA_HOME/onramp}. */
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
