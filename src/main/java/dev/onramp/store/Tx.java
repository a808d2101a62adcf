package dev.onramp.store;

import java.util.ArrayList;
import java.util.List;

/**
 * A unit of work opened by {@link Database#inTransaction}; repository writes take one so that
 * callers outside the store can group writes atomically without touching JDBC.
 */
public final class Tx {
    private final java.sql.Connection jdbc;
    private final List<Runnable> afterCommit = new ArrayList<>();

    Tx(java.sql.Connection jdbc) {
        this.jdbc = jdbc;
    }

    java.sql.Connection jdbc() {
        return jdbc;
    }

    /**
     * Runs {@code action} once this transaction has committed, and never if it rolls back: for effects
     * outside the database (checkpoint files, in-memory keys) that must not run ahead of it.
     */
    void afterCommit(Runnable action) {
        afterCommit.add(action);
    }

    void committed() {
        afterCommit.forEach(Runnable::run);
    }
}
