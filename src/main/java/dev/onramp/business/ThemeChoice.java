package dev.onramp.business;

import java.util.Locale;
import java.util.Optional;

/** Which look the window takes: the one the system uses (the default), or always light, or always dark. */
public enum ThemeChoice {
    SYSTEM,
    LIGHT,
    DARK;

    /** The word it is saved as. */
    public String word() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The choice saved as {@code word}; empty for a word that names none. */
    public static Optional<ThemeChoice> ofWord(String word) {
        for (ThemeChoice choice : values()) {
            if (choice.word().equals(word.strip().toLowerCase(Locale.ROOT))) {
                return Optional.of(choice);
            }
        }
        return Optional.empty();
    }
}
