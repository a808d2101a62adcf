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
import dev.onramp.text.Messages;
import dev.onramp.text.Text;
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
        /** What happened, as a key and its arguments. */
        Text text();

        /** {@link #text()} in the window's (the process's display) language. */
        default String message() {
            return Messages.display().render(text());
        }

        /** The business is gone. */
        record Deleted(Text text) implements Outcome {}

        /** The business is still there; {@code text} says why and what to do. */
        record NotDeleted(Text text) implements Outcome {}
    }

    /**
     * Deletes the business {@code id}, as {@link #deleteWithSteps}; {@code step} hears each step in the
     * window's (the process's display) language.
     */
    public Outcome delete(TenantId id, Sources sources, Consumer<String> step) {
        return deleteWithSteps(id, sources, text -> step.accept(Messages.display().render(text)));
    }

    /**
     * Deletes the business {@code id}; {@code step} hears each connection as it is disconnected. A
     * business with a flow under way, or whose sources cannot all be deleted, stays, and the outcome
     * says what to do; connections already disconnected on the way stay disconnected.
     */
    public Outcome deleteWithSteps(TenantId id, Sources sources, Consumer<Text> step) {
        Tenant tenant = tenants.find(id).orElseThrow(() -> new InvalidInputException(Text.of("connect.removal.gone")));
        if (tenants.list().size() == 1) {
            return refused(tenant, Text.of("connect.removal.onlyOne", tenant.name()));
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
                step.accept(Text.of("connect.removal.disconnecting", who));
                DisconnectOutcome outcome = disconnects.disconnect(id, connection.id(), DisconnectScope.AIRBYTE_AND_ONRAMP,
                        DisconnectListener.NONE);
                if (outcome instanceof DisconnectOutcome.NotDisconnected failed) {
                    return refused(tenant, done.isEmpty()
                            ? Text.of("connect.removal.notDeleted", tenant.name(), who, failed.text())
                            : Text.of("connect.removal.notDeletedAfter", tenant.name(), String.join(", ", done),
                                    done.size(), who, failed.text()));
                }
                done.add(who);
            }
        }
        step.accept(Text.of("connect.removal.deleting", tenant.name()));
        return db.inTransaction(tx -> {
            if (tenants.lock(tx, id).isEmpty()) {
                return new Outcome.NotDeleted(Text.of("connect.removal.gone"));
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
            String keptNames = kept.stream().map(this::describe).collect(Collectors.joining(", "));
            return new Outcome.Deleted(!kept.isEmpty()
                    ? kept.size() == 1 ? Text.of("connect.removal.deletedKeptOne", tenant.name(), keptNames)
                            : Text.of("connect.removal.deletedKept", tenant.name(), kept.size(), keptNames)
                    : done.isEmpty() ? Text.of("connect.removal.deleted", tenant.name())
                    : done.size() == 1 ? Text.of("connect.removal.deletedOne", tenant.name())
                    : Text.of("connect.removal.deletedSeveral", tenant.name(), done.size()));
        });
    }

    /** A refusal, audited in English. */
    private Outcome refused(Tenant tenant, Text message) {
        db.inTransaction(tx -> {
            audit.append(tx, tenant.id(), actor, "tenant.delete-refused", "tenant/" + tenant.id(),
                    "reason=" + Messages.english().render(message));
            return null;
        });
        return new Outcome.NotDeleted(message);
    }

    private Text busyMessage(Tenant tenant, List<FlowRecord> busy) {
        List<String> what = busy.stream().map(flow -> providerName(flow.providerId())).distinct().toList();
        return Text.of("connect.removal.busy", tenant.name(), Text.joined(Text.of("connect.and"), what));
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
