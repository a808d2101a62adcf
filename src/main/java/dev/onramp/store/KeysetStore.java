package dev.onramp.store;

import com.google.crypto.tink.Aead;
import com.google.crypto.tink.Configuration;
import com.google.crypto.tink.KeysetHandle;
import com.google.crypto.tink.Parameters;
import com.google.crypto.tink.RegistryConfiguration;
import com.google.crypto.tink.TinkProtoKeysetFormat;
import com.google.crypto.tink.aead.AeadConfig;
import com.google.crypto.tink.mac.MacConfig;
import com.google.crypto.tink.signature.SignatureConfig;
import dev.onramp.text.Text;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Objects;
import java.util.Optional;

/**
 * Reads and writes the Tink keysets of the {@code keyset} table (the vault's key, the audit MAC key,
 * the checkpoint signing key), each encrypted by the {@link KekStore}'s key-encryption key.
 */
final class KeysetStore {
    private final Database db;
    private final KekStore kek;
    private final Aead keyEncryptionKey;
    private final Configuration tink;

    KeysetStore(Database db, KekStore kek) {
        this.db = Objects.requireNonNull(db, "db");
        this.kek = Objects.requireNonNull(kek, "kek");
        this.tink = registeredConfiguration();
        this.keyEncryptionKey = kek.keyEncryptionKey();
    }

    Configuration tink() {
        return tink;
    }

    /**
     * Loads keyset {@code id}, generating and storing one with {@code parameters} on first use. A keyset
     * the key-encryption key cannot unlock is reported and left as it is.
     */
    KeysetHandle loadOrCreate(String id, Parameters parameters) {
        return db.inTransaction(tx -> db.within(tx, jdbc -> {
            Optional<byte[]> stored = Sql.queryOne(jdbc, "SELECT encrypted_keyset FROM keyset WHERE id = ?",
                    row -> row.getBytes("encrypted_keyset"), id);
            if (stored.isPresent()) {
                return unwrap(id, stored.get());
            }
            KeysetHandle created = generate(parameters);
            Sql.update(jdbc, "INSERT INTO keyset (id, encrypted_keyset) VALUES (?, ?)", id, wrap(id, created));
            return created;
        }));
    }

    /** Replaces keyset {@code id} within {@code tx}, e.g. after adding a key to it. */
    void save(Tx tx, String id, KeysetHandle keyset) {
        int updated = db.within(tx, jdbc -> Sql.update(jdbc, "UPDATE keyset SET encrypted_keyset = ? WHERE id = ?",
                wrap(id, keyset), id));
        if (updated != 1) {
            throw new StoreException(Text.of("store.keyset.noSuchKey", id));
        }
    }

    /** The associated data binds each encrypted keyset to its row, so keysets cannot be swapped in the table. */
    private static byte[] associatedData(String id) {
        return ("onramp-v1|keyset|encrypted_keyset|" + id).getBytes(StandardCharsets.UTF_8);
    }

    private KeysetHandle generate(Parameters parameters) {
        try {
            return KeysetHandle.generateNew(parameters, tink);
        } catch (GeneralSecurityException e) {
            throw new StoreException(Text.of("store.keyset.generate", e.getMessage()), e);
        }
    }

    private byte[] wrap(String id, KeysetHandle keyset) {
        try {
            return TinkProtoKeysetFormat.serializeEncryptedKeyset(keyset, keyEncryptionKey, associatedData(id), tink);
        } catch (GeneralSecurityException e) {
            throw new StoreException(Text.of("store.keyset.encrypt", e.getMessage()), e);
        }
    }

    private KeysetHandle unwrap(String id, byte[] stored) {
        try {
            return TinkProtoKeysetFormat.parseEncryptedKeyset(stored, keyEncryptionKey, associatedData(id), tink);
        } catch (GeneralSecurityException e) {
            throw new StoreException(Text.of("store.keyset.wrongKek", kek.described()), e);
        }
    }

    private static Configuration registeredConfiguration() {
        try {
            AeadConfig.register();
            MacConfig.register();
            SignatureConfig.register();
            return RegistryConfiguration.get();
        } catch (GeneralSecurityException e) {
            throw new StoreException(Text.of("store.encryption.setUp", e.getMessage()), e);
        }
    }
}
