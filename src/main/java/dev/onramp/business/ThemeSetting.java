package dev.onramp.business;

import dev.onramp.store.WindowPreferences;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The window's theme for the whole app (System, Light or Dark), remembered in the window's preferences
 * file of the data folder, so that the first frame is drawn in it before the database is open.
 */
public final class ThemeSetting {
    private static final String NAME = "theme";

    private final WindowPreferences preferences;
    /** The choice of a setting with nowhere to save it. */
    private final AtomicReference<ThemeChoice> unsaved = new AtomicReference<>();

    public ThemeSetting(WindowPreferences preferences) {
        this.preferences = preferences;
    }

    private ThemeSetting() {
        this.preferences = null;
    }

    /** A setting that is kept only while the app runs (a window built without a data folder, as some tests do). */
    public static ThemeSetting unsaved() {
        return new ThemeSetting();
    }

    /** The theme saved in the data folder {@code dataDir}, read before anything else is opened; System when none. */
    public static ThemeChoice savedIn(Path dataDir) {
        return new ThemeSetting(new WindowPreferences(dataDir)).choice();
    }

    /** The chosen theme; System when none was chosen or the saved word names none. */
    public ThemeChoice choice() {
        ThemeChoice held = unsaved.get();
        if (held != null || preferences == null) {
            return held == null ? ThemeChoice.SYSTEM : held;
        }
        return preferences.get(NAME).flatMap(ThemeChoice::ofWord).orElse(ThemeChoice.SYSTEM);
    }

    /** Remembers {@code choice}; System is saved as no choice at all. */
    public void save(ThemeChoice choice) {
        if (preferences == null) {
            unsaved.set(choice);
            return;
        }
        preferences.put(NAME, choice == ThemeChoice.SYSTEM ? Optional.empty() : Optional.of(choice.word()));
    }
}
