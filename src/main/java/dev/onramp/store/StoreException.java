package dev.onramp.store;

/** A store failure with a sentence a person can act on (locked file, corrupt file, ...). */
public class StoreException extends RuntimeException {
    public StoreException(String message, Throwable cause) {
        super(message, cause);
    }

    public StoreException(String message) {
        super(message);
    }
}
