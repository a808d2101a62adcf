package dev.onramp.demo;

/** The simulator's state file, or a section of it, is not what the simulator writes: it is set aside. */
final class UnreadableStateException extends Exception {
    UnreadableStateException(String message) {
        super(message, null, false, false);
    }

    UnreadableStateException(String message, Throwable cause) {
        super(message, cause, false, false);
    }
}
