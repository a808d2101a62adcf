package dev.onramp.store;

import dev.onramp.model.TenantId;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * Which audit entries a page or an export takes: of one business or all, of one action or all, written
 * from {@code from} (inclusive) until {@code until} (exclusive); an empty bound does not narrow.
 */
public record AuditCriteria(Optional<TenantId> tenant, Optional<String> action, Optional<Instant> from,
        Optional<Instant> until) {
    /** Every entry. */
    public static final AuditCriteria ALL = new AuditCriteria(Optional.empty(), Optional.empty(), Optional.empty(),
            Optional.empty());

    public AuditCriteria {
        Objects.requireNonNull(tenant, "tenant");
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(until, "until");
    }
}
