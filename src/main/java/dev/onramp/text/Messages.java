package dev.onramp.text;

import java.text.MessageFormat;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;

/**
 * The message bundles in one language: each sentence is a {@link MessageFormat} pattern under a key,
 * formatted with that language's numbers, plurals ({@code {0,choice,…}}) and dates.
 */
public final class Messages {
    /** The bundles' base name: {@code messages.properties} (English), {@code messages_de.properties}, … */
    public static final String BUNDLE = "dev.onramp.messages";
    /** No fallback to the JVM's default locale: a language Onramp does not ship reads the base bundle, English. */
    private static final ResourceBundle.Control CONTROL =
            ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES);

    private final Locale locale;
    private final ResourceBundle bundle;

    private Messages(Locale locale) {
        this.locale = locale;
        this.bundle = ResourceBundle.getBundle(BUNDLE, locale, Messages.class.getClassLoader(), CONTROL);
    }

    /** The messages in {@code locale}'s language, English where Onramp does not ship it. */
    public static Messages of(Locale locale) {
        return new Messages(locale);
    }

    /**
     * The messages in the process's display language, the window's once it has chosen one (English where
     * Onramp does not ship it): for a core result's sentence the window still reads as a string.
     */
    public static Messages display() {
        return of(Locale.getDefault(Locale.Category.DISPLAY));
    }

    /** The messages in the base language, English: what logs, records and exceptions' messages say. */
    public static Messages english() {
        return English.MESSAGES;
    }

    /** English, read once: every exception that carries a {@link Text} renders its message with it. */
    private static final class English {
        static final Messages MESSAGES = new Messages(Locale.ENGLISH);
    }

    public Locale locale() {
        return locale;
    }

    /** The bundle itself, for a library that reads keys of its own (picocli's usage help). */
    public ResourceBundle bundle() {
        return bundle;
    }

    /** The sentence under {@code key} with its arguments; a {@link Text} argument is rendered first. */
    public String get(String key, Object... args) {
        String pattern;
        try {
            pattern = bundle.getString(key);
        } catch (MissingResourceException e) {
            throw new IllegalArgumentException("No message " + key + " in " + BUNDLE, e);
        }
        if (args.length == 0 && pattern.indexOf('\'') < 0 && pattern.indexOf('{') < 0) {
            return pattern; // what MessageFormat would make of it, without parsing it for every label
        }
        Object[] rendered = new Object[args.length];
        for (int i = 0; i < args.length; i++) {
            rendered[i] = switch (args[i]) {
                case Text text -> render(text);
                case Instant instant -> Date.from(instant); // so {0,date,…} and {0,time,…} take java.time too
                case null, default -> args[i];
            };
        }
        return new MessageFormat(pattern, locale).format(rendered);
    }

    /** A typed sentence in this language. */
    public String render(Text text) {
        return switch (text.key()) {
            case Text.VERBATIM -> String.valueOf(text.args().getFirst());
            case Text.CLAUSE -> words(text.args().getFirst()).strip().replaceAll("[.\\s]+$", "");
            case Text.JOINED -> {
                List<Object> args = text.args();
                String separator = words(args.getFirst());
                StringBuilder words = new StringBuilder();
                for (int i = 1; i < args.size(); i++) {
                    words.append(i == 1 ? "" : separator).append(words(args.get(i)));
                }
                yield words.toString();
            }
            default -> get(text.key(), text.args().toArray());
        };
    }

    private String words(Object part) {
        return part instanceof Text text ? render(text) : String.valueOf(part);
    }

    /**
     * The sentence a failure says, in this language: its {@link Text} when it carries one ({@link Said}),
     * else its message.
     */
    public String message(Throwable failure) {
        return failure instanceof Said said ? render(said.text()) : failure.getMessage();
    }
}
