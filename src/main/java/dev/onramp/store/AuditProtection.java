package dev.onramp.store;

import dev.onramp.text.Text;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads from the database's INFORMATION_SCHEMA whether the rules migration V2 gave the audit log still
 * stand: the append-only trigger ({@link AppendOnlyTrigger}) before every UPDATE and DELETE of a row, and
 * the head's foreign key, which makes TRUNCATE and DROP of the log fail.
 */
final class AuditProtection {
    private static final String TRIGGER_CLASS = AppendOnlyTrigger.class.getName();

    private AuditProtection() {}

    /** What is missing of the protection, each as a phrase; empty when all of it stands. */
    static List<Text> missing(Connection jdbc) throws SQLException {
        List<Text> missing = new ArrayList<>();
        if (!triggerGuards(jdbc, "UPDATE") || !triggerGuards(jdbc, "DELETE")) {
            missing.add(Text.of("store.audit.gone.trigger", TRIGGER_CLASS));
        }
        if (!headKeyStands(jdbc)) {
            missing.add(Text.of("store.audit.gone.headKey"));
        }
        return missing;
    }

    /** True when a row trigger of Onramp's class fires before every {@code event} on audit_log. */
    private static boolean triggerGuards(Connection jdbc, String event) throws SQLException {
        return Sql.queryOne(jdbc, """
                SELECT COUNT(*) FROM INFORMATION_SCHEMA.TRIGGERS
                WHERE EVENT_OBJECT_SCHEMA = 'PUBLIC' AND EVENT_OBJECT_TABLE = 'AUDIT_LOG'
                  AND EVENT_MANIPULATION = ? AND ACTION_TIMING = 'BEFORE' AND ACTION_ORIENTATION = 'ROW'
                  AND JAVA_CLASS = ?""", row -> row.getLong(1), event, TRIGGER_CLASS).orElse(0L) > 0;
    }

    /**
     * True when audit_head.seq references audit_log.seq and a deletion of the entry it names is refused,
     * not cascaded to the head or answered by clearing it.
     */
    private static boolean headKeyStands(Connection jdbc) throws SQLException {
        return Sql.queryOne(jdbc, """
                SELECT COUNT(*) FROM INFORMATION_SCHEMA.REFERENTIAL_CONSTRAINTS ref
                JOIN INFORMATION_SCHEMA.KEY_COLUMN_USAGE fk
                  ON fk.CONSTRAINT_SCHEMA = ref.CONSTRAINT_SCHEMA AND fk.CONSTRAINT_NAME = ref.CONSTRAINT_NAME
                JOIN INFORMATION_SCHEMA.KEY_COLUMN_USAGE pk
                  ON pk.CONSTRAINT_SCHEMA = ref.UNIQUE_CONSTRAINT_SCHEMA
                 AND pk.CONSTRAINT_NAME = ref.UNIQUE_CONSTRAINT_NAME
                WHERE fk.TABLE_SCHEMA = 'PUBLIC' AND fk.TABLE_NAME = 'AUDIT_HEAD' AND fk.COLUMN_NAME = 'SEQ'
                  AND pk.TABLE_SCHEMA = 'PUBLIC' AND pk.TABLE_NAME = 'AUDIT_LOG' AND pk.COLUMN_NAME = 'SEQ'
                  AND ref.DELETE_RULE IN ('NO ACTION', 'RESTRICT')""", row -> row.getLong(1)).orElse(0L) > 0;
    }
}
