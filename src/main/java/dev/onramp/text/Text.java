package dev.onramp.text;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.function.UnaryOperator;

/**
 * A sentence not yet put into words: a key of the message bundles and its arguments, which
 * {@link Messages#render(Text)} turns into the person's language (an argument may itself be a {@code Text}).
 */
public record Text(String key, List<Object> args) {
    /** The key of {@link #verbatim(String)}: not a bundle key (those have dots), so no bundle can hold it. */
    static final String VERBATIM = "(verbatim)";
    /** The key of {@link #joined(Object, List)}. */
    static final String JOINED = "(joined)";
    /** The key of {@link #clause(Object)}. */
    static final String CLAUSE = "(clause)";

    public Text {
        Objects.requireNonNull(key, "key");
        args = List.copyOf(args);
    }

    /** The sentence under {@code key} with these arguments ({@code {0}}, {@code {1}}, … in the pattern). */
    public static Text of(String key, Object... args) {
        return new Text(key, Arrays.asList(args));
    }

    /**
     * Words that are said the same in every language: another system's own words (an Airbyte error, a
     * connector's message), or a sentence from code that does not yet return a key. No words ({@code null}) are
     * said as none.
     */
    public static Text verbatim(String words) {
        return new Text(VERBATIM, List.of(words == null ? "" : words));
    }

    /**
     * The parts (each a {@code Text} or plain words) rendered one after the other, {@code separator} (a
     * {@code Text} too, or plain words) between them.
     */
    public static Text joined(Object separator, List<?> parts) {
        List<Object> args = new ArrayList<>(parts.size() + 1);
        args.add(separator);
        args.addAll(parts);
        return new Text(JOINED, args);
    }

    /**
     * A sentence (a {@code Text}, or words) said as a clause inside another, e.g. in parentheses: without the
     * full stops and spaces it ends with.
     */
    public static Text clause(Object sentence) {
        return new Text(CLAUSE, List.of(sentence));
    }

    /**
     * This sentence with {@code change} applied to every argument that is words (a string), in it and in
     * the sentences it holds, e.g. to hide a secret someone else's words repeated; other arguments stay.
     */
    public Text mapWords(UnaryOperator<String> change) {
        List<Object> changed = new ArrayList<>(args.size());
        for (Object arg : args) {
            changed.add(switch (arg) {
                case String words -> change.apply(words);
                case Text text -> text.mapWords(change);
                default -> arg;
            });
        }
        return new Text(key, changed);
    }
}
