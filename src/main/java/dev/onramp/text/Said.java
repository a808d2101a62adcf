package dev.onramp.text;

/**
 * A failure or result that carries its sentence as a {@link Text}, so the window and the command line
 * say it in the person's language ({@link Messages#message(Throwable)}), while its English rendering
 * stays its message for logs and records.
 */
public interface Said {
    /** The sentence as a key and its arguments; {@link Text#verbatim(String)} for a sentence made in English. */
    Text text();
}
