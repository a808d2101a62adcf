package dev.onramp.store;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import dev.onramp.model.TenantId;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The key in a real GNOME Keyring over a real (private) session bus: a vault written with it opens again
 * from a second store, each data folder has its own key, and a key file from before moves into the keyring.
 */
class SecretServiceKeyringTest {
    private static final SecretSlot SLOT = new SecretSlot("connection", "secret_config", TenantId.random(), "row-1");
    private static final byte[] SECRET = "{\"refresh_token\":\"rt-PLANTED-5c1e\"}".getBytes(UTF_8);

    @RegisterExtension
    static final PrivateKeyring keyring = new PrivateKeyring();

    @TempDir
    Path dir;

    @Test
    void keyInTheKeyring_opensAVaultWrittenEarlier_fromASecondStore() {
        Path data = dir.resolve("data");
        byte[] ciphertext;
        try (Database db = Database.open(data)) {
            ciphertext = Vault.open(db, chooseFor(data)).encrypt(SECRET, SLOT);
        }

        try (Database db = Database.open(data)) {
            KekStore reopened = chooseFor(data);

            assertThat(Vault.open(db, reopened).decrypt(ciphertext, SLOT)).isEqualTo(SECRET);
            assertThat(reopened.description()).startsWith("the Secret Service").contains(data.toString());
        }
    }

    @Test
    void keyInTheKeyring_leavesNoKeyFileInTheDataFolder() {
        Path data = dir.resolve("data");

        chooseFor(data).keyEncryptionKey();

        assertThat(data.resolve("keys/onramp.kek")).doesNotExist();
        assertThat(data.resolve("keys/onramp.kek.in-system-store")).exists();
    }

    @Test
    void twoDataFolders_getDifferentKeys() {
        Path first = dir.resolve("first");
        Path second = dir.resolve("second");
        chooseFor(first).keyEncryptionKey();
        chooseFor(second).keyEncryptionKey();

        assertThat(keyringFor(first).load()).isPresent();
        assertThat(keyringFor(first).load().orElseThrow()).isNotEqualTo(keyringFor(second).load().orElseThrow());
    }

    @Test
    void keyFileFromBefore_movesIntoTheKeyringAndTheVaultStillOpens() throws Exception {
        Path data = dir.resolve("data");
        Path file = data.resolve("keys/onramp.kek");
        byte[] ciphertext;
        try (Database db = Database.open(data)) {
            ciphertext = Vault.open(db, new FileKekStore(file)).encrypt(SECRET, SLOT);
        }
        byte[] keyset = Files.readAllBytes(file);

        try (Database db = Database.open(data)) {
            assertThat(Vault.open(db, chooseFor(data)).decrypt(ciphertext, SLOT)).isEqualTo(SECRET);
        }
        assertThat(file).doesNotExist();
        assertThat(keyringFor(data).load()).hasValue(keyset);
    }

    @Test
    void deletedKey_isGoneFromTheKeyring() {
        Path data = dir.resolve("data");
        keyringFor(data).save(SECRET);

        assertThat(keyringFor(data).delete()).isTrue();
        assertThat(keyringFor(data).load()).isEmpty();
    }

    @Test
    void deletingTwice_findsNothingTheSecondTimeWithoutAnError() {
        Path data = dir.resolve("data");
        keyringFor(data).save(SECRET);
        keyringFor(data).delete();

        assertThat(keyringFor(data).delete()).isFalse();
    }

    @Test
    void deletingOneFoldersKey_leavesAnotherFoldersKey() {
        Path first = dir.resolve("first");
        Path second = dir.resolve("second");
        keyringFor(first).save(SECRET);
        keyringFor(second).save(SECRET);

        keyringFor(first).delete();

        assertThat(keyringFor(second).load()).hasValue(SECRET);
    }

    @Test
    void lookup_answersWellWithinTheTimeout() {
        long start = System.nanoTime();
        keyringFor(dir).probe();
        long millis = (System.nanoTime() - start) / 1_000_000;

        System.out.println("Secret Service lookup took " + millis + " ms");
        assertThat(millis).isLessThan(KekStores.LOOKUP_TIMEOUT.toMillis());
    }

    private static KekStore chooseFor(Path data) {
        KekStore store = KekStores.choose(data, "Linux", keyring.environment(), KekStores.LOOKUP_TIMEOUT);
        assertThat(store.fallbackReason()).isEmpty();
        return store;
    }

    private static SecretServiceKeyring keyringFor(Path data) {
        return new SecretServiceKeyring(keyring.address(), data, KekStores.LOOKUP_TIMEOUT);
    }
}
