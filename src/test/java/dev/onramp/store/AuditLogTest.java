package dev.onramp.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import dev.onramp.model.AuditEvent;
import dev.onramp.model.Tenant;
import dev.onramp.model.TenantId;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The audit trail: entries stamped by the clock, in order, per tenant, chained, checkpointed and exported. */
class AuditLogTest {
    private static final Instant NOW = Instant.parse("2026-03-01T10:00:00.5Z");

    @TempDir
    Path dir;

    private Database db;
    private AuditLog audit;

    @BeforeEach
    void open() {
        db = Database.open(dir);
        audit = AuditLog.open(db, new FileKekStore(dir.resolve("keys/kek")), Clock.fixed(NOW, ZoneOffset.UTC));
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

    @Test
    void everyCommittedAppend_isFollowedByASignedCheckpoint() throws Exception {
        TenantId tenant = TenantId.random();
        append(tenant, "tenant.created");
        append(tenant, "connect.succeeded");

        assertThat(Files.readAllLines(dir.resolve(AuditCheckpoints.FILE_NAME)))
                .satisfiesExactly(first -> assertThat(first).startsWith("{\"seq\":1,").contains("\"signature\":"),
                        second -> assertThat(second).startsWith("{\"seq\":2,"));
        assertThat(audit.verify()).isEqualTo(new AuditVerification.Intact(2, 2));
    }

    @Test
    void rolledBackAppend_leavesNeitherAGapNorACheckpoint() {
        TenantId tenant = TenantId.random();
        append(tenant, "tenant.created");

        assertThatThrownBy(() -> db.inTransaction(tx -> {
            audit.append(tx, tenant, "tester", "connect.started", "provider/hubspot", null);
            throw new IllegalStateException("remote call failed");
        })).hasMessage("remote call failed");
        append(tenant, "connect.failed");

        assertThat(audit.list(tenant)).extracting(AuditEvent::seq, AuditEvent::action)
                .containsExactly(tuple(1L, "tenant.created"), tuple(2L, "connect.failed"));
        assertThat(audit.verify()).isEqualTo(new AuditVerification.Intact(2, 2));
    }

    @Test
    void appendsAfterReopening_continueTheSameChain() {
        TenantId tenant = TenantId.random();
        append(tenant, "tenant.created");
        db.close();

        db = Database.open(dir);
        audit = AuditLog.open(db, new FileKekStore(dir.resolve("keys/kek")), Clock.fixed(NOW, ZoneOffset.UTC));
        append(tenant, "connect.succeeded");

        assertThat(audit.verify()).isEqualTo(new AuditVerification.Intact(2, 2));
    }

    @Test
    void logOpenedWithAnotherKeyEncryptionKey_isRefused() {
        FileKekStore strangerKey = new FileKekStore(dir.resolve("other-kek"));

        assertThatThrownBy(() -> AuditLog.open(db, strangerKey, Clock.systemUTC()))
                .isInstanceOf(StoreException.class)
                .hasMessageContaining(strangerKey.description());
    }

    @Test
    void exportAsJsonLines_writesOneObjectPerEntry() throws Exception {
        TenantId tenant = TenantId.random();
        append(tenant, "tenant.created");
        StringWriter out = new StringWriter();

        int written = audit.exportTenant(tenant, AuditFormat.JSONL, out);

        assertThat(written).isEqualTo(1);
        assertThat(out.toString()).isEqualTo("{\"seq\":1,\"tenantId\":\"" + tenant + "\",\"business\":\"\",\"at\":\"" + NOW
                + "\",\"actor\":\"desktop-user\",\"action\":\"tenant.created\",\"resource\":\"provider/hubspot\","
                + "\"details\":\"flow step\"}\n");
    }

    @Test
    void exportAsCsv_quotesCellsAndKeepsFormulasText() throws Exception {
        TenantId tenant = TenantId.random();
        db.inTransaction(tx -> {
            audit.append(tx, tenant, "desktop-user", "tenant.created", "tenant/x", "name=\"Acme, Inc\"");
            audit.append(tx, tenant, "desktop-user", "tenant.created", "tenant/y", "=HYPERLINK(\"http://evil\")");
            return null;
        });
        StringWriter out = new StringWriter();

        audit.exportTenant(tenant, AuditFormat.CSV, out);

        assertThat(out.toString().split("\r\n")).containsExactly(
                "seq,tenant_id,business,at,actor,action,resource,details",
                "1," + tenant + ",," + NOW + ",desktop-user,tenant.created,tenant/x,\"name=\"\"Acme, Inc\"\"\"",
                "2," + tenant + ",," + NOW + ",desktop-user,tenant.created,tenant/y,\"'=HYPERLINK(\"\"http://evil\"\")\"");
    }

    @Test
    void exports_carryEachBusinesssNameBesideItsId() throws Exception {
        TenantId tenant = TenantId.random();
        db.inTransaction(tx -> {
            new TenantRepository(db).insert(tx, new Tenant(tenant, "=Acme, Inc", "shop", Optional.empty()));
            audit.append(tx, tenant, "desktop-user", "tenant.created", "tenant/" + tenant, "name=Acme");
            return null;
        });
        StringWriter csv = new StringWriter();
        StringWriter jsonl = new StringWriter();

        audit.exportAll(AuditFormat.CSV, csv);
        audit.exportTenant(tenant, AuditFormat.JSONL, jsonl);

        assertThat(csv.toString().split("\r\n")[1]).startsWith("1," + tenant + ",\"'=Acme, Inc\"," + NOW + ",");
        assertThat(jsonl.toString()).contains("\"tenantId\":\"" + tenant + "\",\"business\":\"=Acme, Inc\",");
    }

    @Test
    void exportAll_writesEveryBusinessesEntriesInOrder() throws Exception {
        TenantId acme = TenantId.random();
        TenantId globex = TenantId.random();
        append(acme, "tenant.created");
        append(globex, "tenant.created");
        StringWriter out = new StringWriter();

        assertThat(audit.exportAll(AuditFormat.JSONL, out)).isEqualTo(2);
        assertThat(out.toString().lines()).satisfiesExactly(first -> assertThat(first).contains(acme.toString()),
                second -> assertThat(second).contains(globex.toString()));
    }

    private void append(TenantId tenant, String action) {
        db.inTransaction(tx -> {
            audit.append(tx, tenant, "desktop-user", action, "provider/hubspot", "flow step");
            return null;
        });
    }
}
