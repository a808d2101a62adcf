package dev.onramp.store;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.onramp.model.AirbyteLocation;
import dev.onramp.model.AuditEvent;
import dev.onramp.model.Connection;
import dev.onramp.model.ConnectionId;
import dev.onramp.model.ConnectionStatus;
import dev.onramp.model.FlowId;
import dev.onramp.model.FlowRecord;
import dev.onramp.model.FlowState;
import dev.onramp.model.Tenant;
import dev.onramp.model.TenantId;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Upgrading a database a V1 release wrote, with data in every table, to the current schema. */
class MigrationTest {
    private static final Instant WRITTEN = Instant.parse("2025-11-03T08:30:00.123456Z");

    @TempDir
    Path dir;

    private Path dataDir;
    private final Tenant acme = new Tenant(TenantId.random(), "Acme", "online-shop", Optional.of("ws-1"));
    private final Connection stripe = new Connection(ConnectionId.random(), acme.id(), "stripe", "source-1",
            "billing@acme.test", ConnectionStatus.ACTIVE, List.of("charges", "customers"), WRITTEN, Optional.empty(),
            Optional.empty());
    private final FlowRecord flow = new FlowRecord(FlowId.random(), acme.id(), "stripe", FlowState.STORED,
            Optional.of("source-1"), Optional.empty(), WRITTEN, WRITTEN);

    /** What a V1 release left behind: a business, a connection with its secret, a flow and three audit entries. */
    @BeforeEach
    void writeWithVersion1() {
        dataDir = dir.resolve("data");
        try (Database db = Database.openAtVersion(dataDir, "1")) {
            Vault vault = Vault.open(db, TestStore.kek(dataDir));
            db.inTransaction(tx -> {
                new TenantRepository(db).insert(tx, acme);
                insertAsReleasedBefore7(db, tx, vault, stripe, "{\"api_key\":\"sk_v1\"}");
                // The journal's row as V1 had it: no kind, no connection.
                db.within(tx, jdbc -> Sql.update(jdbc, "INSERT INTO connect_flow (id, tenant_id, provider_id, state,"
                        + " source_id, started_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?)", flow.id().value(),
                        acme.id().value(), flow.providerId(), flow.state(), flow.sourceId(), WRITTEN, WRITTEN));
                for (String action : List.of("tenant.created", "connect.started", "connect.succeeded")) {
                    db.within(tx, jdbc -> Sql.update(jdbc, "INSERT INTO audit_log (tenant_id, at, actor, action,"
                            + " resource, details) VALUES (?, ?, ?, ?, ?, ?)", acme.id().value(), WRITTEN, "user:kim",
                            action, "tenant/" + acme.id(), "v1 entry"));
                }
                return null;
            });
            // V1 numbered entries by an identity column, which can leave gaps; and details may be NULL.
            db.withConnection(jdbc -> Sql.update(jdbc, "DELETE FROM audit_log WHERE action = 'connect.started'"));
            db.withConnection(jdbc -> Sql.update(jdbc, "INSERT INTO audit_log (tenant_id, at, actor, action,"
                    + " resource) VALUES (?, ?, 'user:kim', 'connect.started', 'flow/1')", acme.id().value(), WRITTEN));
        }
    }

    /** A connection row as releases before V7 wrote it: without the Airbyte it was made in. */
    private static void insertAsReleasedBefore7(Database db, Tx tx, Vault vault, Connection connection, String secret) {
        byte[] sealed = vault.encrypt(secret.getBytes(UTF_8),
                ConnectionRepository.slot(connection.tenantId(), connection.id().value()));
        db.within(tx, jdbc -> Sql.update(jdbc, """
                INSERT INTO connection (id, tenant_id, provider_id, source_id, account_label, status, secret_config,
                    streams, stream_count, created_at, last_checked, last_error)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""",
                connection.id().value(), connection.tenantId().value(), connection.providerId(), connection.sourceId(),
                connection.accountLabel(), connection.status(), sealed, connection.streams(), connection.streamCount(),
                connection.createdAt(), connection.lastChecked(), connection.lastError()));
    }

    @Test
    void upgrade_backsUpTheOldFileFirst() throws Exception {
        try (TestStore store = TestStore.open(dataDir)) {
            try (var files = Files.list(dataDir)) {
                assertThat(files.map(file -> file.getFileName().toString()))
                        .anyMatch(name -> name.matches("onramp-before-v\\d+\\.zip"));
            }
        }
    }

    @Test
    void upgrade_keepsBusinessesConnectionsSecretsAndFlows() {
        try (TestStore store = TestStore.open(dataDir)) {
            assertThat(store.tenants.find(acme.id())).contains(acme);
            assertThat(store.connections.list(acme.id())).as("made in the simulator, the only Airbyte V1 knew")
                    .containsExactly(stripe.in(new AirbyteLocation(AirbyteLocation.BUILT_IN_SIMULATOR, Optional.of("ws-1"))));
            assertThat(store.connections.secretConfig(acme.id(), stripe.id()))
                    .hasValue("{\"api_key\":\"sk_v1\"}".getBytes(UTF_8));
            assertThat(store.journal.find(acme.id(), flow.id())).contains(flow);
        }
    }

