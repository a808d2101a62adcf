package dev.onramp.store;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;

/**
 * Someone with access to the data folder but not to the keys: opens the database file with plain JDBC
 * while Onramp is closed and changes it behind Onramp's back.
 */
final class Attacker implements AutoCloseable {
    private final Connection jdbc;

    private Attacker(Connection jdbc) {
        this.jdbc = jdbc;
    }

    static Attacker on(Path dataDir) throws SQLException {
        return new Attacker(DriverManager.getConnection("jdbc:h2:file:" + dataDir.toAbsolutePath().resolve("onramp")
                + ";TIME ZONE=UTC;IFEXISTS=TRUE", "onramp", ""));
    }

    Attacker dropAppendOnlyTrigger() throws SQLException {
        return run("DROP TRIGGER audit_log_append_only");
    }

    Attacker run(String sql, Object... params) throws SQLException {
        try (PreparedStatement statement = jdbc.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                statement.setObject(i + 1, params[i]);
            }
            statement.execute();
        }
        return this;
    }

    <T> List<T> query(String sql, Sql.RowMapper<T> mapper, Object... params) throws SQLException {
        return Sql.query(jdbc, sql, mapper, params);
    }

    @Override
    public void close() throws SQLException {
        jdbc.close();
    }
}
