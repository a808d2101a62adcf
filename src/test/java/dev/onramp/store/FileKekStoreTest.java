package dev.onramp.store;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.google.crypto.tink.Aead;
import dev.onramp.text.Messages;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The key file: owner-only permissions, a stable key across instances, and damage left untouched. */
class FileKekStoreTest {
    private static final byte[] ASSOCIATED = "onramp-test".getBytes(UTF_8);

    @TempDir
    Path dir;

    @Test
    void firstUse_createsKeyFileReadableByTheOwnerOnly() throws Exception {
        assumeTrue(dir.getFileSystem().supportedFileAttributeViews().contains("posix"), "POSIX file system");
        Path file = dir.resolve("keys/kek");

        new FileKekStore(file).keyEncryptionKey();

        assertThat(Files.getPosixFilePermissions(file))
                .isEqualTo(Set.of(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE));
    }

    @Test
    void keyFromTheSameFile_decryptsWhatTheFirstEncrypted() throws Exception {
        Path file = dir.resolve("kek");
        byte[] ciphertext = new FileKekStore(file).keyEncryptionKey().encrypt("hello".getBytes(UTF_8), ASSOCIATED);

        Aead reread = new FileKekStore(file).keyEncryptionKey();

        assertThat(reread.decrypt(ciphertext, ASSOCIATED)).isEqualTo("hello".getBytes(UTF_8));
    }

    @Test
    void damagedKeyFile_isReportedAndLeftAlone() throws Exception {
        Path file = dir.resolve("kek");
        byte[] damaged = "not a keyset".getBytes(UTF_8);
        Files.write(file, damaged);

        assertThatThrownBy(() -> new FileKekStore(file).keyEncryptionKey())
                .isInstanceOf(StoreException.class)
                .hasMessageContaining("is damaged");
        assertThat(Files.readAllBytes(file)).isEqualTo(damaged);
    }

    @Test
    void description_namesTheFile() {
        Path file = dir.resolve("kek");

        assertThat(new FileKekStore(file).description()).isEqualTo("file (readable by this user only): " + file);
    }

    @Test
    void keyFileMadeBecauseNoKeyStoreAnswered_isToldOnceAndOnlyByTheRunThatMadeIt() {
        Path file = dir.resolve("keys").resolve("onramp.kek");
        FileKekStore first = new FileKekStore(file, "No D-Bus session was found.", true);

        assertThat(first.firstUseNotice()).isEmpty();
        first.keyEncryptionKey();

        assertThat(first.firstUseNotice()).hasValueSatisfying(notice -> assertThat(Messages.english().render(notice))
                .startsWith("Onramp keeps the key that protects saved secrets in a file only you can read (" + file)
                .endsWith("onramp doctor says why and how to move the key into it."));
        assertThat(first.firstUseNotice()).isEmpty();
        FileKekStore later = new FileKekStore(file, "No D-Bus session was found.", true);
        later.keyEncryptionKey();
        assertThat(later.firstUseNotice()).isEmpty();
    }

    @Test
    void keyFileThatWasAskedFor_isNeverAnnounced() {
        FileKekStore asked = new FileKekStore(dir.resolve("onramp.kek"), "The key file was asked for.", false);
        asked.keyEncryptionKey();

        assertThat(asked.firstUseNotice()).isEmpty();
    }
}
