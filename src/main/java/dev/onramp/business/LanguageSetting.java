package dev.onramp.business;

import dev.onramp.store.WindowPreferences;
import dev.onramp.text.Locales;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The window's language chosen in View → Language for the whole app (one Onramp ships, or none: the system's),
 * remembered in the window's preferences file of the data folder, so that the first frame is drawn in it.
 */
public final class LanguageSetting {
    private static final String NAME = "language";

    private final WindowPreferences preferences;
    /** The choice of a setting with nowhere to save it. */
    private final AtomicReference<Optional<Locale>> unsaved = new AtomicReference<>(Optional.empty());

    public LanguageSetting(WindowPreferences preferences) {
        this.preferences = preferences;
    }

    private LanguageSetting() {
        this.preferences = null;
    }

    /** A setting that is kept only while the app runs (a window built without a data folder, as some tests do). */
    public static LanguageSetting unsaved() {
        return new LanguageSetting();
    }

    /** The language saved in the data folder {@code dataDir}, read before anything else is opened; empty when none. */
    public static Optional<Locale> savedIn(Path dataDir) {
        return new LanguageSetting(new WindowPreferences(dataDir)).choice();
    }

    /**
     * The window's language choice for a run over the data folder {@code dataDir}: the language given for the run
     * ({@code --locale}) wins, else the one saved there; empty for the system's. Read before anything else is opened.
     */
    public static Optional<Locale> forRun(Optional<Locale> given, Path dataDir) {
        return given.isPresent() ? given : savedIn(dataDir);
    }

    /**
     * The system's language as the JVM found it when it started (its {@code user.language.display}, else
     * {@code user.language}), if Onramp ships it, else English; choosing a language for the window does not change it.
     */
    public static Locale system() {
        String tag = System.getProperty("user.language.display", System.getProperty("user.language", ""));
        return Locales.shipped(tag).orElse(Locale.ENGLISH);
    }

    /** The chosen language; empty when none was chosen or the saved tag names no language Onramp ships. Blocks. */
    public Optional<Locale> choice() {
        if (preferences == null) {
            return unsaved.get();
        }
        return preferences.get(NAME).flatMap(Locales::shipped);
    }

    /** Remembers {@code choice}, a language Onramp ships; the system's (empty) is saved as no choice at all. Blocks. */
    public void save(Optional<Locale> choice) {
        Optional<Locale> shipped = choice.map(locale -> Locales.shipped(locale.toLanguageTag()).orElseThrow(
                () -> new IllegalArgumentException("Onramp does not ship the language " + locale.toLanguageTag())));
        if (preferences == null) {
            unsaved.set(shipped);
            return;
        }
        preferences.put(NAME, shipped.map(Locale::getLanguage));
    }
}
