package dev.onramp.demo;

import com.sun.net.httpserver.HttpExchange;
import java.text.MessageFormat;
import java.util.List;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.Optional;
import java.util.ResourceBundle;

/**
 * The simulated providers' pages in one language, read from the simulator's own bundle
 * ({@code pages.properties}, {@code pages_de}, {@code pages_fr}): the browser's most wanted language
 * the simulator speaks, else English, as a real provider's page chooses.
 */
final class PageWords {
    /** The bundle's base name: {@code pages.properties} is English. */
    static final String BUNDLE = "dev.onramp.demo.pages";
    /** The languages the pages speak: English (the base bundle), German and French. */
    static final List<Locale> SPOKEN = List.of(Locale.ENGLISH, Locale.GERMAN, Locale.FRENCH);
    /** No fallback to the JVM's default locale: a language not spoken reads the base bundle, English. */
    private static final ResourceBundle.Control CONTROL =
            ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES);

    private final Locale locale;
    private final ResourceBundle bundle;

    private PageWords(Locale locale) {
        this.locale = locale;
        this.bundle = ResourceBundle.getBundle(BUNDLE, locale, PageWords.class.getClassLoader(), CONTROL);
    }

    /** The words in {@code locale}'s language, English where the pages do not speak it. */
    static PageWords in(Locale locale) {
        return new PageWords(SPOKEN.stream().filter(l -> l.getLanguage().equals(locale.getLanguage())).findFirst()
                .orElse(Locale.ENGLISH));
    }

    /** The words in the language the request's Accept-Language header wants most among those spoken. */
    static PageWords of(HttpExchange exchange) {
        List<String> headers = exchange.getRequestHeaders().get("Accept-Language");
        // Repeated, the header's values are one list (RFC 9110, 5.3).
        return in(mostWanted(headers == null ? "" : String.join(",", headers)).orElse(Locale.ENGLISH));
    }

    /** The spoken language that ranks highest in an Accept-Language header; none for a malformed one. */
    static Optional<Locale> mostWanted(String acceptLanguage) {
        if (acceptLanguage.isBlank()) {
            return Optional.empty();
        }
        List<Locale.LanguageRange> ranges;
        try {
            ranges = Locale.LanguageRange.parse(acceptLanguage);
        } catch (IllegalArgumentException malformed) {
            return Optional.empty();
        }
        // q=0 says "not this one" (RFC 9110, 12.4.2).
        List<Locale.LanguageRange> wanted = ranges.stream().filter(range -> range.getWeight() > 0).toList();
        return Optional.ofNullable(Locale.lookup(wanted, SPOKEN));
    }

    /** The language's tag for {@code <html lang>} and Content-Language: {@code en}, {@code de} or {@code fr}. */
    String language() {
        return locale.getLanguage();
    }

    /** The plain-text sentence under {@code key} with its arguments (HTML-escape it for a page). */
    String say(String key, Object... args) {
        String pattern;
        try {
            pattern = bundle.getString(key);
        } catch (MissingResourceException e) {
            throw new IllegalArgumentException("No sentence " + key + " in " + BUNDLE, e);
        }
        return new MessageFormat(pattern, locale).format(args);
    }
}
