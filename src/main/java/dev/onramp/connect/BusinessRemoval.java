package dev.onramp.connect;

import dev.onramp.catalog.Catalog;
import dev.onramp.model.Connection;
import dev.onramp.model.FlowRecord;
import dev.onramp.model.InvalidInputException;
import dev.onramp.model.Provider;
import dev.onramp.model.Tenant;
import dev.onramp.model.TenantId;
import dev.onramp.store.AuditLog;
import dev.onramp.store.ConnectionRepository;
import dev.onramp.store.Database;
import dev.onramp.store.FlowJournal;
import dev.onramp.store.TenantRepository;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Collectors;

/**
 * Deletes a business: its connections disconnected first (their sources deleted in Airbyte), or, as an
 * explicit choice, its sources kept in Airbyte; then its rows in one transaction with one audit entry.
 * Every call blocks; call it off the FX thread.
 */
public final class BusinessRemoval {
    private final Catalog catalog;
    private final Database db;
    private final TenantRepository tenants;
    private final ConnectionRepository connections;
    private final FlowJournal journal;
    private final AuditLog audit;
    private final DisconnectService disconnects;
    private final String actor;

    public BusinessRemoval(Catalog catalog, Database db, TenantRepository tenants, ConnectionRepository connections,
            FlowJournal journal, AuditLog audit, DisconnectService disconnects, String actor) {
        this.catalog = catalog;
        this.db = db;
        this.tenants = tenants;
        this.connections = connections;
        this.journal = journal;
        this.audit = audit;
        this.disconnects = disconnects;
        this.actor = actor;
    }

    /** What the deletion does to the business's sources in Airbyte. */
    public enum Sources {
        /** Each connection is disconnected first: its source is deleted in Airbyte. */
        DELETE,
        /** The sources stay in Airbyte, untouched; the audit entry names them. */
        KEEP
    }

    /** How a deletion ended, as a sentence to show a person. */
    public sealed interface Outcome {
        String message();

        /** The business is gone. */
        record Deleted(String message) implements Outcome {}

        /** The business is still there; {@code message} says why and what to do. */
        record NotDeleted(String message) implements Outcome {}
    }

    /**
     * Deletes the business {@code id}; {@code step} hears each connection as it is disconnected. A
     * business with a flow under way, or whose sources cannot all be deleted, stays, and the outcome
     * says what to do; connections already disconnected on the way stay disconnected.
     */
    public Outcome delete(TenantId id, Sources sources, Consumer<String> step) {
        Tenant tenant = tenants.find(id).orElseThrow(() -> new InvalidInputException(
                "That business is no longer in Onramp; pick one from the list."));
        if (tenants.list().size() == 1) {
            return refused(tenant, tenant.name() + " is the only business in Onramp, and the window always shows one:"
                    + " create the next business first, then delete this one.");
        }
        List<FlowRecord> busy = db.inTransaction(tx -> journal.unfinishedOf(tx, id));
        if (!busy.isEmpty()) {
            return refused(tenant, busyMessage(tenant, busy));
        }
        List<Connection> live = connections.list(id).stream().filter(c -> !c.disconnected()).toList();
        List<String> done = new ArrayList<>();
        if (sources == Sources.DELETE) {
            for (Connection connection : live) {
                String who = describe(connection);
                step.accept("Disconnecting " + who + "…");
                DisconnectOutcome outcome = disconnects.disconnect(id, connection.id(), DisconnectScope.AIRBYTE_AND_ONRAMP,
                        DisconnectListener.NONE);
                if (outcome instanceof DisconnectOutcome.NotDisconnected failed) {
                    String before = done.isEmpty() ? "" : " (" + String.join(", ", done) + " "
                            + (done.size() == 1 ? "was" : "were") + " disconnected and stays so)";
                    return refused(tenant, tenant.name() + " was not deleted" + before + ": " + who
                            + " could not be disconnected. " + failed.message() + " Try again, or delete it keeping"
                            + " the sources in Airbyte.");
                }
                done.add(who);
            }
        }
        step.accept("Deleting " + tenant.name() + "…");
        return db.inTransaction(tx -> {
            if (tenants.lock(tx, id).isEmpty()) {
                return new Outcome.NotDeleted("That business is no longer in Onramp; pick one from the list.");
            }
            List<FlowRecord> started = journal.unfinishedOf(tx, id);
            if (!started.isEmpty()) {
                return new Outcome.NotDeleted(busyMessage(tenant, started));
            }
            List<Connection> kept = connections.list(id).stream().filter(c -> !c.disconnected()).toList();
            tenants.delete(tx, id);
            String keptSources = kept.stream().map(Connection::sourceId).collect(Collectors.joining(","));
            audit.append(tx, id, actor, "tenant.deleted", "tenant/" + id, "name=" + tenant.name()
                    + (sources == Sources.KEEP ? " sources=kept" + (kept.isEmpty() ? "" : " kept_sources=" + keptSources)
                            : " sources=deleted disconnected=" + done.size()));
            String what = kept.isEmpty()
                    ? (done.isEmpty() ? "" : done.size() == 1
                            ? " Its connection was disconnected and its source deleted in Airbyte."
                            : " Its " + done.size() + " connections were disconnected and their sources deleted in Airbyte.")
                    : " Its " + (kept.size() == 1 ? "source stays" : kept.size() + " sources stay") + " in Airbyte: "
                            + kept.stream().map(this::describe).collect(Collectors.joining(", ")) + ".";
            return new Outcome.Deleted(tenant.name() + " was deleted." + what);
        });
    }

    private Outcome refused(Tenant tenant, String message) {
        db.inTransaction(tx -> {
            audit.append(tx, tenant.id(), actor, "tenant.delete-refused", "tenant/" + tenant.id(), "reason=" + message);
            return null;
        });
        return new Outcome.NotDeleted(message);
    }

    private String busyMessage(Tenant tenant, List<FlowRecord> busy) {
        String what = busy.stream().map(flow -> providerName(flow.providerId())).distinct()
                .collect(Collectors.joining(" and "));
        return tenant.name() + " is in use: a " + what + " flow (a connect, reconnect or disconnect) is under way."
                + " Cancel it or let it finish, then delete the business; a flow left by a crash ends at Onramp's next"
                + " start.";
    }

    private String describe(Connection connection) {
        String name = providerName(connection.providerId());
        return connection.accountLabel() == null || connection.accountLabel().isBlank() ? name
                : name + " (" + connection.accountLabel() + ")";
    }

    private String providerName(String providerId) {
        return catalog.provider(providerId).map(Provider::name).orElse(providerId);
    }
}
