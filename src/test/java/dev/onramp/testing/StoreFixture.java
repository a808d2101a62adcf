package dev.onramp.testing;

import dev.onramp.model.Tenant;
import dev.onramp.model.TenantId;
import dev.onramp.store.AuditLog;
import dev.onramp.store.ConnectionRepository;
import dev.onramp.store.Database;
import dev.onramp.store.FileKekStore;
import dev.onramp.store.FlowJournal;
import dev.onramp.store.TenantRepository;
import dev.onramp.store.Vault;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Optional;

/**
 * A real store in a test's directory: the H2 file, its key file, vault, repositories, journal and
 * audit log, closed in reverse order.
 */
public record StoreFixture(Database db, Vault vault, TenantRepository tenants, ConnectionRepository connections,
        FlowJournal journal, AuditLog audit) implements AutoCloseable {

    /** Opens (or creates) the store in {@code dataDir}, its key under {@code keys/onramp.kek}, on the system clock. */
    public static StoreFixture open(Path dataDir) {
        return open(dataDir, Clock.systemUTC());
    }

    /** Opens (or creates) the store in {@code dataDir}, journal and audit log on {@code clock}. */
    public static StoreFixture open(Path dataDir, Clock clock) {
        Database db = Database.open(dataDir);
        FileKekStore kek = new FileKekStore(dataDir.resolve("keys/onramp.kek"));
        Vault vault = Vault.open(db, kek);
        return new StoreFixture(db, vault, new TenantRepository(db), new ConnectionRepository(db, vault),
                new FlowJournal(db, clock), AuditLog.open(db, kek, clock));
    }

    /** Stores a new business named {@code name} in {@code industry}, without a workspace yet. */
    public Tenant addTenant(String name, String industry) {
        return addTenant(new Tenant(TenantId.random(), name, industry, Optional.empty()));
    }

    /** Stores {@code tenant} and returns it. */
    public Tenant addTenant(Tenant tenant) {
        db.inTransaction(tx -> {
            tenants.insert(tx, tenant);
            return null;
        });
        return tenant;
    }

    @Override
    public void close() {
        audit.close();
        db.close();
    }
}
