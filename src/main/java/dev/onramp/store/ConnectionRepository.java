package dev.onramp.store;

import dev.onramp.model.AirbyteLocation;
import dev.onramp.model.Connection;
import dev.onramp.model.ConnectionId;
import dev.onramp.model.ConnectionStatus;
import dev.onramp.model.TenantId;
import dev.onramp.store.KeyRotation.UnreadableSecret;
import dev.onramp.text.Text;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * Stores connections with their configuration encrypted by the {@link Vault}; every read and write
 * names its tenant and touches only that tenant's rows. A disconnected connection keeps its row,
 * without its configuration.
 */
public final class ConnectionRepository {
    private static final String COLUMNS = "SELECT id, tenant_id, provider_id, source_id, account_label, status,"
            + " streams, created_at, last_checked, last_error, airbyte_address, airbyte_workspace, disconnected_at"
            + " FROM connection";

    private final Database db;
    private final Vault vault;

    public ConnectionRepository(Database db, Vault vault) {
        this.db = Objects.requireNonNull(db, "db");
        this.vault = Objects.requireNonNull(vault, "vault");
    }

    /**
     * Inserts the row for {@code tenant}, encrypting {@code secretConfig} (the source configuration JSON)
     * with the row's slot. A connection that names another tenant is refused.
     */
    public void insert(Tx tx, TenantId tenant, Connection connection, byte[] secretConfig) {
        TenantScope.requireSame(tenant, connection.tenantId(), "connection " + connection.id());
        byte[] sealed = vault.encrypt(secretConfig, slot(tenant, connection.id().value()));
        db.within(tx, jdbc -> Sql.update(jdbc, """
                INSERT INTO connection (id, tenant_id, provider_id, source_id, account_label, status, secret_config,
                    streams, stream_count, created_at, last_checked, last_error, airbyte_address, airbyte_workspace)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""",
                connection.id().value(), tenant.value(), connection.providerId(),
                connection.sourceId(), connection.accountLabel(), connection.status(), sealed,
                connection.streams(), connection.streamCount(), connection.createdAt(), connection.lastChecked(),
                connection.lastError(), connection.airbyte().map(AirbyteLocation::address),
                connection.airbyte().flatMap(AirbyteLocation::workspaceId)));
    }

    /**
     * Records that a connection was signed in again: active, with the streams and check time of its
     * new test, no error, and {@code secretConfig} (its configuration with the new sign-in) sealed
     * anew. The source id and everything else stay.
     *
     * @throws StoreException when the tenant has no such connection
     */
    public void reauthorized(Tx tx, TenantId tenant, ConnectionId id, List<String> streams, Instant checked,
            byte[] secretConfig) {
        TenantScope.require(tenant);
        byte[] sealed = vault.encrypt(secretConfig, slot(tenant, id.value()));
        int updated = db.within(tx, jdbc -> Sql.update(jdbc, """
                UPDATE connection SET status = ?, streams = ?, stream_count = ?, last_checked = ?, last_error = NULL,
                    secret_config = ?
                WHERE tenant_id = ? AND id = ?""",
                ConnectionStatus.ACTIVE, List.copyOf(streams), streams.size(), checked, sealed, tenant.value(), id.value()));
        if (updated == 0) {
            throw new StoreException(Text.of("store.connection.unknown", id, tenant));
        }
    }

    /**
     * Records a connection's new typed credentials, once Airbyte's source has them and passed its
     * test: active, with the streams and check time of that test, no error, the account label the
     * new values give, and {@code secretConfig} (the whole new configuration) sealed anew. The source
     * id and everything else stay.
     *
     * @throws StoreException when the tenant has no such connection
     */
    public void credentialsUpdated(Tx tx, TenantId tenant, ConnectionId id, String accountLabel, List<String> streams,
            Instant checked, byte[] secretConfig) {
        TenantScope.require(tenant);
        byte[] sealed = vault.encrypt(secretConfig, slot(tenant, id.value()));
        int updated = db.within(tx, jdbc -> Sql.update(jdbc, """
                UPDATE connection SET status = ?, account_label = ?, streams = ?, stream_count = ?, last_checked = ?,
                    last_error = NULL, secret_config = ?
                WHERE tenant_id = ? AND id = ?""",
                ConnectionStatus.ACTIVE, accountLabel, List.copyOf(streams), streams.size(), checked, sealed,
                tenant.value(), id.value()));
        if (updated == 0) {
            throw new StoreException(Text.of("store.connection.unknown", id, tenant));
        }
    }

