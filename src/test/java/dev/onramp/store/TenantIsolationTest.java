package dev.onramp.store;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.onramp.model.AuditEvent;
import dev.onramp.model.Connection;
import dev.onramp.model.ConnectionId;
import dev.onramp.model.FlowId;
import dev.onramp.model.FlowRecord;
import dev.onramp.model.FlowState;
import dev.onramp.model.TenantId;
import dev.onramp.store.IsolationCheck.Probe;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Tenant isolation, tested the way row-level-security suites test it: two seeded businesses, every
 * repository method called as one with the other's ids, every list and export checked row by row, a
 * missing tenant refused, the schema checked, and proof that the check notices a missing predicate.
 */
class TenantIsolationTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    private TestStore store;
    private TenantId acme;
    private TenantId globex;
    private List<TenantId> both;
    private List<Connection> connections;
    private List<FlowRecord> flows;

    /** Each business gets two connections, two flows and audit entries. */
    @BeforeEach
    void seedTwoBusinesses() {
        store = TestStore.open(dir.resolve("data"));
        acme = store.tenant("Acme").id();
        globex = store.tenant("Globex").id();
        both = List.of(acme, globex);
        connections = Stream.of(acme, globex)
                .flatMap(t -> Stream.of(store.connection(t, "stripe", "sk_" + t), store.connection(t, "hubspot", "rt_" + t)))
                .toList();
        flows = Stream.of(acme, globex).flatMap(t -> Stream.of(flow(t), flow(t))).toList();
        flows.forEach(flow -> store.db.inTransaction(tx -> {
            store.journal.start(tx, flow.tenantId(), flow);
            store.audit.append(tx, flow.tenantId(), "tester", "connect.started", "flow/" + flow.id(), null);
            return null;
        }));
    }

    @AfterEach
    void close() {
        store.close();
    }

    @Test
    void readsByIdAsOneBusiness_returnOnlyItsOwnRows_neverTheOthers() {
        List<Probe<?>> probes = List.of(
                new Probe<>("connections.find", tenant -> connections.stream()
                        .flatMap(c -> store.connections.find(tenant, c.id()).stream()).toList(), Connection::tenantId),
                new Probe<>("connections.secretConfig", tenant -> connections.stream()
                        .filter(c -> store.connections.secretConfig(tenant, c.id()).isPresent()).toList(),
                        Connection::tenantId),
                new Probe<>("connections.lock", tenant -> connections.stream()
                        .flatMap(c -> store.db.inTransaction(tx -> store.connections.lock(tx, tenant, c.id())).stream())
                        .toList(), Connection::tenantId),
                new Probe<>("journal.find", tenant -> flows.stream()
                        .flatMap(f -> store.journal.find(tenant, f.id()).stream()).toList(), FlowRecord::tenantId));

        assertThat(probes).flatMap(probe -> IsolationCheck.violations(probe, both)).isEmpty();
    }

    @Test
    void listsAndExportsAsOneBusiness_returnOnlyItsOwnRows() {
        List<Probe<?>> probes = List.of(
                new Probe<>("connections.list", store.connections::list, Connection::tenantId),
                new Probe<>("audit.list", store.audit::list, AuditEvent::tenantId),
                new Probe<>("audit.exportTenant (JSON lines)", tenant -> exportJson(tenant).lines().toList(),
                        TenantIsolationTest::tenantOfJsonLine),
                new Probe<>("audit.exportTenant (CSV)", tenant -> exportCsv(tenant).lines().skip(1).toList(),
                        line -> TenantId.parse(line.split(",")[1])));

        assertThat(probes).flatMap(probe -> IsolationCheck.violations(probe, both)).isEmpty();
    }

    @Test
    void writesAsOneBusinessWithTheOthersIds_changeNothing() {
        FlowRecord globexFlow = flows.getLast();
        Connection globexConnection = connections.getLast();
        store.db.inTransaction(tx -> store.vault.rotate(tx));
        Map<String, List<String>> before = TableSnapshot.of(store.db);

        assertThatThrownBy(() -> store.db.inTransaction(tx -> {
            store.journal.advance(tx, acme, globexFlow.id(), FlowState.FAILED, Optional.of("source-x"),
                    Optional.of("taken over"));
            return null;
        })).isInstanceOf(StoreException.class);
        assertThatThrownBy(() -> store.db.inTransaction(tx ->
                store.connections.disconnected(tx, acme, globexConnection.id(), TestStore.NOW)))
                .isInstanceOf(StoreException.class);
        // A read as Acme must not re-encrypt Globex's secret under the new key either.
        assertThat(store.connections.secretConfig(acme, globexConnection.id())).isEmpty();

        assertThat(TableSnapshot.of(store.db)).isEqualTo(before);
    }

    @Test
    void recordsNamingAnotherBusiness_areRefusedAndNothingIsStored() {
        Connection globexsConnection = new Connection(ConnectionId.random(), globex, "shopify", "source-9",
                "shop@globex.test", connections.getFirst().status(), List.of("orders"), TestStore.NOW,
                Optional.empty(), Optional.empty());
        FlowRecord globexsFlow = flow(globex);
        Map<String, List<String>> before = TableSnapshot.of(store.db);

        assertThatThrownBy(() -> store.db.inTransaction(tx -> {
            store.connections.insert(tx, acme, globexsConnection, "secret".getBytes(UTF_8));
            return null;
        })).isInstanceOf(StoreException.class).hasMessageContaining("refused to store connection");
        assertThatThrownBy(() -> store.db.inTransaction(tx -> {
            store.journal.start(tx, acme, globexsFlow);
            return null;
        })).isInstanceOf(StoreException.class).hasMessageContaining("refused to store connect flow");

        assertThat(TableSnapshot.of(store.db)).isEqualTo(before);
    }

    @Test
    void missingTenant_isRefusedByEveryMethodBeforeItTouchesTheDatabase() {
        ConnectionId connectionId = connections.getFirst().id();
        FlowId flowId = flows.getFirst().id();
        Map<String, List<String>> before = TableSnapshot.of(store.db);
        List<ThrowingCallable> calls = List.of(
                () -> store.connections.list(null),
                () -> store.connections.find(null, connectionId),
                () -> store.connections.secretConfig(null, connectionId),
                () -> inTransaction(tx -> store.connections.insert(tx, null, connections.getFirst(), new byte[1])),
                () -> inTransaction(tx -> store.connections.lock(tx, null, connectionId)),
                () -> inTransaction(tx -> store.connections.disconnected(tx, null, connectionId, TestStore.NOW)),
                () -> store.journal.find(null, flowId),
                () -> inTransaction(tx -> store.journal.unfinishedOn(tx, null, connectionId)),
                () -> inTransaction(tx -> store.journal.start(tx, null, flows.getFirst())),
                () -> inTransaction(tx -> store.journal.advance(tx, null, flowId, FlowState.FAILED, Optional.empty(),
                        Optional.empty())),
                () -> store.audit.list(null),
                () -> store.audit.exportTenant(null, AuditFormat.JSONL, new StringWriter()),
                () -> inTransaction(tx -> store.audit.append(tx, null, "tester", "x", "y", null)),
                () -> store.tenants.find(null),
                () -> inTransaction(tx -> store.tenants.setWorkspace(tx, null, "ws-1")));

        for (ThrowingCallable call : calls) {
            assertThatThrownBy(call).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("No business was named");
        }
        assertThat(TableSnapshot.of(store.db)).isEqualTo(before);
    }

    @Test
    void everyTenantTable_hasANotNullTenantIdInItsPrimaryKey() {
        Set<String> notTenantOwned = Set.of(
                "tenant", // the businesses themselves
                "keyset", "key_rotation", // keys of the installation, shared by every business
                "audit_head", // the one head of the one audit chain
                "app_setting", // settings of the installation (the demo's idle reset), not of a business
                "flyway_schema_history");
        List<String> tables = store.db.withConnection(jdbc -> Sql.query(jdbc, "SELECT LOWER(table_name) FROM"
                + " information_schema.tables WHERE table_schema = 'PUBLIC' AND table_type = 'BASE TABLE'",
                row -> row.getString(1)));
        List<String> tenantTables = tables.stream().filter(table -> !notTenantOwned.contains(table)).toList();

        assertThat(tenantTables).contains("connection", "connect_flow", "audit_log");
        for (String table : tenantTables) {
            assertThat(nullable(table, "tenant_id")).as("%s.tenant_id is NOT NULL", table).contains(false);
            assertThat(primaryKey(table)).as("primary key of %s", table).contains("tenant_id");
        }
    }

    @Test
    void queryWithoutItsTenantPredicate_isCaughtByTheSameCheck() {
        Probe<TenantId> predicateRemoved = new Probe<>("connections without tenant_id = ?", tenant ->
                store.db.withConnection(jdbc -> Sql.query(jdbc, "SELECT tenant_id FROM connection",
                        row -> new TenantId(Sql.uuid(row, "tenant_id")))), owner -> owner);
        Probe<TenantId> byIdOnly = new Probe<>("connection by id alone", tenant -> connections.stream()
                .flatMap(c -> store.db.withConnection(jdbc -> Sql.queryOne(jdbc,
                        "SELECT tenant_id FROM connection WHERE id = ?", row -> new TenantId(Sql.uuid(row, "tenant_id")),
                        c.id().value())).stream())
                .toList(), owner -> owner);

        assertThat(IsolationCheck.violations(predicateRemoved, both))
                .anySatisfy(violation -> assertThat(violation).contains("as " + acme + " leaked a row of " + globex));
        assertThat(IsolationCheck.violations(byIdOnly, both))
                .anySatisfy(violation -> assertThat(violation).contains("as " + globex + " leaked a row of " + acme));
    }

    private Optional<Boolean> nullable(String table, String column) {
        return store.db.withConnection(jdbc -> Sql.queryOne(jdbc, "SELECT is_nullable FROM information_schema.columns"
                + " WHERE table_schema = 'PUBLIC' AND LOWER(table_name) = ? AND LOWER(column_name) = ?",
                row -> row.getString(1).equals("YES"), table, column));
    }

    private List<String> primaryKey(String table) {
        return store.db.withConnection(jdbc -> Sql.query(jdbc, """
                SELECT LOWER(k.column_name) FROM information_schema.table_constraints c
                JOIN information_schema.key_column_usage k
                  ON k.constraint_schema = c.constraint_schema AND k.constraint_name = c.constraint_name
                WHERE c.table_schema = 'PUBLIC' AND LOWER(c.table_name) = ? AND c.constraint_type = 'PRIMARY KEY'""",
                row -> row.getString(1), table));
    }

    private String exportJson(TenantId tenant) {
        return export(tenant, AuditFormat.JSONL);
    }

    private String exportCsv(TenantId tenant) {
        return export(tenant, AuditFormat.CSV);
    }

    private String export(TenantId tenant, AuditFormat format) {
        StringWriter out = new StringWriter();
        try {
            store.audit.exportTenant(tenant, format, out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    private void inTransaction(java.util.function.Consumer<Tx> work) {
        store.db.inTransaction(tx -> {
            work.accept(tx);
            return null;
        });
    }

    private static TenantId tenantOfJsonLine(String line) {
        try {
            return TenantId.parse(JSON.readTree(line).get("tenantId").asText());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static FlowRecord flow(TenantId tenant) {
        return new FlowRecord(FlowId.random(), tenant, "hubspot", FlowState.STARTED, Optional.empty(),
                Optional.empty(), TestStore.NOW, TestStore.NOW);
    }
}
