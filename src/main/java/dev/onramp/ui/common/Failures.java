package dev.onramp.ui.common;

import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.regex.Pattern;

/** Turns a failure that came back from a background call into a sentence to show a person. */
public final class Failures {
    /** How the gateways say that Airbyte did not answer at all: the way on is its address, in Settings. */
    private static final Pattern UNREACHABLE = Pattern.compile("could not (reach|connect to) [^.]*Airbyte");

    private Failures() {}

    /** True when {@code message} says Onramp could not reach Airbyte, so that the window offers Open Settings. */
    public static boolean pointsAtSettings(String message) {
        return message != null && UNREACHABLE.matcher(message).find();
    }

    /** The message of the underlying cause, without the future's wrapping around it. */
    public static String message(Throwable failure) {
        Throwable cause = failure;
        while ((cause instanceof CompletionException || cause instanceof ExecutionException)
                && cause.getCause() != null) {
            cause = cause.getCause();
        }
        String message = cause.getMessage();
        return message == null || message.isBlank() ? "an unexpected " + cause.getClass().getSimpleName() : message;
    }
}
