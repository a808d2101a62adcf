package dev.onramp.model;

/** Input a person gave that Onramp refuses; the message says what to change. */
public class InvalidInputException extends RuntimeException {
    public InvalidInputException(String message) {
        super(message);
    }
}
