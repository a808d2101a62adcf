package dev.onramp.ui.common;

import dev.onramp.text.Messages;
import dev.onramp.text.Text;
import java.util.Locale;

/**
 * The window's words: every label, title, sentence and accessible name the window shows is read here from the
 * message bundles ({@code ui.…} keys), in the language the window speaks (the run's display locale, or the one
 * chosen in View → Language).
 */
public final class UiText {
    private static volatile Messages messages;

    private UiText() {}

    /** The sentence under {@code key} with its arguments, in the window's language. */
    public static String get(String key, Object... args) {
        return messages().get(key, args);
    }

    /** A sentence the core returned as a key and its arguments, in the window's language. */
    public static String render(Text text) {
        return messages().render(text);
    }

    /** The bundles in the window's language. */
    public static Messages messages() {
        Messages held = messages;
        Locale locale = Locale.getDefault(Locale.Category.DISPLAY);
        if (held == null || !held.locale().equals(locale)) {
            held = Messages.of(locale);
            messages = held;
        }
        return held;
    }

    /** The language the window speaks. */
    public static Locale locale() {
        return messages().locale();
    }
}
