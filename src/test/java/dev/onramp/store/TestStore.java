package dev.onramp.store;

import dev.onramp.model.Connection;
import dev.onramp.model.ConnectionId;
import dev.onramp.model.ConnectionStatus;
import dev.onramp.model.Tenant;
import dev.onramp.model.TenantId;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

/** The whole store on a real H2 file in a test's folder, wired as the app wires it. */
final class TestStore implements AutoCloseable {
    static final Instant NOW = Instant.parse("2026-03-01T10:00:00.123456789Z");

    final Path dataDir;
    final Database db;
    final Vault vault;
    final TenantRepository tenants;
    final ConnectionRepository connections;
    final FlowJournal journal;
    final AuditLog audit;
    final KeyRotation keyRotation;

    private TestStore(Path dataDir, Clock clock) {
        this.dataDir = dataDir;
        this.db = Database.open(dataDir);
        KekStore kek = kek(dataDir);
        this.vault = Vault.open(db, kek);
        this.tenants = new TenantRepository(db);
        this.connections = new ConnectionRepository(db, vault);
        this.journal = new FlowJournal(db, clock);
        this.audit = AuditLog.open(db, kek, clock);
        this.keyRotation = new KeyRotation(db, vault, connections, audit, clock, "desktop-user");
    }

    static TestStore open(Path dataDir) {
        return new TestStore(dataDir, Clock.fixed(NOW, ZoneOffset.UTC));
    }

    /** The store stamping its records with {@code clock}'s time. */
    static TestStore open(Path dataDir, Clock clock) {
        return new TestStore(dataDir, clock);
    }

    /** The key-encryption key lives beside the data folder, as an OS key store would live outside it. */
    static KekStore kek(Path dataDir) {
        return new FileKekStore(dataDir.resolveSibling(dataDir.getFileName() + "-keys").resolve("onramp.kek"));
    }

    Tenant tenant(String name) {
        Tenant tenant = new Tenant(TenantId.random(), name, "online-shop", Optional.empty());
        db.inTransaction(tx -> {
            tenants.insert(tx, tenant);
            return null;
        });
        return tenant;
    }

    Connection connection(TenantId tenant, String provider, String secret) {
        Connection connection = new Connection(ConnectionId.random(), tenant, provider, "source-" + provider,
                provider + "@example.test", ConnectionStatus.ACTIVE, List.of("orders"), NOW, Optional.empty(),
                Optional.empty());
        db.inTransaction(tx -> {
            connections.insert(tx, tenant, connection, secret.getBytes(StandardCharsets.UTF_8));
            return null;
        });
        return connection;
    }

    void append(TenantId tenant, String action) {
        db.inTransaction(tx -> {
            audit.append(tx, tenant, "desktop-user", action, "tenant/" + tenant, "step " + action);
            return null;
        });
    }

    /** The stored ciphertext of a connection's configuration, as it lies in the table. */
    byte[] rawSecretConfig(Connection connection) {
        return db.withConnection(jdbc -> Sql.queryOne(jdbc, "SELECT secret_config FROM connection WHERE id = ?",
                row -> row.getBytes(1), connection.id().value())).orElseThrow();
    }

    @Override
    public void close() {
        audit.close();
        db.close();
    }
}