    /**
     * Records a check of the connection: its status, when it ran (empty for a check that could not
     * run, which keeps the time of the last one) and, when it did not pass, why. A connection
     * disconnected meanwhile stays as it is; returns false then.
     *
     * @throws StoreException when the tenant has no such connection
     */
    public boolean checked(Tx tx, TenantId tenant, ConnectionId id, ConnectionStatus status, Optional<Instant> checked,
            Optional<String> error) {
        return checked(tx, tenant, id, status, checked, error, Optional.empty());
    }

    /**
     * Records a check as {@link #checked(Tx, TenantId, ConnectionId, ConnectionStatus, Optional, Optional)}
     * does and, when {@code confirmedIn} is given, that the source was found in that Airbyte (for a
     * connection whose Airbyte was not recorded). False when the connection was disconnected meanwhile,
     * which then stays as it is.
     *
     * @throws StoreException when the tenant has no such connection
     */
    public boolean checked(Tx tx, TenantId tenant, ConnectionId id, ConnectionStatus status, Optional<Instant> checked,
            Optional<String> error, Optional<AirbyteLocation> confirmedIn) {
        TenantScope.require(tenant);
        int updated = db.within(tx, jdbc -> Sql.update(jdbc, "UPDATE connection SET status = ?,"
                        + " last_checked = COALESCE(?, last_checked), last_error = ?,"
                        + " airbyte_address = COALESCE(?, airbyte_address), airbyte_workspace = COALESCE(?, airbyte_workspace)"
                        + " WHERE tenant_id = ? AND id = ? AND status <> 'DISCONNECTED'",
                status, checked.orElse(null), error.orElse(null), confirmedIn.map(AirbyteLocation::address).orElse(null),
                confirmedIn.flatMap(AirbyteLocation::workspaceId).orElse(null), tenant.value(), id.value()));
        if (updated == 0 && lock(tx, tenant, id).isEmpty()) {
            throw new StoreException(Text.of("store.connection.unknown", id, tenant));
        }
        return updated > 0;
    }

    /**
     * Reads one of the tenant's connections and locks its row until {@code tx} ends, so that flows on
     * the same connection (a disconnect, a reconnect) start one after the other, each seeing what the
     * other recorded.
     */
    public Optional<Connection> lock(Tx tx, TenantId tenant, ConnectionId id) {
        TenantScope.require(tenant);
        return db.within(tx, jdbc -> Sql.queryOne(jdbc, COLUMNS + " WHERE tenant_id = ? AND id = ? FOR UPDATE",
                ConnectionRepository::connection, tenant.value(), id.value()));
    }

    /**
     * Marks the connection disconnected at {@code at} and wipes its secret configuration, which nothing
     * needs any more; the row stays for the audit trail. Returns false when it was disconnected already.
     *
     * @throws StoreException when the tenant has no such connection
     */
    public boolean disconnected(Tx tx, TenantId tenant, ConnectionId id, Instant at) {
        TenantScope.require(tenant);
        int updated = db.within(tx, jdbc -> Sql.update(jdbc, """
                UPDATE connection SET status = 'DISCONNECTED', secret_config = NULL, disconnected_at = ?, last_error = NULL
                WHERE tenant_id = ? AND id = ? AND status <> 'DISCONNECTED'""", at, tenant.value(), id.value()));
        if (updated == 0 && lock(tx, tenant, id).isEmpty()) {
            throw new StoreException(Text.of("store.connection.unknown", id, tenant));
        }
        return updated > 0;
    }

    /**
     * Gives one of the tenant's live connections another account label; false when it is
     * disconnected (or gone), which then stays as it is.
     */
    public boolean relabel(Tx tx, TenantId tenant, ConnectionId id, String label) {
        TenantScope.require(tenant);
        return db.within(tx, jdbc -> Sql.update(jdbc, "UPDATE connection SET account_label = ?"
                + " WHERE tenant_id = ? AND id = ? AND status <> 'DISCONNECTED'", label, tenant.value(), id.value())) > 0;
    }

