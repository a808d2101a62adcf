package dev.onramp.store;

import com.google.crypto.tink.Aead;
import com.google.crypto.tink.Configuration;
import com.google.crypto.tink.KeysetHandle;
import com.google.crypto.tink.RegistryConfiguration;
import com.google.crypto.tink.TinkProtoKeysetFormat;
import com.google.crypto.tink.aead.AeadConfig;
import com.google.crypto.tink.aead.PredefinedAeadParameters;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Optional;

/**
 * Encrypts secrets with Tink AEAD (AES256_GCM) under a keyset kept in the {@code keyset} table,
 * itself encrypted by the {@link KekStore}'s key.
 */
public final class Vault {
    private static final String KEYSET_ID = "secrets";
    private static final byte[] KEYSET_ASSOCIATED_DATA =
            ("onramp-v1|keyset|encrypted_keyset|" + KEYSET_ID).getBytes(StandardCharsets.UTF_8);

    private final Aead aead;

    private Vault(Aead aead) {
        this.aead = aead;
    }

    /**
     * Loads the vault's keyset from the database, generating and storing one on first use. A keyset
     * the key-encryption key cannot unlock is reported and left as it is.
     */
    public static Vault open(Database db, KekStore kek) {
        Configuration tink = tink();
        Aead keyEncryptionKey = kek.keyEncryptionKey();
        KeysetHandle keyset = db.inTransaction(tx -> db.within(tx, jdbc -> {
            Optional<byte[]> stored = Sql.queryOne(jdbc, "SELECT encrypted_keyset FROM keyset WHERE id = ?",
                    row -> row.getBytes("encrypted_keyset"), KEYSET_ID);
            if (stored.isPresent()) {
                return unwrap(stored.get(), keyEncryptionKey, kek, tink);
            }
            KeysetHandle created = generate(tink);
            Sql.update(jdbc, "INSERT INTO keyset (id, encrypted_keyset) VALUES (?, ?)", KEYSET_ID,
                    wrap(created, keyEncryptionKey, tink));
            return created;
        }));
        try {
            return new Vault(keyset.getPrimitive(tink, Aead.class));
        } catch (GeneralSecurityException e) {
            throw new StoreException("Onramp could not set up encryption: " + e.getMessage(), e);
        }
    }

    /** Encrypts with associated data that names table, column, tenant and row. */
    public byte[] encrypt(byte[] plaintext, SecretSlot slot) {
        try {
            return aead.encrypt(plaintext, slot.associatedData());
        } catch (GeneralSecurityException e) {
            throw new StoreException("Onramp could not encrypt the secret for " + where(slot) + ".", e);
        }
    }

    /** Decrypts a ciphertext that must have been encrypted for exactly this slot. */
    public byte[] decrypt(byte[] ciphertext, SecretSlot slot) {
        try {
            return aead.decrypt(ciphertext, slot.associatedData());
        } catch (GeneralSecurityException e) {
            throw new StoreException("Onramp could not decrypt the secret stored for " + where(slot)
                    + ": it was altered or does not belong to this row. Connect this account again.", e);
        }
    }

    private static String where(SecretSlot slot) {
        return slot.table() + "." + slot.column() + " of row " + slot.rowId() + " (business " + slot.tenant() + ")";
    }

    private static Configuration tink() {
        try {
            AeadConfig.register();
            return RegistryConfiguration.get();
        } catch (GeneralSecurityException e) {
            throw new StoreException("Onramp could not set up encryption: " + e.getMessage(), e);
        }
    }

    private static KeysetHandle generate(Configuration tink) {
        try {
            return KeysetHandle.generateNew(PredefinedAeadParameters.AES256_GCM, tink);
        } catch (GeneralSecurityException e) {
            throw new StoreException("Onramp could not generate its encryption key: " + e.getMessage(), e);
        }
    }

    private static byte[] wrap(KeysetHandle keyset, Aead keyEncryptionKey, Configuration tink) {
        try {
            return TinkProtoKeysetFormat.serializeEncryptedKeyset(keyset, keyEncryptionKey, KEYSET_ASSOCIATED_DATA,
                    tink);
        } catch (GeneralSecurityException e) {
            throw new StoreException("Onramp could not encrypt its new encryption key: " + e.getMessage(), e);
        }
    }

    private static KeysetHandle unwrap(byte[] stored, Aead keyEncryptionKey, KekStore kek, Configuration tink) {
        try {
            return TinkProtoKeysetFormat.parseEncryptedKeyset(stored, keyEncryptionKey, KEYSET_ASSOCIATED_DATA, tink);
        } catch (GeneralSecurityException e) {
            throw new StoreException("Onramp cannot unlock the secrets in its database: the key-encryption key ("
                    + kek.description() + ") is not the one they were saved with. Restore that key from a"
                    + " backup; Onramp left the database untouched.", e);
        }
    }
}
