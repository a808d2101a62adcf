package dev.onramp;

/** Onramp's window cannot open on this computer now, said in a sentence a person can act on. */
public final class WindowUnavailableException extends RuntimeException {
    WindowUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
