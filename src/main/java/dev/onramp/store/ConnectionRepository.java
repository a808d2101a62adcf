package dev.onramp.store;

import dev.onramp.model.Connection;
import dev.onramp.model.ConnectionId;
import dev.onramp.model.TenantId;
import java.util.List;
import java.util.Optional;

/** Stores connections with their configuration encrypted by the {@link Vault}; every read is per tenant. */
public final class ConnectionRepository {
    public ConnectionRepository(Database db, Vault vault) {}

    /** Inserts the row, encrypting {@code secretConfig} (the source configuration JSON) with the row's slot. */
    public void insert(Tx tx, Connection connection, byte[] secretConfig) {
        throw new UnsupportedOperationException("not built yet");
    }

    public List<Connection> list(TenantId tenant) {
        throw new UnsupportedOperationException("not built yet");
    }

    public Optional<Connection> find(TenantId tenant, ConnectionId id) {
        throw new UnsupportedOperationException("not built yet");
    }

    /** The decrypted configuration of one of the tenant's connections. */
    public Optional<byte[]> secretConfig(TenantId tenant, ConnectionId id) {
        throw new UnsupportedOperationException("not built yet");
    }
}
