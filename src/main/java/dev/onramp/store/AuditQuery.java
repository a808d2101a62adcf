package dev.onramp.store;

import dev.onramp.model.AuditEvent;
import dev.onramp.model.TenantId;
import java.io.IOException;
import java.io.Writer;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Reads the audit trail a page at a time, newest first, for the window's Activity list: every query is
 * bounded ({@link #MAX_PAGE} entries at most) and walks an index in the order it returns, so the
 * trail's length costs neither memory nor a sort. Exports stream it in bounded chunks, oldest first.
 */
public final class AuditQuery {
    /** The most entries one page may hold. */
    public static final int MAX_PAGE = 500;
    /** How many entries an export reads at once. */
    static final int EXPORT_CHUNK = 1_000;

    private static final String COLUMNS = "SELECT seq, tenant_id, at, actor, action, resource, details FROM audit_log";

    private final Database db;

    public AuditQuery(Database db) {
        this.db = Objects.requireNonNull(db, "db");
    }

    /**
     * Up to {@code limit} entries matching {@code criteria}, newest first, skipping the {@code offset}
     * newest; {@code limit} is at most {@link #MAX_PAGE}.
     */
    public List<AuditEvent> newestFirst(AuditCriteria criteria, long offset, int limit) {
        if (limit < 1 || limit > MAX_PAGE) {
            throw new IllegalArgumentException("A page holds 1 to " + MAX_PAGE + " audit entries, not " + limit + ".");
        }
        if (offset < 0) {
            throw new IllegalArgumentException("A page cannot start before the newest entry (offset " + offset + ").");
        }
        Where where = Where.of(criteria);
        List<Object> params = new ArrayList<>(where.params());
        params.add(limit);
        params.add(offset);
        return db.withConnection(jdbc -> Sql.query(jdbc, COLUMNS + where.sql() + " ORDER BY " + where.order("DESC")
                + " LIMIT ? OFFSET ?", AuditQuery::event, params.toArray()));
    }

    /** How many entries match {@code criteria}. */
    public long count(AuditCriteria criteria) {
        Where where = Where.of(criteria);
        return db.withConnection(jdbc -> Sql.queryOne(jdbc, "SELECT COUNT(*) FROM audit_log" + where.sql(),
                row -> row.getLong(1), where.params().toArray())).orElse(0L);
    }

    /** The actions the trail holds, each once, in alphabetical order. */
    public List<String> actions() {
        return db.withConnection(jdbc -> Sql.query(jdbc, "SELECT DISTINCT action FROM audit_log ORDER BY action",
                row -> row.getString(1)));
    }

    /** Every business's name by its id; a business removed since is not among them. */
    public Map<TenantId, String> businessNames() {
        return db.withConnection(jdbc -> Sql.query(jdbc, "SELECT id, name FROM tenant",
                row -> Map.entry(new TenantId(row.getObject("id", UUID.class)), row.getString("name"))))
                .stream().collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
    }

    /**
     * Writes the entries matching {@code criteria}, oldest first, to {@code out} as the command line's
     * export does, reading {@value #EXPORT_CHUNK} at a time; returns how many.
     */
    public long export(AuditCriteria criteria, AuditFormat format, Writer out) throws IOException {
        Map<TenantId, String> names = businessNames();
        AuditExport.header(format, out);
        long written = 0;
        long after = 0;
        while (true) {
            Where where = Where.of(criteria).and("seq > ?", after);
            List<Object> params = new ArrayList<>(where.params());
            params.add(EXPORT_CHUNK);
            List<AuditEvent> chunk = db.withConnection(jdbc -> Sql.query(jdbc, COLUMNS + where.sql() + " ORDER BY "
                    + where.order("ASC") + " LIMIT ?", AuditQuery::event, params.toArray()));
            if (chunk.isEmpty()) {
                out.flush();
                return written;
            }
            AuditExport.rows(chunk, names, format, out);
            written += chunk.size();
            after = chunk.getLast().seq();
        }
    }

    /**
     * A WHERE clause and the ORDER BY that walks the index serving it: the columns bound by equality
     * lead, so the database reads the index in order and stops after the page.
     */
    private record Where(List<String> clauses, List<Object> params, String leading) {
        static Where of(AuditCriteria criteria) {
            List<String> clauses = new ArrayList<>();
            List<Object> params = new ArrayList<>();
            StringBuilder leading = new StringBuilder();
            criteria.tenant().ifPresent(tenant -> {
                clauses.add("tenant_id = ?");
                params.add(tenant.value());
                leading.append("tenant_id %1$s, ");
            });
            criteria.action().ifPresent(action -> {
                clauses.add("action = ?");
                params.add(action);
                leading.append("action %1$s, ");
            });
            criteria.from().ifPresent(from -> {
                clauses.add("at >= ?");
                params.add(from);
            });
            criteria.until().ifPresent(until -> {
                clauses.add("at < ?");
                params.add(until);
            });
            return new Where(clauses, params, leading.toString());
        }

        /** This clause and one more, with its parameter. */
        Where and(String clause, Object param) {
            List<String> moreClauses = new ArrayList<>(clauses);
            moreClauses.add(clause);
            List<Object> moreParams = new ArrayList<>(params);
            moreParams.add(param);
            return new Where(moreClauses, moreParams, leading);
        }

        String sql() {
            return clauses.isEmpty() ? "" : " WHERE " + String.join(" AND ", clauses);
        }

        String order(String direction) {
            return leading.formatted(direction) + "seq " + direction;
        }
    }

    private static AuditEvent event(ResultSet row) throws SQLException {
        return new AuditEvent(row.getLong("seq"), new TenantId(Sql.uuid(row, "tenant_id")), Sql.instant(row, "at"),
                row.getString("actor"), row.getString("action"), row.getString("resource"),
                row.getString("details"));
    }
}
