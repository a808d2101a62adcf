package dev.onramp.model;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A tenant's connected provider account: the Airbyte source it became and the streams it offers.
 * Its secret configuration is kept encrypted by the store and is not part of this record; {@code airbyte}
 * is where the source was made, when known. A disconnected one is kept for the audit trail, with when
 * it was disconnected.
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
        Optional<AirbyteLocation> airbyte,
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
        Objects.requireNonNull(airbyte, "airbyte");
        Objects.requireNonNull(disconnectedAt, "disconnectedAt");
    }

    /** A connection that has not been disconnected, whose Airbyte is not known (made before Onramp recorded it). */
    public Connection(ConnectionId id, TenantId tenantId, String providerId, String sourceId, String accountLabel,
            ConnectionStatus status, List<String> streams, Instant createdAt, Optional<Instant> lastChecked,
            Optional<String> lastError) {
        this(id, tenantId, providerId, sourceId, accountLabel, status, streams, createdAt, lastChecked, lastError,
                Optional.empty(), Optional.empty());
    }

    /** A connection that has not been disconnected, made in {@code airbyte} when known. */
    public Connection(ConnectionId id, TenantId tenantId, String providerId, String sourceId, String accountLabel,
            ConnectionStatus status, List<String> streams, Instant createdAt, Optional<Instant> lastChecked,
            Optional<String> lastError, Optional<AirbyteLocation> airbyte) {
        this(id, tenantId, providerId, sourceId, accountLabel, status, streams, createdAt, lastChecked, lastError,
                airbyte, Optional.empty());
    }

    public int streamCount() {
        return streams.size();
    }

    /** True once disconnected: kept for the audit trail, no longer one of the business's live connections. */
    public boolean disconnected() {
        return status == ConnectionStatus.DISCONNECTED;
    }

    /** The same connection with another status and error, e.g. as a check found it. */
    public Connection as(ConnectionStatus newStatus, Optional<String> error) {
        return new Connection(id, tenantId, providerId, sourceId, accountLabel, newStatus, streams, createdAt, lastChecked,
                error, airbyte, disconnectedAt);
    }

    /** The same connection, recorded as living in {@code location}. */
    public Connection in(AirbyteLocation location) {
        return new Connection(id, tenantId, providerId, sourceId, accountLabel, status, streams, createdAt, lastChecked,
                lastError, Optional.of(location), disconnectedAt);
    }
}
