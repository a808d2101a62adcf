package dev.onramp.store;

import com.google.crypto.tink.Aead;

/** Holds the key-encryption key that wraps the vault's keyset. */
public interface KekStore {
    /** The KEK as an AEAD, created on first use. */
    Aead keyEncryptionKey();

    /** A short description for diagnostics, e.g. "file (readable by this user only)". */
    String description();
}
