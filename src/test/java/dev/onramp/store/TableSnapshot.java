package dev.onramp.store;

import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Every row of every table, as text: two equal snapshots mean nothing in the database changed. */
final class TableSnapshot {
    private TableSnapshot() {}

    static Map<String, List<String>> of(Database db) {
        return db.withConnection(jdbc -> {
            Map<String, List<String>> tables = new TreeMap<>();
            for (String table : Sql.query(jdbc, "SELECT table_name FROM information_schema.tables"
                    + " WHERE table_schema = 'PUBLIC' AND table_type = 'BASE TABLE'", row -> row.getString(1))) {
                tables.put(table, Sql.query(jdbc, "SELECT * FROM \"" + table + "\"", TableSnapshot::row).stream()
                        .sorted().toList());
            }
            return tables;
        });
    }

    private static String row(ResultSet row) throws SQLException {
        ResultSetMetaData columns = row.getMetaData();
        List<String> values = new ArrayList<>();
        for (int i = 1; i <= columns.getColumnCount(); i++) {
            Object value = row.getObject(i);
            values.add(columns.getColumnName(i) + "=" + switch (value) {
                case byte[] bytes -> Arrays.toString(bytes);
                case java.sql.Array array -> Arrays.toString((Object[]) array.getArray());
                case null -> "null";
                default -> value.toString();
            });
        }
        return String.join(", ", values);
    }
}
