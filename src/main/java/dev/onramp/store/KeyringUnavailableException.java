package dev.onramp.store;

/** The operating system's key store did not answer or refused; the message says why and what to do. */
final class KeyringUnavailableException extends StoreException {
    KeyringUnavailableException(String message) {
        super(message);
    }

    KeyringUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
