package dev.onramp.store;

import static org.assertj.core.api.Assertions.assertThat;

import dev.onramp.model.AuditEvent;
import dev.onramp.model.TenantId;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The audit trail: entries stamped by the clock, in order, per tenant. */
class AuditLogTest {
    private static final Instant NOW = Instant.parse("2026-03-01T10:00:00.5Z");

    @TempDir
    Path dir;

    private Database db;
    private AuditLog audit;

    @BeforeEach
    void open() {
        db = Database.open(dir);
        audit = new AuditLog(db, Clock.fixed(NOW, ZoneOffset.UTC));
    }

    @AfterEach
    void close() {
        db.close();
    }

    @Test
    void appendedEntries_areListedOldestFirstWithTheClocksTime() {
        TenantId tenant = TenantId.random();
        append(tenant, "connect.started");
        append(tenant, "connect.stored");

        assertThat(audit.list(tenant)).satisfiesExactly(
                first -> assertThat(first).extracting(AuditEvent::action, AuditEvent::at, AuditEvent::tenantId)
                        .containsExactly("connect.started", NOW, tenant),
                second -> assertThat(second.action()).isEqualTo("connect.stored"));
        assertThat(audit.list(tenant).get(0).seq()).isLessThan(audit.list(tenant).get(1).seq());
    }

    @Test
    void list_showsOnlyTheTenantsOwnEntries() {
        TenantId acme = TenantId.random();
        TenantId globex = TenantId.random();
        append(acme, "connect.started");
        append(globex, "connect.failed");

        assertThat(audit.list(acme)).extracting(AuditEvent::action).containsExactly("connect.started");
    }

    private void append(TenantId tenant, String action) {
        db.inTransaction(tx -> {
            audit.append(tx, tenant, "desktop-user", action, "provider/hubspot", "flow step");
            return null;
        });
    }
}
