package dev.onramp.store;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Optional;
import java.util.Properties;

/**
 * The window's own preferences (its theme, its language, where it was), in a small file of the data folder beside the
 * database, so that the first frame is drawn with them before the database is open; nothing in it is
 * about a business or secret, and a file that is missing or unreadable means none were saved.
 */
public final class WindowPreferences {
    /** The file's name; it starts with "onramp" so that {@code remove-data} counts it as Onramp's. */
    public static final String FILE = "onramp.window.properties";

    private final Path file;

    public WindowPreferences(Path dataDir) {
        this.file = dataDir.resolve(FILE);
    }

    /** The value saved under {@code key}; empty when none is, or the file cannot be read. */
    public Optional<String> get(String key) {
        return Optional.ofNullable(read().getProperty(key));
    }

    /**
     * Saves {@code value} under {@code key} (removes the key when empty): the whole file is written beside
     * and moved in place, so that a crash leaves the old file or the new one, never half of one.
     */
    public synchronized void put(String key, Optional<String> value) {
        Properties all = read();
        value.ifPresentOrElse(text -> all.setProperty(key, text), () -> all.remove(key));
        try {
            Files.createDirectories(file.getParent());
            Path next = Files.createTempFile(file.getParent(), "onramp.window.", ".tmp");
            try {
                ownerOnly(next);
                try (OutputStream out = Files.newOutputStream(next)) {
                    all.store(out, "Onramp's window: its theme, its language and where it was; nothing about the data");
                }
                move(next);
            } finally {
                Files.deleteIfExists(next);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Onramp could not save the window's preferences in " + file, e);
        }
    }

    private Properties read() {
        Properties all = new Properties();
        if (Files.isRegularFile(file)) {
            try (InputStream in = Files.newInputStream(file)) {
                all.load(in);
            } catch (IOException | IllegalArgumentException e) {
                return new Properties();
            }
        }
        return all;
    }

    private void move(Path next) throws IOException {
        try {
            Files.move(next, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(next, file, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    private static void ownerOnly(Path path) {
        try {
            Files.setPosixFilePermissions(path, PosixFilePermissions.fromString("rw-------"));
        } catch (UnsupportedOperationException | IOException e) {
            // Not a POSIX file system (Windows): the data folder's own access applies.
        }
    }
}
