package dev.onramp.store;

import com.google.crypto.tink.Aead;
import com.google.crypto.tink.Configuration;
import com.google.crypto.tink.InsecureSecretKeyAccess;
import com.google.crypto.tink.KeysetHandle;
import com.google.crypto.tink.RegistryConfiguration;
import com.google.crypto.tink.TinkProtoKeysetFormat;
import com.google.crypto.tink.aead.AeadConfig;
import com.google.crypto.tink.aead.PredefinedAeadParameters;
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
import java.security.GeneralSecurityException;
import java.util.EnumSet;
import java.util.List;

/**
 * Keeps the key-encryption key as a Tink AES256_GCM keyset in a file only the current user can
 * read: the fallback where no operating-system key store is available.
 */
public final class FileKekStore implements KekStore {
    private final Path file;

    public FileKekStore(Path file) {
        this.file = file.toAbsolutePath();
    }

    /** Reads the key file, creating it with a new key on first use. */
    @Override
    public synchronized Aead keyEncryptionKey() {
        try {
            AeadConfig.register();
            Configuration tink = RegistryConfiguration.get();
            KeysetHandle keyset = Files.exists(file) ? read(tink) : create(tink);
            return keyset.getPrimitive(tink, Aead.class);
        } catch (GeneralSecurityException e) {
            throw new StoreException("Onramp could not use the key in " + file + ": " + e.getMessage(), e);
        }
    }

    @Override
    public String description() {
        return "file (readable by this user only): " + file;
    }

    private KeysetHandle read(Configuration tink) {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (IOException e) {
            throw new StoreException("Onramp could not read its key file " + file + ": " + e.getMessage()
                    + ". Check that this user can read it.", e);
        }
        try {
            return TinkProtoKeysetFormat.parseKeyset(bytes, InsecureSecretKeyAccess.get(), tink);
        } catch (GeneralSecurityException e) {
            throw new StoreException("Onramp's key file " + file + " is damaged. Onramp left it untouched:"
                    + " restore it from a backup.", e);
        }
    }

    /** Writes the new key to a private temporary file first, so a crash never leaves half a key behind. */
    private KeysetHandle create(Configuration tink) throws GeneralSecurityException {
        KeysetHandle keyset = KeysetHandle.generateNew(PredefinedAeadParameters.AES256_GCM, tink);
        byte[] bytes = TinkProtoKeysetFormat.serializeKeyset(keyset, InsecureSecretKeyAccess.get(), tink);
        Path temporary = file.resolveSibling(file.getFileName() + ".new");
        try {
            Files.createDirectories(file.getParent());
            Files.deleteIfExists(temporary);
            createOwnerOnly(temporary);
            Files.write(temporary, bytes, StandardOpenOption.WRITE, StandardOpenOption.DSYNC);
            Files.move(temporary, file, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new StoreException("Onramp could not create its key file " + file + ": " + e.getMessage()
                    + ". Check that the folder can be written to.", e);
        }
        return keyset;
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
