package dev.onramp.model;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/** One journal row of the connect flow: where a flow stands and what it has created so far. */
public record FlowRecord(
        FlowId id,
        TenantId tenantId,
        String providerId,
        FlowState state,
        Optional<String> sourceId,
        Optional<String> reason,
        Instant startedAt,
        Instant updatedAt) {
    public FlowRecord {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(tenantId, "tenantId");
        Objects.requireNonNull(providerId, "providerId");
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(sourceId, "sourceId");
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(startedAt, "startedAt");
        Objects.requireNonNull(updatedAt, "updatedAt");
    }
}
