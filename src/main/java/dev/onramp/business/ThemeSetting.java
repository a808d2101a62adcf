package dev.onramp.business;

import dev.onramp.store.AppSettingRepository;
import dev.onramp.store.Database;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The window's theme for the whole app (System, Light or Dark), remembered in the app's settings; an Onramp
 * that only reads through another's database (ADR 0029) keeps a change for its own window only.
 */
public final class ThemeSetting {
    private static final String NAME = "theme";

    private final Database db;
    private final AppSettingRepository settings;
    /** The choice of a setting with nowhere to save it, or one made in a reader. */
    private final AtomicReference<ThemeChoice> unsaved = new AtomicReference<>();

    public ThemeSetting(Database db, AppSettingRepository settings) {
        this.db = db;
        this.settings = settings;
    }

    private ThemeSetting() {
        this.db = null;
        this.settings = null;
    }

    /** A setting that is kept only while the app runs (a window built without the store, as some tests do). */
    public static ThemeSetting unsaved() {
        return new ThemeSetting();
    }

    /** The chosen theme; System when none was chosen or the saved word names none. */
    public ThemeChoice choice() {
        ThemeChoice held = unsaved.get();
        if (held != null || settings == null) {
            return held == null ? ThemeChoice.SYSTEM : held;
        }
        return settings.find(NAME).flatMap(ThemeChoice::ofWord).orElse(ThemeChoice.SYSTEM);
    }

    /** Remembers {@code choice}; System is saved as no choice at all. */
    public void save(ThemeChoice choice) {
        if (settings == null || db.reader()) {
            unsaved.set(choice);
            return;
        }
        db.inTransaction(tx -> {
            if (choice == ThemeChoice.SYSTEM) {
                settings.delete(tx, NAME);
            } else {
                settings.save(tx, NAME, choice.word());
            }
            return null;
        });
    }
}
