package dev.onramp.ui.common;

import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;

/** Turns a failure that came back from a background call into a sentence to show a person. */
public final class Failures {
    private Failures() {}

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
