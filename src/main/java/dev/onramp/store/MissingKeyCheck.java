package dev.onramp.store;

import dev.onramp.text.Text;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Optional;

/**
 * Refuses to start, before the database is opened for writing, when the database holds saved secrets
 * and their key-encryption key is missing: a new key would never open them, and opening the file would
 * change it.
 */
public final class MissingKeyCheck {
    private MissingKeyCheck() {}

    /**
     * Throws a {@link StoreException} that says the key is missing, where it was expected and what to do,
     * when {@code kek} holds no key and {@code dataDir}'s database holds a keyset. Writes nothing: no key,
     * and not a byte of the database file, which it reads read-only if at all.
     */
    public static void requireKeyOfSavedSecrets(Path dataDir, KekStore kek) {
        Path file = Database.fileIn(dataDir);
        if (kek.holdsKey() || !holdsKeyset(dataDir)) {
            return;
        }
        throw new StoreException(Text.of("store.kek.missing", kek.expectedAt(), file));
    }

    /**
     * True when the database file exists and holds a keyset. A file that cannot be read here (in use,
     * damaged, from before the keyset table) counts as holding none: opening it then says what is wrong.
     */
    private static boolean holdsKeyset(Path dataDir) {
        try {
            Optional<Connection> opened = Database.openReadOnly(dataDir);
            if (opened.isEmpty()) {
                return false;
            }
            try (Connection jdbc = opened.get(); Statement sql = jdbc.createStatement();
                    ResultSet count = sql.executeQuery("SELECT COUNT(*) FROM keyset")) {
                return count.next() && count.getLong(1) > 0;
            }
        } catch (SQLException e) {
            return false;
        }
    }
}
