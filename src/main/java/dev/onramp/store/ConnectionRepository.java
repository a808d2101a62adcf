package dev.onramp.store;

import dev.onramp.model.Connection;
import dev.onramp.model.ConnectionId;
import dev.onramp.model.ConnectionStatus;
import dev.onramp.model.TenantId;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** Stores connections with their configuration encrypted by the {@link Vault}; every read is per tenant. */
public final class ConnectionRepository {
    private static final String COLUMNS = "SELECT id, tenant_id, provider_id, source_id, account_label, status,"
            + " streams, created_at, last_checked, last_error FROM connection";

    private final Database db;
    private final Vault vault;

    public ConnectionRepository(Database db, Vault vault) {
        this.db = Objects.requireNonNull(db, "db");
        this.vault = Objects.requireNonNull(vault, "vault");
    }

    /** Inserts the row, encrypting {@code secretConfig} (the source configuration JSON) with the row's slot. */
    public void insert(Tx tx, Connection connection, byte[] secretConfig) {
        byte[] sealed = vault.encrypt(secretConfig, slot(connection.tenantId(), connection.id()));
        db.within(tx, jdbc -> Sql.update(jdbc, """
                INSERT INTO connection (id, tenant_id, provider_id, source_id, account_label, status, secret_config,
                    streams, stream_count, created_at, last_checked, last_error)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""",
                connection.id().value(), connection.tenantId().value(), connection.providerId(),
                connection.sourceId(), connection.accountLabel(), connection.status(), sealed,
                connection.streams(), connection.streamCount(), connection.createdAt(), connection.lastChecked(),
                connection.lastError()));
    }

    /** The tenant's connections, newest first. */
    public List<Connection> list(TenantId tenant) {
        return db.withConnection(jdbc -> Sql.query(jdbc, COLUMNS + " WHERE tenant_id = ? ORDER BY created_at DESC, id",
                ConnectionRepository::connection, tenant.value()));
    }

    public Optional<Connection> find(TenantId tenant, ConnectionId id) {
        return db.withConnection(jdbc -> Sql.queryOne(jdbc, COLUMNS + " WHERE tenant_id = ? AND id = ?",
                ConnectionRepository::connection, tenant.value(), id.value()));
    }

    /** The decrypted configuration of one of the tenant's connections. */
    public Optional<byte[]> secretConfig(TenantId tenant, ConnectionId id) {
        Optional<byte[]> sealed = db.withConnection(jdbc -> Sql.queryOne(jdbc,
                "SELECT secret_config FROM connection WHERE tenant_id = ? AND id = ?",
                row -> row.getBytes("secret_config"), tenant.value(), id.value()));
        return sealed.map(ciphertext -> vault.decrypt(ciphertext, slot(tenant, id)));
    }

    private static SecretSlot slot(TenantId tenant, ConnectionId id) {
        return new SecretSlot("connection", "secret_config", tenant, id.toString());
    }

    private static Connection connection(ResultSet row) throws SQLException {
        return new Connection(
                new ConnectionId(Sql.uuid(row, "id")),
                new TenantId(Sql.uuid(row, "tenant_id")),
                row.getString("provider_id"),
                row.getString("source_id"),
                row.getString("account_label"),
                ConnectionStatus.valueOf(row.getString("status")),
                Sql.strings(row, "streams"),
                Sql.instant(row, "created_at"),
                Sql.optionalInstant(row, "last_checked"),
                Sql.optionalString(row, "last_error"));
    }
}
