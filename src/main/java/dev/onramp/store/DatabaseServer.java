package dev.onramp.store;

import dev.onramp.text.Text;
import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.sql.SQLException;
import java.util.HexFormat;
import java.util.Optional;
import java.util.Properties;
import org.h2.tools.Server;

/**
 * The H2 server through which the Onramp that owns a data folder's database lets a second Onramp
 * read it: on 127.0.0.1 only, reachable by a random key kept in a file only its user can read (ADR 0029).
 */
final class DatabaseServer implements AutoCloseable {
    /** Names the server's port and key, beside the database, while the owner has it open. */
    static final String FILE_NAME = "onramp.server";

    private final Server server;
    private final Path file;

    private DatabaseServer(Server server, Path file) {
        this.server = server;
        this.file = file;
    }

    /**
     * Serves the open database {@code databaseName} (as its embedded URL names it, without {@code jdbc:h2:})
     * and writes where to reach it into {@code folder}. The database stays the owner's: H2 hands the
     * server's sessions the one the owner opened.
     */
    static DatabaseServer start(String databaseName, Path folder) {
        String key = HexFormat.of().formatHex(random());
        Server server;
        try {
            // No -tcpAllowOthers: only connections from this computer; -key: only under the key, only this database.
            server = Server.createTcpServer("-tcpPort", "0", "-tcpDaemon", "-ifExists", "-key", key, databaseName)
                    .start();
        } catch (SQLException e) {
            throw new StoreException(Text.of("store.databaseServer.share", e.getMessage()), e);
        }
        Path file = folder.resolve(FILE_NAME);
        try {
            write(file, server.getPort(), key);
        } catch (IOException e) {
            server.stop();
            throw new StoreException(Text.of("store.file.write", file, e.getMessage()), e);
        }
        return new DatabaseServer(server, file);
    }

    /** The URL a reader opens, when an owner's server file is there and readable. */
    static Optional<String> readerUrl(Path folder) {
        Properties where = new Properties();
        try (Reader in = Files.newBufferedReader(folder.resolve(FILE_NAME), StandardCharsets.UTF_8)) {
            where.load(in);
        } catch (IOException e) {
            return Optional.empty();
        }
        String port = where.getProperty("port", "");
        String key = where.getProperty("key", "");
        if (!port.matches("\\d{1,5}") || !key.matches("[0-9a-f]{32,}")) {
            return Optional.empty();
        }
        return Optional.of("jdbc:h2:tcp://127.0.0.1:" + port + "/" + key);
    }

    /** Stops serving (a reader's next statement then fails) and removes the file that named the server. */
    @Override
    public void close() {
        server.stop();
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            // A stale file names a port nobody answers on: a reader is then told the folder is in use.
        }
    }

    private static byte[] random() {
        byte[] bytes = new byte[24];
        new SecureRandom().nextBytes(bytes);
        return bytes;
    }

    /** Written whole and at once, readable by this user only where the file system knows owners. */
    private static void write(Path file, int port, String key) throws IOException {
        Path folder = file.getParent();
        boolean posix = Files.getFileStore(folder).supportsFileAttributeView(PosixFileAttributeView.class);
        Path next = posix
                ? Files.createTempFile(folder, FILE_NAME + "-", ".tmp",
                        PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")))
                : Files.createTempFile(folder, FILE_NAME + "-", ".tmp");
        try (Writer out = Files.newBufferedWriter(next, StandardCharsets.UTF_8)) {
            out.write("port=" + port + "\nkey=" + key + "\n");
        }
        Files.move(next, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }
}
