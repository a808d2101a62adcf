package dev.onramp.store;

import dev.onramp.model.Tenant;
import dev.onramp.model.TenantId;
import dev.onramp.text.Text;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import org.h2.api.ErrorCode;

/** Reads and writes tenants (businesses). */
public final class TenantRepository {
    private static final String COLUMNS = "SELECT id, name, business_type, workspace_id FROM tenant";

    private final Database db;

    public TenantRepository(Database db) {
        this.db = Objects.requireNonNull(db, "db");
    }

    /** Adds a business; a name already taken, in any letter case, is refused. */
    public void insert(Tx tx, Tenant tenant) {
        try {
            Sql.update(tx.jdbc(), "INSERT INTO tenant (id, name, business_type, workspace_id) VALUES (?, ?, ?, ?)",
                    tenant.id().value(), tenant.name(), tenant.businessTypeId(), tenant.workspaceId());
        } catch (SQLException e) {
            if (isDuplicateName(e)) {
                throw new StoreException(Text.of("store.tenant.exists", tenant.name()), e);
            }
            throw db.failure(e);
        }
    }

    public void setWorkspace(Tx tx, TenantId tenant, String workspaceId) {
        TenantScope.require(tenant);
        int updated = db.within(tx, jdbc ->
                Sql.update(jdbc, "UPDATE tenant SET workspace_id = ? WHERE id = ?", workspaceId, tenant.value()));
        if (updated == 0) {
            throw new StoreException(Text.of("store.tenant.unknown", tenant));
        }
    }

    /** Gives the business another name; a name another business has, in any letter case, is refused. */
    public void rename(Tx tx, TenantId tenant, String name) {
        TenantScope.require(tenant);
        int updated;
        try {
            updated = Sql.update(tx.jdbc(), "UPDATE tenant SET name = ? WHERE id = ?", name, tenant.value());
        } catch (SQLException e) {
            if (isDuplicateName(e)) {
                throw new StoreException(Text.of("store.tenant.exists", name), e);
            }
            throw db.failure(e);
        }
        if (updated == 0) {
            throw new StoreException(Text.of("store.tenant.unknown", tenant));
        }
    }

    /** Records what kind of business it is. */
    public void retype(Tx tx, TenantId tenant, String businessTypeId) {
        TenantScope.require(tenant);
        int updated = db.within(tx, jdbc -> Sql.update(jdbc, "UPDATE tenant SET business_type = ? WHERE id = ?",
                businessTypeId, tenant.value()));
        if (updated == 0) {
            throw new StoreException(Text.of("store.tenant.unknown", tenant));
        }
    }

    /**
     * Deletes the business with every row that is its own: its flow journal, its connections (their
     * secrets with them), its Airbyte settings and its loopback redirect. Its audit entries stay: the
     * trail outlives what it describes.
     */
    public void delete(Tx tx, TenantId tenant) {
        TenantScope.require(tenant);
        int deleted = db.within(tx, jdbc -> {
            // Children first: the journal names connections, and everything names the tenant.
            for (String table : List.of("connect_flow", "connection", "tenant_settings", "loopback_redirect")) {
                Sql.update(jdbc, "DELETE FROM " + table + " WHERE tenant_id = ?", tenant.value());
            }
            return Sql.update(jdbc, "DELETE FROM tenant WHERE id = ?", tenant.value());
        });
        if (deleted == 0) {
            throw new StoreException(Text.of("store.tenant.unknown", tenant));
        }
    }

    /** The business, its row locked until {@code tx} ends, so that nothing starts on it meanwhile. */
    public Optional<Tenant> lock(Tx tx, TenantId id) {
        TenantScope.require(id);
        return db.within(tx, jdbc -> Sql.queryOne(jdbc, COLUMNS + " WHERE id = ? FOR UPDATE", TenantRepository::tenant,
                id.value()));
    }

    /** Notes that the window showed the business at {@code at}. */
    public void markUsed(Tx tx, TenantId tenant, Instant at) {
        TenantScope.require(tenant);
        db.within(tx, jdbc -> Sql.update(jdbc, "UPDATE tenant SET last_used_at = ? WHERE id = ?",
                at, tenant.value()));
    }

    /** The business the window showed last, if it showed any. */
    public Optional<TenantId> lastUsed() {
        return db.withConnection(jdbc -> Sql.queryOne(jdbc, "SELECT id FROM tenant WHERE last_used_at IS NOT NULL"
                + " ORDER BY last_used_at DESC, id LIMIT 1", row -> new TenantId(Sql.uuid(row, "id"))));
    }

    /** Forgets the business's workspace, so that the next connection picks one in the Airbyte it uses now. */
    public void clearWorkspace(Tx tx, TenantId tenant) {
        db.within(tx, jdbc -> Sql.update(jdbc, "UPDATE tenant SET workspace_id = NULL WHERE id = ?", tenant.value()));
    }

    public Optional<Tenant> find(TenantId id) {
        TenantScope.require(id);
        return db.withConnection(jdbc -> Sql.queryOne(jdbc, COLUMNS + " WHERE id = ?", TenantRepository::tenant,
                id.value()));
    }

    /** Case-insensitive lookup by name. */
    public Optional<Tenant> findByName(String name) {
        // The name column is VARCHAR_IGNORECASE, so plain equality ignores case.
        return db.withConnection(jdbc -> Sql.queryOne(jdbc, COLUMNS + " WHERE name = ?", TenantRepository::tenant,
                name));
    }

    /** All tenants, ordered by name. */
    public List<Tenant> list() {
        return db.withConnection(jdbc -> Sql.query(jdbc, COLUMNS + " ORDER BY name, id", TenantRepository::tenant));
    }

    private static boolean isDuplicateName(SQLException e) {
        return e.getErrorCode() == ErrorCode.DUPLICATE_KEY_1
                && e.getMessage().toUpperCase(Locale.ROOT).contains("TENANT_NAME_UNIQUE");
    }

    private static Tenant tenant(ResultSet row) throws SQLException {
        return new Tenant(new TenantId(Sql.uuid(row, "id")), row.getString("name"), row.getString("business_type"),
                Sql.optionalString(row, "workspace_id"));
    }
}
