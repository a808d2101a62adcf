package dev.onramp.store;

import com.google.crypto.tink.Aead;
import dev.onramp.text.Text;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Objects;
import java.util.Optional;

/**
 * Keeps the key-encryption key in the operating system's key store, and moves a key file from before
 * into it crash-safely: store, read back and compare, mark the folder, and only then delete the file
 * (ADR 0013). While the file exists it is the key; once the mark exists a missing key is an error,
 * never a reason to make a new one that would lock the vault.
 */
final class SystemKekStore implements KekStore {
    private final SystemKeyring keyring;
    private final FileKekStore file;
    private final Path mark;
    private Aead kek;

    /**
     * @param file the data folder's key file: moved into the key store when it exists
     * @param mark the file that records that this folder's key is in the key store (it holds no secret)
     */
    SystemKekStore(SystemKeyring keyring, FileKekStore file, Path mark) {
        this.keyring = Objects.requireNonNull(keyring, "keyring");
        this.file = Objects.requireNonNull(file, "file");
        this.mark = mark.toAbsolutePath();
    }

    @Override
    public synchronized Aead keyEncryptionKey() {
        if (kek == null) {
            try {
                kek = KekKeysets.open(file.exists() ? moveIntoKeyring(file.readKeyset()) : fromKeyring(),
                        keyring.described());
            } catch (KeyringUnavailableException e) {
                throw new StoreException(Text.of("store.systemKek.unreachable", keyring.described(), e.text()), e);
            }
        }
        return kek;
    }

    @Override
    public Text described() {
        return keyring.described();
    }

    /** A folder marked as moved holds its key by its own account: a key gone missing from it is reported on use. */
    @Override
    public boolean holdsKey() {
        if (file.exists() || marked(mark)) {
            return true;
        }
        try {
            return keyring.load().isPresent();
        } catch (KeyringUnavailableException e) {
            return true;
        }
    }

    @Override
    public Text expectedAt() {
        return Text.of("store.keyStore.expectedFileOr", file.path().toString(), keyring.described());
    }

    /** True once this data folder's key has been put into the key store. */
    static boolean marked(Path mark) {
        return Files.exists(mark);
    }

    private byte[] moveIntoKeyring(byte[] keyset) {
        KekKeysets.open(keyset, file.described());
        saveAndVerify(keyset);
        markFolder();
        file.delete();
        return keyset;
    }

    private byte[] fromKeyring() {
        Optional<byte[]> stored = keyring.load();
        if (stored.isPresent()) {
            if (!marked(mark)) {
                markFolder();
            }
            return stored.get();
        }
        if (marked(mark)) {
            throw new StoreException(Text.of("store.systemKek.missing", keyring.described(), mark));
        }
        byte[] created = KekKeysets.generate();
        saveAndVerify(created);
        markFolder();
        return created;
    }

    private void saveAndVerify(byte[] keyset) {
        keyring.save(keyset);
        if (!Arrays.equals(keyring.load().orElse(new byte[0]), keyset)) {
            throw new StoreException(Text.of("store.systemKek.different", keyring.described()));
        }
    }

    private void markFolder() {
        String text = "The key-encryption key of this data folder is in " + keyring.description()
                + ". Keep this file: without it Onramp would not notice if that key went missing.\n";
        try {
            FileKekStore.writeOwnerOnly(mark, text.getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new StoreException(Text.of("store.file.write", mark, e.getMessage()), e);
        }
    }
}
