package dev.onramp.store;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.onramp.model.TenantId;
import dev.onramp.text.Text;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Moving a key file into the system's key store: every point a crash can stop it at leaves a vault that
 * opens, and a key store that loses or garbles the key never costs the file or brings a new key.
 */
class SystemKekStoreTest {
    private static final SecretSlot SLOT = new SecretSlot("connection", "secret_config", TenantId.random(), "row-1");
    private static final byte[] SECRET = "{\"refresh_token\":\"rt-PLANTED-0d4\"}".getBytes(UTF_8);

    @TempDir
    Path dir;

    private Path file;
    private Path mark;
    private byte[] ciphertext;
    private byte[] keyset;

    @BeforeEach
    void vaultWrittenWithAKeyFile() throws Exception {
        file = dir.resolve("keys/onramp.kek");
        mark = dir.resolve("keys/onramp.kek.in-system-store");
        try (Database db = Database.open(dir)) {
            ciphertext = Vault.open(db, new FileKekStore(file)).encrypt(SECRET, SLOT);
        }
        keyset = Files.readAllBytes(file);
    }

    @Test
    void keyFile_movesIntoTheKeyStoreAndIsDeletedOnlyAfterwards() {
        MemoryKeyring keyring = new MemoryKeyring();

        assertThat(opensTheVault(keyring)).isTrue();
        assertThat(keyring.secret).hasValue(keyset);
        assertThat(file).doesNotExist();
        assertThat(mark).exists();
    }

    @Test
    void crashAfterStoringBeforeMarking_isFinishedOnTheNextStart() {
        MemoryKeyring keyring = new MemoryKeyring();
        keyring.secret = Optional.of(keyset);

        assertThat(opensTheVault(keyring)).isTrue();
        assertThat(file).doesNotExist();
        assertThat(mark).exists();
    }

    @Test
    void crashAfterMarkingBeforeDeleting_isFinishedOnTheNextStart() throws Exception {
        MemoryKeyring keyring = new MemoryKeyring();
        keyring.secret = Optional.of(keyset);
        Files.writeString(mark, "marked\n");

        assertThat(opensTheVault(keyring)).isTrue();
        assertThat(file).doesNotExist();
    }

    @Test
    void crashAfterMarkingBeforeDeleting_withTheKeyStoreGone_stillOpensFromTheFile() throws Exception {
        Files.writeString(mark, "marked\n");

        KekStore store = KekStores.choose(dir, "Linux", java.util.Map.of(), KekStores.LOOKUP_TIMEOUT);

        try (Database db = Database.open(dir)) {
            assertThat(Vault.open(db, store).decrypt(ciphertext, SLOT)).isEqualTo(SECRET);
        }
    }

    @Test
    void keyStoreGivingBackOtherBytes_leavesTheKeyFileInPlaceAndUnmarked() {
        MemoryKeyring keyring = new MemoryKeyring();
        keyring.garbles = true;

        assertThatThrownBy(() -> new SystemKekStore(keyring, new FileKekStore(file), mark).keyEncryptionKey())
                .isInstanceOf(StoreException.class).hasMessageContaining("gave back a different key");
        assertThat(file).hasBinaryContent(keyset);
        assertThat(mark).doesNotExist();
    }

    @Test
    void keyStoreFailingWhileStoring_leavesTheKeyFileInPlaceAndUnmarked() {
        MemoryKeyring keyring = new MemoryKeyring();
        keyring.refuses = true;

        assertThatThrownBy(() -> new SystemKekStore(keyring, new FileKekStore(file), mark).keyEncryptionKey())
                .isInstanceOf(StoreException.class).hasMessageContaining("The keyring is locked.");
        assertThat(file).hasBinaryContent(keyset);
        assertThat(mark).doesNotExist();
    }

    @Test
    void keyMissingFromTheKeyStoreAfterTheMove_isReportedAndNoNewKeyIsMade() {
        MemoryKeyring keyring = new MemoryKeyring();
        opensTheVault(keyring);
        keyring.secret = Optional.empty();

        assertThatThrownBy(() -> new SystemKekStore(keyring, new FileKekStore(file), mark).keyEncryptionKey())
                .isInstanceOf(StoreException.class).hasMessageContaining("is missing from")
                .hasMessageContaining("Onramp made no new key");
        assertThat(keyring.secret).isEmpty();
    }

    @Test
    void keyFileDeletedBeforeItWasMoved_isRefusedAsMissing_andTheKeyStoreGetsNoNewKey() throws Exception {
        MemoryKeyring keyring = new MemoryKeyring();
        Files.delete(file);
        SystemKekStore store = new SystemKekStore(keyring, new FileKekStore(file), mark);

        assertThat(store.holdsKey()).isFalse();
        assertThatThrownBy(() -> MissingKeyCheck.requireKeyOfSavedSecrets(dir, store))
                .isInstanceOf(StoreException.class)
                .hasMessageStartingWith("Onramp's key-encryption key is missing: it was expected in the key file "
                        + file.toAbsolutePath() + " or a key store in memory.");
        assertThat(keyring.secret).isEmpty();
        assertThat(mark).doesNotExist();
    }

    @Test
    void newDataFolder_getsANewKeyInTheKeyStoreAndNoKeyFile() {
        MemoryKeyring keyring = new MemoryKeyring();
        Path fresh = dir.resolve("fresh");

        new SystemKekStore(keyring, new FileKekStore(fresh.resolve("keys/onramp.kek")),
                fresh.resolve("keys/onramp.kek.in-system-store")).keyEncryptionKey();

        assertThat(keyring.secret).isPresent();
        assertThat(fresh.resolve("keys/onramp.kek")).doesNotExist();
    }

    private boolean opensTheVault(SystemKeyring keyring) {
        try (Database db = Database.open(dir)) {
            KekStore store = new SystemKekStore(keyring, new FileKekStore(file), mark);
            return Arrays.equals(Vault.open(db, store).decrypt(ciphertext, SLOT), SECRET);
        }
    }

    /** A key store in memory that can refuse to store, or give back other bytes than it was given. */
    private static final class MemoryKeyring implements SystemKeyring {
        Optional<byte[]> secret = Optional.empty();
        boolean refuses;
        boolean garbles;

        @Override
        public void probe() {}

        @Override
        public Optional<byte[]> load() {
            return secret.map(bytes -> garbles ? Arrays.copyOf(bytes, bytes.length - 1) : bytes.clone());
        }

        @Override
        public void save(byte[] bytes) {
            if (refuses) {
                throw new KeyringUnavailableException("The keyring is locked.");
            }
            secret = Optional.of(bytes.clone());
        }

        @Override
        public boolean delete() {
            boolean had = secret.isPresent();
            secret = Optional.empty();
            return had;
        }

        @Override
        public Text described() {
            return Text.verbatim("a key store in memory");
        }
    }
}
