package dev.onramp.store;

import dev.onramp.model.AuditEvent;
import dev.onramp.model.TenantId;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.util.List;
import java.util.Objects;

/** The append-only audit trail; details never hold a secret. */
public final class AuditLog {
    private final Database db;
    private final Clock clock;

    public AuditLog(Database db, Clock clock) {
        this.db = Objects.requireNonNull(db, "db");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** Appends one entry stamped with the clock's current instant. */
    public void append(Tx tx, TenantId tenant, String actor, String action, String resource, String details) {
        db.within(tx, jdbc -> Sql.update(jdbc,
                "INSERT INTO audit_log (tenant_id, at, actor, action, resource, details) VALUES (?, ?, ?, ?, ?, ?)",
                tenant.value(), clock.instant(), actor, action, resource, details));
    }

    /** The tenant's entries, oldest first. */
    public List<AuditEvent> list(TenantId tenant) {
        return db.withConnection(jdbc -> Sql.query(jdbc,
                "SELECT seq, tenant_id, at, actor, action, resource, details FROM audit_log"
                        + " WHERE tenant_id = ? ORDER BY seq",
                AuditLog::event, tenant.value()));
    }

    private static AuditEvent event(ResultSet row) throws SQLException {
        return new AuditEvent(row.getLong("seq"), new TenantId(Sql.uuid(row, "tenant_id")), Sql.instant(row, "at"),
                row.getString("actor"), row.getString("action"), row.getString("resource"),
                row.getString("details"));
    }
}
