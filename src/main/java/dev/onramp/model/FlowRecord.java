package dev.onramp.model;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * One journal row of a flow: its kind, where it stands, what it has created so far, and, for a flow
 * on an existing connection (a reconnect, a disconnect), which connection that is.
 */
public record FlowRecord(
        FlowId id,
        TenantId tenantId,
        String providerId,
        FlowState state,
        Optional<String> sourceId,
        Optional<String> reason,
        Instant startedAt,
        Instant updatedAt,
        FlowKind kind,
        Optional<ConnectionId> connectionId) {
    public FlowRecord {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(tenantId, "tenantId");
        Objects.requireNonNull(providerId, "providerId");
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(sourceId, "sourceId");
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(startedAt, "startedAt");
        Objects.requireNonNull(updatedAt, "updatedAt");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(connectionId, "connectionId");
    }

    /** A connect flow that makes a new connection. */
    public FlowRecord(FlowId id, TenantId tenantId, String providerId, FlowState state, Optional<String> sourceId,
            Optional<String> reason, Instant startedAt, Instant updatedAt) {
        this(id, tenantId, providerId, state, sourceId, reason, startedAt, updatedAt, FlowKind.CONNECT,
                Optional.empty());
    }
}
