package dev.onramp.store;

import java.time.Clock;
import java.util.Objects;
import java.util.Optional;

/** Keeps the settings of the whole app rather than of one business, each a plain text under its name (never a secret). */
public final class AppSettingRepository {
    private static final String TABLE = "app_setting";

    private final Database db;
    private final Clock clock;

    public AppSettingRepository(Database db, Clock clock) {
        this.db = Objects.requireNonNull(db, "db");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** The value saved under {@code name}; empty when none was. */
    public Optional<String> find(String name) {
        return db.withConnection(jdbc -> Sql.queryOne(jdbc, "SELECT setting_value FROM " + TABLE + " WHERE name = ?",
                row -> row.getString(1), name));
    }

    /** Saves {@code value} under {@code name} in place of what was there. */
    public void save(Tx tx, String name, String value) {
        db.within(tx, jdbc -> Sql.update(jdbc, "MERGE INTO " + TABLE + " (name, setting_value, updated_at) KEY (name)"
                + " VALUES (?, ?, ?)", name, value, clock.instant()));
    }

    /** Forgets the value under {@code name}; true when there was one. */
    public boolean delete(Tx tx, String name) {
        return db.within(tx, jdbc -> Sql.update(jdbc, "DELETE FROM " + TABLE + " WHERE name = ?", name)) > 0;
    }
}
