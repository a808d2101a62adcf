package dev.onramp.store;

import dev.onramp.model.AuditEvent;
import dev.onramp.model.TenantId;
import java.util.List;

/** The append-only audit trail; details never hold a secret. */
public final class AuditLog {
    public AuditLog(Database db, java.time.Clock clock) {}

    public void append(Tx tx, TenantId tenant, String actor, String action, String resource, String details) {
        throw new UnsupportedOperationException("not built yet");
    }

    /** The tenant's entries, oldest first. */
    public List<AuditEvent> list(TenantId tenant) {
        throw new UnsupportedOperationException("not built yet");
    }
}
