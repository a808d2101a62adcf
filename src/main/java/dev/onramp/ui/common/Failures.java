package dev.onramp.ui.common;

import dev.onramp.text.Said;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.regex.Pattern;

/** Turns a failure that came back from a background call into a sentence to show a person, in the window's language. */
public final class Failures {
    /** How the gateways say that Airbyte did not answer at all: the way on is its address, in Settings. */
    private static final Pattern UNREACHABLE = Pattern.compile("could not (reach|connect to) [^.]*Airbyte");
    /** Stands for the Airbyte in a sentence, to find the sentence's fixed words around it. */
    private static final String SOMEWHERE = "\u0000";

    private Failures() {}

    /**
     * True when {@code message} says Onramp could not reach Airbyte, so that the window offers Open
     * Settings: in English, or in the window's language.
     */
    public static boolean pointsAtSettings(String message) {
        return message != null && (UNREACHABLE.matcher(message).find()
                || says(message, UiText.get("airbyte.unreachable", SOMEWHERE))
                || says(message, UiText.get("airbyte.connectTimeout", SOMEWHERE, SOMEWHERE)));
    }

    /** Whether {@code message} holds {@code sentence}'s fixed words in their order, whatever stands for its arguments. */
    private static boolean says(String message, String sentence) {
        StringBuilder pattern = new StringBuilder();
        for (String words : sentence.split(SOMEWHERE, -1)) {
            pattern.append(pattern.isEmpty() ? "" : ".*?").append(Pattern.quote(words));
        }
        return Pattern.compile(pattern.toString(), Pattern.DOTALL).matcher(message).find();
    }

    /**
     * The sentence of the underlying cause, without the future's wrapping around it: in the window's
     * language when the cause carries its sentence as a key and its arguments (an Airbyte error, a refusal).
     */
    public static String message(Throwable failure) {
        Throwable cause = failure;
        while ((cause instanceof CompletionException || cause instanceof ExecutionException)
                && cause.getCause() != null) {
            cause = cause.getCause();
        }
        String message = cause instanceof Said said ? UiText.render(said.text()) : cause.getMessage();
        return message == null || message.isBlank() ? UiText.get("ui.failures.unexpected", cause.getClass().getSimpleName())
                : message;
    }
}
