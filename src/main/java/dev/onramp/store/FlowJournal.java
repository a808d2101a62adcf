package dev.onramp.store;

import dev.onramp.model.ConnectionId;
import dev.onramp.model.FlowId;
import dev.onramp.model.FlowKind;
import dev.onramp.model.FlowRecord;
import dev.onramp.model.FlowState;
import dev.onramp.model.TenantId;
import dev.onramp.text.Text;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The connect_flow journal: one row per flow (a connect or a disconnect), moved forward before each
 * next remote call.
 */
public final class FlowJournal {
    private static final String COLUMNS =
            "SELECT id, tenant_id, provider_id, state, source_id, reason, started_at, updated_at, kind, connection_id"
                    + " FROM connect_flow";
    private static final String END_STATES = Arrays.stream(FlowState.values())
            .filter(FlowState::isEnd)
            .map(state -> "'" + state.name() + "'")
            .collect(Collectors.joining(", ", "(", ")"));

    private final Database db;
    private final Clock clock;

    public FlowJournal(Database db, Clock clock) {
        this.db = Objects.requireNonNull(db, "db");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /**
     * Records a new flow of {@code tenant} as given, including its start and update times; a flow that
     * names another tenant is refused.
     */
    public void start(Tx tx, TenantId tenant, FlowRecord flow) {
        TenantScope.requireSame(tenant, flow.tenantId(), "connect flow " + flow.id());
        db.within(tx, jdbc -> Sql.update(jdbc, """
                INSERT INTO connect_flow (id, tenant_id, provider_id, state, source_id, reason, started_at, updated_at,
                    kind, connection_id)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""",
                flow.id().value(), tenant.value(), flow.providerId(), flow.state(), flow.sourceId(),
                flow.reason(), flow.startedAt(), flow.updatedAt(), flow.kind(),
                flow.connectionId().map(ConnectionId::value)));
    }

    /** Moves a flow to {@code state}; a present sourceId or reason is recorded, an empty one keeps the old value. */
    public void advance(Tx tx, TenantId tenant, FlowId flow, FlowState state, Optional<String> sourceId,
            Optional<String> reason) {
        TenantScope.require(tenant);
        int updated = db.within(tx, jdbc -> Sql.update(jdbc, """
                UPDATE connect_flow
                SET state = ?, source_id = COALESCE(?, source_id), reason = COALESCE(?, reason), updated_at = ?
                WHERE tenant_id = ? AND id = ?""",
                state, sourceId, reason, clock.instant(), tenant.value(), flow.value()));
        if (updated == 0) {
            throw new StoreException(Text.of("store.flow.unknown", flow, tenant));
        }
    }

    public Optional<FlowRecord> find(TenantId tenant, FlowId flow) {
        TenantScope.require(tenant);
        return db.withConnection(jdbc -> Sql.queryOne(jdbc, COLUMNS + " WHERE tenant_id = ? AND id = ?",
                FlowJournal::flow, tenant.value(), flow.value()));
    }

    /**
     * Flows of every tenant that have not reached an end, oldest first: the one read across tenants,
     * for recovery at start-up, which finishes or undoes each flow for its own tenant.
     */
    public List<FlowRecord> unfinished() {
        return db.withConnection(jdbc -> Sql.query(jdbc,
                COLUMNS + " WHERE state NOT IN " + END_STATES + " ORDER BY started_at, id", FlowJournal::flow));
    }

    /** The unfinished flows of one kind, of every tenant, oldest first: what each kind's recovery ends. */
    public List<FlowRecord> unfinished(FlowKind kind) {
        return db.withConnection(jdbc -> Sql.query(jdbc,
                COLUMNS + " WHERE kind = ? AND state NOT IN " + END_STATES + " ORDER BY started_at, id",
                FlowJournal::flow, kind));
    }

    /** The tenant's unfinished flows, of every kind, read within {@code tx}: running ones and ones left by a crash. */
    public List<FlowRecord> unfinishedOf(Tx tx, TenantId tenant) {
        TenantScope.require(tenant);
        return db.within(tx, jdbc -> Sql.query(jdbc, COLUMNS + " WHERE tenant_id = ? AND state NOT IN " + END_STATES
                + " ORDER BY started_at, id", FlowJournal::flow, tenant.value()));
    }

    /**
     * The tenant's unfinished flows on {@code connection} (a reconnect, a disconnect), read within
     * {@code tx}: a flow about to start on a connection reads them after locking the connection's row.
     */
    public List<FlowRecord> unfinishedOn(Tx tx, TenantId tenant, ConnectionId connection) {
        TenantScope.require(tenant);
        return db.within(tx, jdbc -> Sql.query(jdbc, COLUMNS + " WHERE tenant_id = ? AND connection_id = ?"
                + " AND state NOT IN " + END_STATES + " ORDER BY started_at, id", FlowJournal::flow,
                tenant.value(), connection.value()));
    }

    /** The {@code limit} most recently updated flows of every tenant, newest first (for support bundles). */
    public List<FlowRecord> recent(int limit) {
        return db.withConnection(jdbc -> Sql.query(jdbc,
                COLUMNS + " ORDER BY updated_at DESC, id FETCH FIRST ? ROWS ONLY", FlowJournal::flow, limit));
    }

    private static FlowRecord flow(ResultSet row) throws SQLException {
        return new FlowRecord(
                new FlowId(Sql.uuid(row, "id")),
                new TenantId(Sql.uuid(row, "tenant_id")),
                row.getString("provider_id"),
                FlowState.valueOf(row.getString("state")),
                Sql.optionalString(row, "source_id"),
                Sql.optionalString(row, "reason"),
                Sql.instant(row, "started_at"),
                Sql.instant(row, "updated_at"),
                FlowKind.valueOf(row.getString("kind")),
                Optional.ofNullable(Sql.uuid(row, "connection_id")).map(ConnectionId::new));
    }
}
