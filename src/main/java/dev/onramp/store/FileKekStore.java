package dev.onramp.store;

import com.google.crypto.tink.Aead;
import dev.onramp.text.Text;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.AclEntry;
import java.nio.file.attribute.AclEntryPermission;
import java.nio.file.attribute.AclEntryType;
import java.nio.file.attribute.AclFileAttributeView;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Keeps the key-encryption key as a Tink AES256_GCM keyset in a file only the current user can
 * read: the fallback where no operating-system key store answers, and the key of data folders made
 * before Onramp used one until that store answers (ADR 0013).
 */
public final class FileKekStore implements KekStore {
    private final Path file;
    private final Optional<Text> fallbackReason;
    private final boolean announce;
    private boolean createdUnasked;

    public FileKekStore(Path file) {
        this.file = file.toAbsolutePath();
        this.fallbackReason = Optional.empty();
        this.announce = false;
    }

    /**
     * A key file used because the operating system's key store did not answer.
     *
     * @param fallbackReason why not, as a sentence a person can act on, said in words already
     */
    public FileKekStore(Path file, String fallbackReason) {
        this(file, fallbackReason, false);
    }

    /** As above, with the reason said in words already. */
    FileKekStore(Path file, String fallbackReason, boolean announce) {
        this(file, Text.verbatim(Objects.requireNonNull(fallbackReason, "fallbackReason")), announce);
    }

    /**
     * A key file used because the operating system's key store did not answer, {@code fallbackReason} saying why;
     * with {@code announce}, a key file this store creates has {@link #firstUseNotice()} say so, once: the person
     * did not ask for the file.
     */
    FileKekStore(Path file, Text fallbackReason, boolean announce) {
        this.file = file.toAbsolutePath();
        this.fallbackReason = Optional.of(Objects.requireNonNull(fallbackReason, "fallbackReason"));
        this.announce = announce;
    }

    /** Reads the key file, creating it with a new key on first use. */
    @Override
    public synchronized Aead keyEncryptionKey() {
        return KekKeysets.open(Files.exists(file) ? readKeyset() : create(), Text.verbatim(file.toString()));
    }

    /**
     * Once, after this store made a new key file because the system's key store did not answer: one sentence
     * saying so; empty otherwise, and on every later call.
     */
    @Override
    public synchronized Optional<Text> firstUseNotice() {
        if (!createdUnasked) {
            return Optional.empty();
        }
        createdUnasked = false;
        return Optional.of(Text.of("store.keyFile.firstUse", file.toString()));
    }

    @Override
    public Text described() {
        return Text.of("store.keyStore.file", file.toString());
    }

    @Override
    public boolean holdsKey() {
        return exists();
    }

    @Override
    public Text expectedAt() {
        return Text.of("store.keyStore.expectedFile", file.toString());
    }

    @Override
    public Optional<Text> fallbackReasonText() {
        return fallbackReason;
    }

    /** The key file's absolute path. */
    Path path() {
        return file;
    }

    boolean exists() {
        return Files.exists(file);
    }

    /** The keyset's bytes, as they are in the file. */
    byte[] readKeyset() {
        try {
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new StoreException(Text.of("store.keyFile.read", file, e.getMessage()), e);
        }
    }

    /** Removes the file once its key is safely elsewhere. */
    void delete() {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            throw new StoreException(Text.of("store.keyFile.removeOld", file, e.getMessage()), e);
        }
    }

    /** Writes the new key to a private temporary file first, so a crash never leaves half a key behind. */
    private byte[] create() {
        byte[] bytes = KekKeysets.generate();
        try {
            writeOwnerOnly(file, bytes);
            createdUnasked = announce;
        } catch (IOException e) {
            throw new StoreException(Text.of("store.keyFile.create", file, e.getMessage()), e);
        }
        return bytes;
    }

    /** Replaces {@code target} in one step with a file only this user can read holding {@code bytes}. */
    static void writeOwnerOnly(Path target, byte[] bytes) throws IOException {
        Path temporary = target.resolveSibling(target.getFileName() + ".new");
        Files.createDirectories(target.getParent());
        Files.deleteIfExists(temporary);
        createOwnerOnly(temporary);
        Files.write(temporary, bytes, StandardOpenOption.WRITE, StandardOpenOption.DSYNC);
        Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE);
    }

    private static void createOwnerOnly(Path path) throws IOException {
        if (path.getFileSystem().supportedFileAttributeViews().contains("posix")) {
            Files.createFile(path, PosixFilePermissions.asFileAttribute(
                    EnumSet.of(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE)));
            return;
        }
        Files.createFile(path);
        // Windows: replace the inherited entries with one that grants the owner alone.
        AclFileAttributeView acl = Files.getFileAttributeView(path, AclFileAttributeView.class);
        if (acl != null) {
            acl.setAcl(List.of(AclEntry.newBuilder()
                    .setType(AclEntryType.ALLOW)
                    .setPrincipal(acl.getOwner())
                    .setPermissions(EnumSet.allOf(AclEntryPermission.class))
                    .build()));
        }
    }
}
