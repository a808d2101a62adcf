package dev.onramp.text;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** The languages Onramp speaks, and which one a run uses: the one asked for, else the system's, else English. */
public final class Locales {
    /** The languages shipped: English (the base bundle), German and French. */
    public static final List<Locale> SHIPPED = List.of(Locale.ENGLISH, Locale.GERMAN, Locale.FRENCH);

    private Locales() {}

    /** The shipped language of a tag such as {@code de}, {@code de-CH} or {@code fr_FR}, if Onramp speaks it. */
    public static Optional<Locale> shipped(String tag) {
        if (tag == null || tag.isBlank()) {
            return Optional.empty();
        }
        String language = Locale.forLanguageTag(tag.strip().replace('_', '-')).getLanguage();
        return SHIPPED.stream().filter(locale -> locale.getLanguage().equals(language)).findFirst();
    }

    /** The system's display language if Onramp speaks it, else English. */
    public static Locale system() {
        return shipped(Locale.getDefault(Locale.Category.DISPLAY).toLanguageTag()).orElse(Locale.ENGLISH);
    }

    /**
     * The language a run speaks: the system's without a tag; with one, the language it names, or
     * English when Onramp does not ship it (the caller tells the person so).
     */
    public static Locale choose(Optional<String> tag) {
        return tag.map(t -> shipped(t).orElse(Locale.ENGLISH)).orElseGet(Locales::system);
    }
}
