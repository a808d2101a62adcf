package dev.onramp.text;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * A sentence not yet put into words: a key of the message bundles and its arguments, which
 * {@link Messages#render(Text)} turns into the person's language (an argument may itself be a {@code Text}).
 */
public record Text(String key, List<Object> args) {
    public Text {
        Objects.requireNonNull(key, "key");
        args = List.copyOf(args);
    }

    /** The sentence under {@code key} with these arguments ({@code {0}}, {@code {1}}, … in the pattern). */
    public static Text of(String key, Object... args) {
        return new Text(key, Arrays.asList(args));
    }
}
