package dev.onramp.store;

import com.google.crypto.tink.Aead;
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
                        keyring.description());
            } catch (KeyringUnavailableException e) {
                throw new StoreException("Onramp keeps the key to this data folder in " + keyring.description()
                        + ", and could not reach it: " + e.getMessage() + " Then start Onramp again.", e);
            }
        }
        return kek;
    }

    @Override
    public String description() {
        return keyring.description();
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
    public String expectedAt() {
        return "the key file " + file.path() + " or " + keyring.description();
    }

    /** True once this data folder's key has been put into the key store. */
    static boolean marked(Path mark) {
        return Files.exists(mark);
    }

    private byte[] moveIntoKeyring(byte[] keyset) {
        KekKeysets.open(keyset, file.description());
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
            throw new StoreException("The key to this data folder is missing from " + keyring.description()
                    + ", where Onramp put it. Restore the keyring from a backup, or remove " + mark
                    + " and restore keys/onramp.kek from a backup of the data folder. Onramp made no new key, as"
                    + " that would lock the saved secrets for good.");
        }
        byte[] created = KekKeysets.generate();
        saveAndVerify(created);
        markFolder();
        return created;
    }

    private void saveAndVerify(byte[] keyset) {
        keyring.save(keyset);
        if (!Arrays.equals(keyring.load().orElse(new byte[0]), keyset)) {
            throw new StoreException(keyring.description() + " gave back a different key from the one Onramp"
                    + " stored. Onramp left its key file as it was; send a support bundle to support.");
        }
    }

    private void markFolder() {
        String text = "The key-encryption key of this data folder is in " + keyring.description()
                + ". Keep this file: without it Onramp would not notice if that key went missing.\n";
        try {
            FileKekStore.writeOwnerOnly(mark, text.getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new StoreException("Onramp could not write " + mark + ": " + e.getMessage()
                    + ". Check that the data folder can be written to.", e);
        }
    }
}
