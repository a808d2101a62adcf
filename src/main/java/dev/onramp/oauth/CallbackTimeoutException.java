package dev.onramp.oauth;

/** No accepted redirect arrived before the receiver's timeout. */
public class CallbackTimeoutException extends RuntimeException {
    public CallbackTimeoutException(String message) {
        super(message);
    }
}
