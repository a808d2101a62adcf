package dev.onramp.store;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** Names a data folder in a key store by a hash of its absolute path, so each folder has a key of its own. */
final class DataFolderId {
    private DataFolderId() {}

    /** The SHA-256 of the folder's absolute, normalized path, in hex. */
    static String of(Path dataDir) {
        try {
            byte[] path = dataDir.toAbsolutePath().normalize().toString().getBytes(StandardCharsets.UTF_8);
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(path));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java runtime has SHA-256", e);
        }
    }
}
