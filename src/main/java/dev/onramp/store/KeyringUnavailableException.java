package dev.onramp.store;

/** The operating system's key store did not answer or refused; the message says why and what to do. */
final class KeyringUnavailableException extends StoreException {
    private final boolean keyFileAskedFor;

    KeyringUnavailableException(String message) {
        this(message, false);
    }

    private KeyringUnavailableException(String message, boolean keyFileAskedFor) {
        super(message);
        this.keyFileAskedFor = keyFileAskedFor;
    }

    /** No key store was asked, because the person (or a test run) asked for the key file. */
    static KeyringUnavailableException keyFileAskedFor(String message) {
        return new KeyringUnavailableException(message, true);
    }

    /** True when the key file was asked for, so its use needs no notice. */
    boolean keyFileAskedFor() {
        return keyFileAskedFor;
    }

    KeyringUnavailableException(String message, Throwable cause) {
        super(message, cause);
        this.keyFileAskedFor = false;
    }
}
