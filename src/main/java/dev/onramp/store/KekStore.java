package dev.onramp.store;

import com.google.crypto.tink.Aead;
import java.util.Optional;

/** Holds the key-encryption key that wraps the vault's keyset. */
public interface KekStore {
    /** The KEK as an AEAD, created on first use. */
    Aead keyEncryptionKey();

    /** A short description for diagnostics, e.g. "file (readable by this user only)". */
    String description();

    /**
     * Why the key is not in the operating system's key store, as a sentence a person can act on; empty when
     * it is, or when nobody looked for one.
     */
    default Optional<String> fallbackReason() {
        return Optional.empty();
    }
}
