package dev.onramp.store;

import dev.onramp.model.TenantId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.function.Function;

/**
 * The check of every tenant isolation test: a read made for one business, run for each seeded business
 * in turn, must return only that business's rows, and must return some (or the check proves nothing).
 */
final class IsolationCheck {
    private IsolationCheck() {}

    /** A tenant-scoped read and how to tell which business a row it returns belongs to. */
    record Probe<T>(String name, Function<TenantId, Collection<T>> read, Function<T, TenantId> owner) {}

    /** Every way {@code probe} broke isolation among {@code tenants}, one sentence each; empty when it held. */
    static <T> List<String> violations(Probe<T> probe, List<TenantId> tenants) {
        List<String> violations = new ArrayList<>();
        for (TenantId reader : tenants) {
            Collection<T> rows = probe.read().apply(reader);
            if (rows.isEmpty()) {
                violations.add(probe.name() + " as " + reader + " returned nothing, so it proves nothing");
            }
            for (T row : rows) {
                TenantId owner = probe.owner().apply(row);
                if (!owner.equals(reader)) {
                    violations.add(probe.name() + " as " + reader + " leaked a row of " + owner + ": " + row);
                }
            }
        }
        return violations;
    }
}
