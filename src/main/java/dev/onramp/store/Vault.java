package dev.onramp.store;

/**
 * Encrypts secrets with Tink AEAD (AES256_GCM) under a keyset kept in the {@code keyset} table,
 * itself encrypted by the {@link KekStore}'s key.
 */
public final class Vault {
    public static Vault open(Database db, KekStore kek) {
        throw new UnsupportedOperationException("not built yet");
    }

    /** Encrypts with associated data that names table, column, tenant and row. */
    public byte[] encrypt(byte[] plaintext, SecretSlot slot) {
        throw new UnsupportedOperationException("not built yet");
    }

    public byte[] decrypt(byte[] ciphertext, SecretSlot slot) {
        throw new UnsupportedOperationException("not built yet");
    }
}