    /** The tenant's connections, newest first. */
    public List<Connection> list(TenantId tenant) {
        TenantScope.require(tenant);
        return db.withConnection(jdbc -> Sql.query(jdbc, COLUMNS + " WHERE tenant_id = ? ORDER BY created_at DESC, id",
                ConnectionRepository::connection, tenant.value()));
    }

    public Optional<Connection> find(TenantId tenant, ConnectionId id) {
        TenantScope.require(tenant);
        return db.withConnection(jdbc -> Sql.queryOne(jdbc, COLUMNS + " WHERE tenant_id = ? AND id = ?",
                ConnectionRepository::connection, tenant.value(), id.value()));
    }

    /**
     * The decrypted configuration of one of the tenant's connections. A configuration still sealed
     * under an older vault key is re-encrypted under the primary key and written back to the same row.
     * One that does not decrypt fails with a sentence that names the connection and the command that
     * removes it (connecting or reconnecting would not cure it: both keep that row).
     */
    public Optional<byte[]> secretConfig(TenantId tenant, ConnectionId id) {
        TenantScope.require(tenant);
        return db.inTransaction(tx -> db.within(tx, jdbc -> {
            // A disconnected connection has no configuration any more.
            Optional<byte[]> sealed = Sql.queryOne(jdbc,
                    "SELECT secret_config FROM connection WHERE tenant_id = ? AND id = ? AND secret_config IS NOT NULL",
                    row -> row.getBytes("secret_config"), tenant.value(), id.value());
            if (sealed.isEmpty()) {
                return Optional.empty();
            }
            RowKey key = new RowKey(tenant.value(), id.value());
            byte[] plaintext;
            try {
                plaintext = vault.decrypt(sealed.get(), slot(tenant, id.value()));
            } catch (StoreException e) {
                throw new StoreException(unreadable(jdbc, key).unusable(), e);
            }
            if (vault.needsReencryption(sealed.get())) {
                reseal(jdbc, key, sealed.get(), plaintext);
            }
            return Optional.of(plaintext);
        }));
    }

    /**
     * Re-encrypts under the vault's primary key every configuration among the {@code limit} rows that
     * follow {@code after} in (tenant_id, id) order; for key rotation, which walks all rows in such pages.
     * Disconnected connections have no configuration and are passed by. A configuration that does not
     * decrypt is left as it is and named in the page's {@link ReencryptedPage#unreadable()}; the others
     * are re-encrypted all the same.
     */
    ReencryptedPage reencryptPage(Tx tx, Optional<RowKey> after, int limit) {
        return db.within(tx, jdbc -> {
            String select = "SELECT tenant_id, id, secret_config FROM connection WHERE status <> 'DISCONNECTED'";
            String order = " ORDER BY tenant_id, id LIMIT ?";
            List<Sealed> page = after.isPresent()
                    ? Sql.query(jdbc, select + " AND (tenant_id, id) > (?, ?)" + order,
                            ConnectionRepository::sealed, after.get().tenant(), after.get().id(), limit)
                    : Sql.query(jdbc, select + order, ConnectionRepository::sealed, limit);
            int rewritten = 0;
            List<UnreadableSecret> unreadable = new ArrayList<>();
            for (Sealed row : page) {
                if (row.ciphertext() == null || !vault.needsReencryption(row.ciphertext())) {
                    continue;
                }
                byte[] plaintext;
                try {
                    plaintext = vault.decrypt(row.ciphertext(), slot(new TenantId(row.key().tenant()), row.key().id()));
                } catch (StoreException e) {
                    unreadable.add(unreadable(jdbc, row.key()));
                    continue;
                }
                rewritten += reseal(jdbc, row.key(), row.ciphertext(), plaintext);
            }
            return new ReencryptedPage(page.size(), rewritten,
                    page.isEmpty() ? after : Optional.of(page.getLast().key()), List.copyOf(unreadable));
        });
    }

