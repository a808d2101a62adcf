package dev.onramp.store;

import java.nio.file.Path;

/** The H2 file database in the data folder, migrated by Flyway, handing out transactions. */
public final class Database implements AutoCloseable {
    /**
     * Opens (or on first use creates) {@code onramp.mv.db} in {@code dataDir} and migrates it.
     * A locked or corrupt file raises a {@link StoreException} with a clear message and is never
     * recreated.
     */
    public static Database open(Path dataDir) {
        throw new UnsupportedOperationException("not built yet");
    }

    /** Runs {@code work} in one transaction: committed when it returns, rolled back when it throws. */
    public <T> T inTransaction(TxWork<T> work) {
        throw new UnsupportedOperationException("not built yet");
    }

    public Path file() {
        throw new UnsupportedOperationException("not built yet");
    }

    @Override
    public void close() {}
}
