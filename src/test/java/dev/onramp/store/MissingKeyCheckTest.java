package dev.onramp.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The check before the database is opened: a missing key-encryption key is refused, writing nothing. */
class MissingKeyCheckTest {
    @TempDir
    Path dir;

    @Test
    void keyFileDeletedWhileTheDatabaseHoldsAKeyset_isRefusedAsMissing_withoutANewKeyOrAChangedByte() throws Exception {
        Path dataDir = dir.resolve("data");
        try (TestStore store = TestStore.open(dataDir)) {
            store.connection(store.tenant("Acme").id(), "stripe", "{\"api_key\":\"sk_live_1\"}");
        }
        Path keyFile = dir.resolve("data-keys").resolve("onramp.kek");
        Files.delete(keyFile);
        String before = sha256(Database.fileIn(dataDir));

        assertThatThrownBy(() -> MissingKeyCheck.requireKeyOfSavedSecrets(dataDir, TestStore.kek(dataDir)))
                .isInstanceOf(StoreException.class)
                .hasMessageStartingWith("Onramp's key-encryption key is missing: it was expected in the key file "
                        + keyFile.toAbsolutePath() + ".")
                .hasMessageContaining("cannot be read without it. Restore it there from a backup")
                .hasMessageContaining("onramp remove-data deletes the data folder")
                .hasMessageNotContaining("not the one");

        assertThat(keyFile).doesNotExist();
        assertThat(sha256(Database.fileIn(dataDir))).isEqualTo(before);
    }

    @Test
    void newDataFolder_orAKeyThatIsThere_passes() {
        Path dataDir = dir.resolve("data");
        assertThatCode(() -> MissingKeyCheck.requireKeyOfSavedSecrets(dataDir, TestStore.kek(dataDir)))
                .doesNotThrowAnyException();
        assertThat(dataDir).doesNotExist();
        TestStore.open(dataDir).close();

        assertThatCode(() -> MissingKeyCheck.requireKeyOfSavedSecrets(dataDir, TestStore.kek(dataDir)))
                .doesNotThrowAnyException();
    }

    private static String sha256(Path file) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
    }
}