    @Test
    void upgrade_chainsTheOldAuditEntriesInTheirOrderWithTheirTimes() {
        try (TestStore store = TestStore.open(dataDir)) {
            assertThat(store.audit.list(acme.id())).containsExactly(
                    new AuditEvent(1, acme.id(), WRITTEN, "user:kim", "tenant.created", "tenant/" + acme.id(), "v1 entry"),
                    new AuditEvent(2, acme.id(), WRITTEN, "user:kim", "connect.succeeded", "tenant/" + acme.id(),
                            "v1 entry"),
                    new AuditEvent(3, acme.id(), WRITTEN, "user:kim", "connect.started", "flow/1", null));
            assertThat(store.audit.verify()).isEqualTo(new AuditVerification.Intact(3, 3));
        }
    }

    @Test
    void upgradeToVersion7_recordsTheAirbyteEachBusinessesSettingsName() {
        Path older = dir.resolve("v6");
        Tenant selfManaged = new Tenant(TenantId.random(), "Beta", "online-shop", Optional.of("ws-beta"));
        Connection hubspot = new Connection(ConnectionId.random(), selfManaged.id(), "hubspot", "source-2", "HubSpot",
                ConnectionStatus.ACTIVE, List.of("contacts"), WRITTEN, Optional.empty(), Optional.empty());
        try (Database db = Database.openAtVersion(older, "6")) {
            Vault vault = Vault.open(db, TestStore.kek(older));
            db.inTransaction(tx -> {
                new TenantRepository(db).insert(tx, selfManaged);
                db.within(tx, jdbc -> Sql.update(jdbc, "INSERT INTO tenant_settings (tenant_id, target, airbyte_url,"
                        + " login, updated_at) VALUES (?, 'SELF_MANAGED', 'http://airbyte.internal:8000/api', 'NONE', ?)",
                        selfManaged.id().value(), WRITTEN));
                insertAsReleasedBefore7(db, tx, vault, hubspot, "{}");
                return null;
            });
        }

        try (TestStore store = TestStore.open(older)) {
            assertThat(store.connections.list(selfManaged.id())).singleElement()
                    .satisfies(upgraded -> assertThat(upgraded.airbyte()).contains(
                            new AirbyteLocation("http://airbyte.internal:8000/api", Optional.of("ws-beta"))));
        }
    }

    @Test
    void upgradedLog_keepsGrowingAsOneChainAcrossRestarts() {
        try (TestStore store = TestStore.open(dataDir)) {
            store.append(acme.id(), "connect.succeeded");
        }

        try (TestStore store = TestStore.open(dataDir)) {
            assertThat(store.audit.list(acme.id())).extracting(AuditEvent::seq).containsExactly(1L, 2L, 3L, 4L);
            assertThat(store.audit.verify()).isEqualTo(new AuditVerification.Intact(4, 4));
            List<String> legacyTables = store.db.withConnection(jdbc -> Sql.query(jdbc, "SELECT table_name FROM"
                    + " information_schema.tables WHERE LOWER(table_name) = 'audit_log_v1'", row -> row.getString(1)));
            assertThat(legacyTables).as("the V1 table is gone once its entries are chained").isEmpty();
        }
    }

    /**
     * Flyway's checksums of the H2 history as every existing data folder has them recorded: a migration
     * changed by a byte (or moved to PostgreSQL-friendly SQL) would make those files fail validation.
     */
    private static final Map<String, String> RELEASED_H2_HISTORY = Map.ofEntries(
            Map.entry("1", "V1__initial_schema.sql -269143635"),
            Map.entry("2", "V2__tamper_evident_audit_log.sql -855966237"),
            Map.entry("3", "V3__key_rotation.sql 77010635"),
            Map.entry("4", "V4__tenant_settings.sql -1621700347"),
            Map.entry("5", "V5__loopback_redirect.sql 1979255334"),
            Map.entry("6", "V6__connection_health.sql -1863061038"),
            Map.entry("7", "V7__connection_airbyte.sql 1161623321"),
            Map.entry("8", "V8__disconnect_journal.sql -1186892488"),
            Map.entry("9", "V9__tenant_last_used.sql -1110172535"),
            Map.entry("10", "V10__audit_log_activity_indexes.sql 1197821945"),
            Map.entry("12", "V12__app_setting.sql -669288799"));

    @Test
    void theH2History_keepsTheScriptsAndChecksumsExistingDataFoldersRecorded() {
        try (Database db = Database.open(dir.resolve("fresh"))) {
            Map<String, String> recorded = new HashMap<>();
            db.withConnection(jdbc -> Sql.query(jdbc, "SELECT \"version\", \"script\", \"checksum\""
                    + " FROM \"flyway_schema_history\" WHERE \"version\" IS NOT NULL", row -> recorded.put(
                            row.getString(1), row.getString(2) + " " + row.getInt(3))));

            assertThat(recorded).isEqualTo(RELEASED_H2_HISTORY);
        }
    }

    @Test
    void upgradedDatabase_hasTheAppendOnlyTrigger() throws Exception {
        try (TestStore store = TestStore.open(dataDir)) {
            assertThat(store.audit.list(acme.id())).hasSize(3);
        }
        try (Attacker attacker = Attacker.on(dataDir)) {
            assertThatThrownBy(() -> attacker.run("DELETE FROM audit_log"))
                    .hasMessageContaining("append-only");
        }
        assertThat(Files.exists(dataDir.resolve(AuditCheckpoints.FILE_NAME))).isTrue();
    }
}
