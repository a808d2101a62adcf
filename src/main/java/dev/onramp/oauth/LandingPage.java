package dev.onramp.oauth;

import dev.onramp.text.Locales;
import dev.onramp.text.Messages;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A self-contained page the browser shows after the redirect; it never echoes what the URL carried. */
enum LandingPage {
    SUCCESS("#2f9e44", "&#10003;"),
    DECLINED("#d9822b", "!"),
    ERROR("#c92a2a", "&#215;");

    private static final String TEMPLATE = "landing.html";
    private static final Pattern PLACE = Pattern.compile("\\{\\{(\\w+)}}");

    private final String colour;
    private final String mark;

    LandingPage(String colour, String mark) {
        this.colour = colour;
        this.mark = mark;
    }

    /**
     * The page in {@code locale}'s language (English where Onramp does not ship it), filled from
     * constants and the message bundles only, so nothing a request carried can reach it. The
     * sentences are HTML-escaped; the colour and the mark are this class's own markup.
     */
    byte[] html(Locale locale) {
        Locale language = Locales.shipped(locale.toLanguageTag()).orElse(Locale.ENGLISH);
        Words words = words(Messages.of(language));
        Map<String, String> places = Map.of(
                "lang", language.getLanguage(),
                "title", escape(words.title()),
                "colour", colour,
                "mark", mark,
                "heading", escape(words.heading()),
                "message", escape(words.message()));
        // One pass: a filled-in value is never searched for places again.
        Matcher place = PLACE.matcher(template());
        StringBuilder page = new StringBuilder();
        while (place.find()) {
            String value = places.get(place.group(1));
            if (value == null) {
                throw new IllegalStateException("The landing page " + TEMPLATE + " has a place Onramp does not fill: "
                        + place.group());
            }
            place.appendReplacement(page, Matcher.quoteReplacement(value));
        }
        place.appendTail(page);
        return page.toString().getBytes(StandardCharsets.UTF_8);
    }

    /** The page's title (in the browser's tab), heading and message. */
    private record Words(String title, String heading, String message) {}

    private Words words(Messages messages) {
        return switch (this) {
            case SUCCESS -> new Words(messages.get("oauth.landing.success.title"),
                    messages.get("oauth.landing.success.heading"), messages.get("oauth.landing.success.message"));
            case DECLINED -> new Words(messages.get("oauth.landing.declined.title"),
                    messages.get("oauth.landing.declined.heading"), messages.get("oauth.landing.declined.message"));
            case ERROR -> new Words(messages.get("oauth.landing.error.title"),
                    messages.get("oauth.landing.error.heading"), messages.get("oauth.landing.error.message"));
        };
    }

    private static String escape(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (char c : text.toCharArray()) {
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }

    private static String template() {
        try (InputStream in = LandingPage.class.getResourceAsStream(TEMPLATE)) {
            if (in == null) {
                throw new IllegalStateException(
                        "The landing page " + TEMPLATE + " is missing from the Onramp package: reinstall Onramp");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("Onramp could not read its landing page " + TEMPLATE, e);
        }
    }
}
