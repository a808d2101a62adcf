package dev.onramp.store;

import dev.onramp.text.Text;

/**
 * The operating system's key store did not answer or refused: {@link #text()} says why and what to do, in the
 * person's language, its English rendering is the message.
 */
final class KeyringUnavailableException extends StoreException {
    private final boolean keyFileAskedFor;

    KeyringUnavailableException(Text text) {
        this(text, false);
    }

    private KeyringUnavailableException(Text text, boolean keyFileAskedFor) {
        super(text);
        this.keyFileAskedFor = keyFileAskedFor;
    }

    KeyringUnavailableException(Text text, Throwable cause) {
        super(text, cause);
        this.keyFileAskedFor = false;
    }

    /** A reason said in words already (a stand-in key store's). */
    KeyringUnavailableException(String message) {
        super(message);
        this.keyFileAskedFor = false;
    }

    /** No key store was asked, because the person (or a test run) asked for the key file. */
    static KeyringUnavailableException keyFileAskedFor(Text text) {
        return new KeyringUnavailableException(text, true);
    }

    /** True when the key file was asked for, so its use needs no notice. */
    boolean keyFileAskedFor() {
        return keyFileAskedFor;
    }
}
