package dev.onramp.store;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** The JDBC steps every repository repeats: binding parameters, mapping rows, reading UTC times. */
final class Sql {
    private Sql() {}

    /** Maps the current row of a result set. */
    @FunctionalInterface
    interface RowMapper<T> {
        T map(ResultSet row) throws SQLException;
    }

    static <T> List<T> query(Connection jdbc, String sql, RowMapper<T> mapper, Object... params) throws SQLException {
        try (PreparedStatement statement = prepare(jdbc, sql, params);
                ResultSet rows = statement.executeQuery()) {
            List<T> result = new ArrayList<>();
            while (rows.next()) {
                result.add(mapper.map(rows));
            }
            return result;
        }
    }

    static <T> Optional<T> queryOne(Connection jdbc, String sql, RowMapper<T> mapper, Object... params)
            throws SQLException {
        return query(jdbc, sql, mapper, params).stream().findFirst();
    }

    /** Runs an INSERT or UPDATE and returns the number of rows it touched. */
    static int update(Connection jdbc, String sql, Object... params) throws SQLException {
        try (PreparedStatement statement = prepare(jdbc, sql, params)) {
            return statement.executeUpdate();
        }
    }

    static UUID uuid(ResultSet row, String column) throws SQLException {
        return row.getObject(column, UUID.class);
    }

    static Instant instant(ResultSet row, String column) throws SQLException {
        return row.getObject(column, OffsetDateTime.class).toInstant();
    }

    static Optional<Instant> optionalInstant(ResultSet row, String column) throws SQLException {
        return Optional.ofNullable(row.getObject(column, OffsetDateTime.class)).map(OffsetDateTime::toInstant);
    }

    static Optional<String> optionalString(ResultSet row, String column) throws SQLException {
        return Optional.ofNullable(row.getString(column));
    }

    static List<String> strings(ResultSet row, String column) throws SQLException {
        Array array = row.getArray(column);
        try {
            return Arrays.stream((Object[]) array.getArray()).map(String.class::cast).toList();
        } finally {
            array.free();
        }
    }

    private static PreparedStatement prepare(Connection jdbc, String sql, Object... params) throws SQLException {
        PreparedStatement statement = jdbc.prepareStatement(sql);
        try {
            for (int i = 0; i < params.length; i++) {
                statement.setObject(i + 1, jdbcValue(jdbc, params[i]));
            }
            return statement;
        } catch (SQLException e) {
            statement.close();
            throw e;
        }
    }

    /** Unwraps optionals and enums, writes instants in UTC and lists as SQL arrays. */
    private static Object jdbcValue(Connection jdbc, Object value) throws SQLException {
        return switch (value) {
            case null -> null;
            case Optional<?> optional -> optional.isPresent() ? jdbcValue(jdbc, optional.get()) : null;
            case Instant instant -> instant.atOffset(ZoneOffset.UTC);
            case Enum<?> constant -> constant.name();
            case List<?> list -> jdbc.createArrayOf("CHARACTER VARYING", list.toArray());
            default -> value;
        };
    }
}
