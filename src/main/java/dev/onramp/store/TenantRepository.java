package dev.onramp.store;

import dev.onramp.model.Tenant;
import dev.onramp.model.TenantId;
import java.util.List;
import java.util.Optional;

/** Reads and writes tenants (businesses). */
public final class TenantRepository {
    public TenantRepository(Database db) {}

    public void insert(Tx tx, Tenant tenant) {
        throw new UnsupportedOperationException("not built yet");
    }

    public void setWorkspace(Tx tx, TenantId tenant, String workspaceId) {
        throw new UnsupportedOperationException("not built yet");
    }

    public Optional<Tenant> find(TenantId id) {
        throw new UnsupportedOperationException("not built yet");
    }

    /** Case-insensitive lookup by name. */
    public Optional<Tenant> findByName(String name) {
        throw new UnsupportedOperationException("not built yet");
    }

    /** All tenants, ordered by name. */
    public List<Tenant> list() {
        throw new UnsupportedOperationException("not built yet");
    }
}