    /** Names the row's connection and the command that removes it from Onramp alone, as a person types it. */
    private static UnreadableSecret unreadable(java.sql.Connection jdbc, RowKey key) throws SQLException {
        Named row = Sql.queryOne(jdbc, """
                SELECT c.provider_id, c.account_label, c.source_id, t.name FROM connection c
                JOIN tenant t ON t.id = c.tenant_id WHERE c.tenant_id = ? AND c.id = ?""",
                found -> new Named(found.getString("provider_id"), Sql.optionalString(found, "account_label")
                        .filter(label -> !label.isBlank()), found.getString("source_id"), found.getString("name")),
                key.tenant(), key.id()).orElseThrow(() -> new StoreException(
                        Text.of("store.connection.unknown", key.id(), key.tenant())));
        // disconnect names a connection by its account label when that picks it alone, else by its source id.
        List<Optional<String>> labels = Sql.query(jdbc, "SELECT account_label FROM connection WHERE tenant_id = ?"
                + " AND provider_id = ? AND status <> 'DISCONNECTED'", found -> Sql.optionalString(found, "account_label"),
                key.tenant(), row.provider());
        Optional<String> account;
        if (row.account().isPresent()) {
            boolean alone = labels.stream().filter(row.account()::equals).count() == 1
                    && row.account().get().chars().noneMatch(Character::isISOControl);
            account = Optional.of(alone ? row.account().get() : row.sourceId());
        } else {
            account = labels.size() == 1 ? Optional.empty() : Optional.of(row.sourceId());
        }
        String removal = "onramp disconnect " + quoted(row.provider()) + " --tenant " + quoted(row.business())
                + account.map(value -> " --account " + quoted(value)).orElse("") + " --local-only --yes";
        return new UnreadableSecret(new TenantId(key.tenant()), row.business(), new ConnectionId(key.id()),
                row.provider(), row.account(), removal);
    }

    /** A value as a shell reads it back: as it is when plain, else in double quotes with its specials escaped. */
    private static String quoted(String value) {
        if (value.matches("[A-Za-z0-9._@+:/-]+")) {
            return value;
        }
        return '"' + value.replaceAll("([\\\\\"$`])", "\\\\$1") + '"';
    }

    /** Writes the new ciphertext only over the one it replaces, so a concurrent rewrite is never undone. */
    private int reseal(java.sql.Connection jdbc, RowKey key, byte[] old, byte[] plaintext) throws SQLException {
        byte[] resealed = vault.encrypt(plaintext, slot(new TenantId(key.tenant()), key.id()));
        return Sql.update(jdbc,
                "UPDATE connection SET secret_config = ? WHERE tenant_id = ? AND id = ? AND secret_config = ?",
                resealed, key.tenant(), key.id(), old);
    }

    static SecretSlot slot(TenantId tenant, UUID id) {
        return new SecretSlot("connection", "secret_config", tenant, id.toString());
    }

    private static Sealed sealed(ResultSet row) throws SQLException {
        return new Sealed(new RowKey(Sql.uuid(row, "tenant_id"), Sql.uuid(row, "id")), row.getBytes("secret_config"));
    }

    private static Connection connection(ResultSet row) throws SQLException {
        Optional<String> workspace = Sql.optionalString(row, "airbyte_workspace");
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
                Sql.optionalString(row, "last_error"),
                Sql.optionalString(row, "airbyte_address").map(address -> new AirbyteLocation(address, workspace)),
                Sql.optionalInstant(row, "disconnected_at"));
    }

    /** A connection row's key, in the order key rotation walks the table. */
    record RowKey(UUID tenant, UUID id) {}

    /**
     * What one page of a key rotation saw and rewrote, where the next page starts, and the connections
     * whose secret it could not read.
     */
    record ReencryptedPage(int examined, int rewritten, Optional<RowKey> last, List<UnreadableSecret> unreadable) {}

    /** A row's sealed configuration. */
    private record Sealed(RowKey key, byte[] ciphertext) {}

    /** What names a connection to a person, and its source id for when its label does not. */
    private record Named(String provider, Optional<String> account, String sourceId, String business) {}
}
