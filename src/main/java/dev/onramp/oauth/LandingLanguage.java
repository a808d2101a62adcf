package dev.onramp.oauth;

import dev.onramp.text.Locales;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** The language a landing page speaks: the browser's most wanted one that Onramp ships, else the window's. */
final class LandingLanguage {
    private LandingLanguage() {}

    /**
     * The shipped language that ranks highest in {@code acceptLanguage} (an Accept-Language header),
     * else the app's display language ({@link Locales#system()}); a malformed header counts as none.
     */
    static Locale of(Optional<String> acceptLanguage) {
        return acceptLanguage.flatMap(LandingLanguage::mostWanted).orElseGet(Locales::system);
    }

    private static Optional<Locale> mostWanted(String acceptLanguage) {
        List<Locale.LanguageRange> ranges;
        try {
            ranges = Locale.LanguageRange.parse(acceptLanguage);
        } catch (IllegalArgumentException malformed) {
            return Optional.empty();
        }
        // q=0 says "not this one" (RFC 9110, 12.4.2).
        List<Locale.LanguageRange> wanted = ranges.stream().filter(range -> range.getWeight() > 0).toList();
        return Optional.ofNullable(Locale.lookup(wanted, Locales.SHIPPED));
    }
}
