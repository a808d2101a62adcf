package dev.onramp.store;

import com.google.crypto.tink.Aead;
import com.google.crypto.tink.KeysetHandle;
import com.google.crypto.tink.aead.AeadKey;
import com.google.crypto.tink.aead.PredefinedAeadParameters;
import com.google.crypto.tink.util.Bytes;
import dev.onramp.text.Text;
import java.security.GeneralSecurityException;
import java.util.Arrays;

/**
 * Encrypts secrets with Tink AEAD (AES256_GCM) under a keyset kept in the {@code keyset} table,
 * itself encrypted by the {@link KekStore}'s key. The keyset can gain a new primary key
 * ({@link #rotate}); ciphertexts under its older keys keep opening.
 */
public final class Vault {
    static final String KEYSET_ID = "secrets";

    private final KeysetStore keysets;
    // Replaced as a whole when a rotation commits, so that readers never see half a change.
    private volatile Keys keys;

    private Vault(KeysetStore keysets, Keys keys) {
        this.keysets = keysets;
        this.keys = keys;
    }

    /**
     * Loads the vault's keyset from the database, generating and storing one on first use. A keyset
     * the key-encryption key cannot unlock is reported and left as it is.
     */
    public static Vault open(Database db, KekStore kek) {
        KeysetStore keysets = new KeysetStore(db, kek);
        return new Vault(keysets, keys(keysets, keysets.loadOrCreate(KEYSET_ID, PredefinedAeadParameters.AES256_GCM)));
    }

    /** Encrypts under the primary key, with associated data that names table, column, tenant and row. */
    public byte[] encrypt(byte[] plaintext, SecretSlot slot) {
        try {
            return keys.aead().encrypt(plaintext, slot.associatedData());
        } catch (GeneralSecurityException e) {
            throw new StoreException(Text.of("store.vault.encrypt", where(slot)), e);
        }
    }

    /** Decrypts a ciphertext that must have been encrypted for exactly this slot, under any key of the keyset. */
    public byte[] decrypt(byte[] ciphertext, SecretSlot slot) {
        try {
            return keys.aead().decrypt(ciphertext, slot.associatedData());
        } catch (GeneralSecurityException e) {
            throw new StoreException(Text.of("store.vault.decrypt", where(slot)), e);
        }
    }

    /** True when {@code ciphertext} was sealed under another key than the current primary one. */
    public boolean needsReencryption(byte[] ciphertext) {
        byte[] prefix = keys.primaryPrefix().toByteArray();
        return ciphertext.length < prefix.length
                || !Arrays.equals(ciphertext, 0, prefix.length, prefix, 0, prefix.length);
    }

    /** The Tink id of the key new secrets are encrypted with. */
    public int primaryKeyId() {
        return keys.handle().getPrimary().getId();
    }

    /** How many keys the keyset holds: the primary one and the older ones that still open old secrets. */
    public int keyCount() {
        return keys.handle().size();
    }

    /**
     * Adds a new AES256_GCM key, makes it primary and writes the keyset within {@code tx}. The vault
     * encrypts with it once {@code tx} has committed; if it rolls back, nothing changes. Returns the
     * new primary key's id.
     */
    synchronized int rotate(Tx tx) {
        KeysetHandle next;
        try {
            next = KeysetHandle.newBuilder(keys.handle())
                    .addEntry(KeysetHandle.generateEntryFromParameters(PredefinedAeadParameters.AES256_GCM)
                            .withRandomId()
                            .makePrimary())
                    .build();
        } catch (GeneralSecurityException e) {
            throw new StoreException(Text.of("store.vault.newKey", e.getMessage()), e);
        }
        keysets.save(tx, KEYSET_ID, next);
        Keys nextKeys = keys(keysets, next);
        tx.afterCommit(() -> keys = nextKeys);
        return next.getPrimary().getId();
    }

    private static String where(SecretSlot slot) {
        return slot.table() + "." + slot.column() + " of row " + slot.rowId() + " (business " + slot.tenant() + ")";
    }

    private static Keys keys(KeysetStore keysets, KeysetHandle handle) {
        try {
            Aead aead = handle.getPrimitive(keysets.tink(), Aead.class);
            return new Keys(handle, aead, ((AeadKey) handle.getPrimary().getKey()).getOutputPrefix());
        } catch (GeneralSecurityException e) {
            throw new StoreException(Text.of("store.encryption.setUp", e.getMessage()), e);
        }
    }

    /** A keyset with its primitive and the ciphertext prefix Tink writes for its primary key. */
    private record Keys(KeysetHandle handle, Aead aead, Bytes primaryPrefix) {}
}
