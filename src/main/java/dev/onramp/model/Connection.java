package dev.onramp.model;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A tenant's connected provider account: the Airbyte source it became and the streams it offers.
 * Its secret configuration is kept encrypted by the store and is not part of this record. A
 * disconnected one is kept for the audit trail, with when it was disconnected.
 */
public record Connection(
        ConnectionId id,
        TenantId tenantId,
        String providerId,
        String sourceId,
        String accountLabel,
        ConnectionStatus status,
        List<String> streams,
        Instant createdAt,
        Optional<Instant> lastChecked,
        Optional<String> lastError,
        Optional<Instant> disconnectedAt) {
    public Connection {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(tenantId, "tenantId");
        Objects.requireNonNull(providerId, "providerId");
        Objects.requireNonNull(sourceId, "sourceId");
        Objects.requireNonNull(status, "status");
        streams = List.copyOf(streams);
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(lastChecked, "lastChecked");
        Objects.requireNonNull(lastError, "lastError");
        Objects.requireNonNull(disconnectedAt, "disconnectedAt");
    }

    /** A connection that has not been disconnected. */
    public Connection(ConnectionId id, TenantId tenantId, String providerId, String sourceId, String accountLabel,
            ConnectionStatus status, List<String> streams, Instant createdAt, Optional<Instant> lastChecked,
            Optional<String> lastError) {
        this(id, tenantId, providerId, sourceId, accountLabel, status, streams, createdAt, lastChecked, lastError,
                Optional.empty());
    }

    /** True once disconnected: kept for the audit trail, no longer one of the business's live connections. */
    public boolean disconnected() {
        return status == ConnectionStatus.DISCONNECTED;
    }

    public int streamCount() {
        return streams.size();
    }
}
