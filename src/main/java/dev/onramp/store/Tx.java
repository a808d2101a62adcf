package dev.onramp.store;

/**
 * A unit of work opened by {@link Database#inTransaction}; repository writes take one so that
 * callers outside the store can group writes atomically without touching JDBC.
 */
public final class Tx {
    private final java.sql.Connection jdbc;

    Tx(java.sql.Connection jdbc) {
        this.jdbc = jdbc;
    }

    java.sql.Connection jdbc() {
        return jdbc;
    }
}
