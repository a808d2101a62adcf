package dev.onramp.connect;

import dev.onramp.airbyte.AirbyteException;
import dev.onramp.airbyte.AirbyteGateway;
import dev.onramp.catalog.Catalog;
import dev.onramp.model.AirbyteLocation;
import dev.onramp.model.Connection;
import dev.onramp.model.ConnectionId;
import dev.onramp.model.FlowId;
import dev.onramp.model.FlowKind;
import dev.onramp.model.FlowRecord;
import dev.onramp.model.FlowState;
import dev.onramp.model.Provider;
import dev.onramp.model.Tenant;
import dev.onramp.model.TenantId;
import dev.onramp.store.AuditLog;
import dev.onramp.store.ConnectionRepository;
import dev.onramp.store.Database;
import dev.onramp.store.FlowJournal;
import dev.onramp.store.StoreException;
import dev.onramp.store.TenantRepository;
import dev.onramp.store.Tx;
import dev.onramp.text.Messages;
import dev.onramp.text.Text;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Disconnects a stored connection through the flow journal, the same for the window and the command
 * line (ADR 0023): the intent is written first (DISCONNECTING), then Airbyte deletes the source (a
 * source it no longer has counts as deleted), the journal says SOURCE_DELETED, and the connection
 * is marked DISCONNECTED, its secret wiped, with its one audit entry, in one transaction. A run killed
 * on the way is finished by {@link #recoverUnfinished()} at the next start.
 *
 * <p>When Airbyte cannot delete the source, the connection stays as it was, and removing it from
 * Onramp only ({@link DisconnectScope#ONRAMP_ONLY}) is the explicit way on: the source then stays in
 * Airbyte, and the audit entry says so. One flow at a time works on a connection: a second
 * disconnect, or a disconnect while a reconnect runs, is refused with a sentence and an audit entry.
 * Every call blocks; call it off the FX thread.
 */
public final class DisconnectService {
    private static final Logger LOG = LoggerFactory.getLogger(DisconnectService.class);
    /** How much of an account label a person typed is repeated in a sentence or an audit entry. */
    private static final int SHOWN_LABEL = 60;

    private final Catalog catalog;
    private final Function<TenantId, AirbyteGateway> airbyteOf;
    private final FlowStores stores;
    /** The connections this process is disconnecting now; the database lets no other process in. */
    private final Set<ConnectionId> running = ConcurrentHashMap.newKeySet();

    /**
     * A service that asks {@code airbyteOf} for the gateway to the Airbyte each business uses
     * (normally {@link dev.onramp.business.AirbyteSelection#gatewayFor(TenantId)}).
     */
    public DisconnectService(Catalog catalog, Function<TenantId, AirbyteGateway> airbyteOf, Database db,
            TenantRepository tenants, ConnectionRepository connections, FlowJournal journal, AuditLog audit,
            Clock clock, String actor) {
        this.catalog = catalog;
        this.airbyteOf = airbyteOf;
        this.stores = new FlowStores(db, tenants, connections, journal, audit, clock, actor);
    }

    /**
     * The business's connection to {@code providerId} that is not disconnected, the one whose account
     * label (or, for two accounts with one label, source id) is {@code account} when given. A refusal (an unknown provider, no such connection,
     * several and none named, an account that names none or holds a control character) is audited.
     *
     * @throws DisconnectRefusedException saying which connections there are and how to name one
     */
    public Connection target(Tenant tenant, String providerId, Optional<String> account) {
        List<Connection> live = stores.connections().list(tenant.id()).stream()
                .filter(c -> c.providerId().equals(providerId) && !c.disconnected())
                .toList();
        Optional<Provider> provider = catalog.provider(providerId);
        String name = provider.map(Provider::name).orElse(providerId);
        String subject = "provider=" + shown(providerId) + account.map(a -> " account=" + shown(a)).orElse("");
        if (account.isPresent() && account.get().chars().anyMatch(Character::isISOControl)) {
            throw refused(tenant.id(), subject, Text.of("connect.disconnect.controlCharacter", quoted(tenant.name())), true);
        }
        if (live.isEmpty()) {
            if (provider.isEmpty()) {
                throw refused(tenant.id(), subject, Text.of("connect.disconnect.unknownProvider", shown(providerId)), true);
            }
            throw refused(tenant.id(), subject, Text.of("connect.disconnect.nothingToDisconnect", tenant.name(), name,
                    quoted(tenant.name())), false);
        }
        if (account.isPresent()) {
            List<Connection> named = live.stream().filter(c -> account.get().equals(c.accountLabel())).toList();
            if (named.isEmpty()) {
                named = live.stream().filter(c -> c.accountLabel() != null
                        && c.accountLabel().equalsIgnoreCase(account.get())).toList();
            }
            if (named.isEmpty()) {
                // Two accounts may carry one label; the source id tells them apart.
                named = live.stream().filter(c -> c.sourceId().equals(account.get())).toList();
            }
            if (named.size() == 1) {
                return named.getFirst();
            }
            if (named.size() > 1) {
                throw refused(tenant.id(), subject, Text.of("connect.disconnect.sameLabel", tenant.name(), named.size(), name,
                        shown(account.get()), named.stream().map(Connection::sourceId).collect(Collectors.joining(", ")),
                        named.getFirst().sourceId()), true);
            }
            throw refused(tenant.id(), subject, Text.of("connect.disconnect.noSuchAccount", tenant.name(), name,
                    shown(account.get()), labels(live)), true);
        }
        if (live.size() > 1) {
            throw refused(tenant.id(), subject, Text.of("connect.disconnect.several", tenant.name(), live.size(), name,
                    labels(live)), true);
        }
        return live.getFirst();
    }

    /**
     * Disconnects one of the business's connections: with {@link DisconnectScope#AIRBYTE_AND_ONRAMP}
     * its source is deleted in Airbyte first, with {@link DisconnectScope#ONRAMP_ONLY} it is left there.
     * {@code listener} hears each step once its journal row is committed. Blocks.
     */
    public DisconnectOutcome disconnect(TenantId tenant, ConnectionId id, DisconnectScope scope,
            DisconnectListener listener) {
        Optional<Connection> found = stores.connections().find(tenant, id);
        if (found.isEmpty()) {
            return new DisconnectOutcome.NotDisconnected(Text.of("connect.disconnect.gone"), false);
        }
        Connection connection = found.get();
        Text who = describe(connection);
        if (!running.add(id)) {
            return refuse(connection, Text.of("connect.disconnect.alreadyRunning", who));
        }
        try {
            Start start = stores.db().inTransaction(tx -> begin(tx, connection, who, scope));
            return switch (start) {
                case Start.Refused refused -> new DisconnectOutcome.NotDisconnected(refused.text(), false);
                case Start.Done done -> disconnected(connection, done.text());
                case Start.Proceed proceed -> run(connection, who, proceed.flow(), proceed.state(), listener);
            };
        } finally {
            running.remove(id);
        }
    }

    /**
     * Finishes every disconnect an earlier run left unfinished (a crash, a kill): its source is
     * deleted again when it may still be there (a source Airbyte no longer has counts as deleted), and
     * the connection is marked disconnected with its one audit entry. One whose Airbyte cannot be
     * reached stays for the next start, or for a disconnect of the same connection, which takes it
     * over. Returns how many were finished.
     */
    public int recoverUnfinished() {
        int finished = 0;
        for (FlowRecord flow : stores.journal().unfinished(FlowKind.DISCONNECT)) {
            Optional<Connection> connection = flow.connectionId()
                    .flatMap(id -> stores.connections().find(flow.tenantId(), id));
            if (connection.isEmpty() || running.contains(connection.get().id())) {
                continue;
            }
            try {
                String source = flow.sourceId().orElse(connection.get().sourceId());
                SourceFate fate = flow.state() == FlowState.DISCONNECTING
                        ? delete(airbyteOf.apply(flow.tenantId()), source)
                        : SourceFate.GONE;
                finish(connection.get(), flow.id(), "source=" + source + " " + fate.words()
                        + ", finished at start after the disconnect was interrupted in " + flow.state());
                finished++;
            } catch (AirbyteException e) {
                LOG.warn("Could not finish the interrupted disconnect {} yet: {}", flow.id(), e.getMessage());
            } catch (StoreException e) {
                LOG.error("Could not record the end of the interrupted disconnect {}: {}", flow.id(), e.getMessage());
            }
        }
        return finished;
    }

    /** What the transaction that starts a disconnect decided. */
    private sealed interface Start {
        /** Another flow stands in the way, or the connection is disconnected already; audited. */
        record Refused(Text text) implements Start {}

        /** Removed from Onramp only, in that one transaction. */
        record Done(Text text) implements Start {}

        /** The journal holds the disconnect at {@code state}: the source is deleted next (or already was). */
        record Proceed(FlowId flow, FlowState state) implements Start {}
    }

    /**
     * With the connection's row locked: refuses when it is disconnected or a reconnect of it runs;
     * removes it from Onramp at once when asked for that alone; otherwise records the intent, or takes
     * over a disconnect an earlier run left unfinished.
     */
    private Start begin(Tx tx, Connection before, Text who, DisconnectScope scope) {
        TenantId tenant = before.tenantId();
        Connection connection = stores.connections().lock(tx, tenant, before.id()).orElse(before);
        if (connection.disconnected()) {
            return refusedIn(tx, connection, connection.disconnectedAt()
                    .map(at -> Text.of("connect.disconnect.alreadyDisconnectedOn", who, at))
                    .orElse(Text.of("connect.disconnect.alreadyDisconnected", who)));
        }
        List<FlowRecord> unfinished = stores.journal().unfinishedOn(tx, tenant, connection.id());
        if (unfinished.stream().anyMatch(flow -> flow.kind() == FlowKind.CONNECT)) {
            return refusedIn(tx, connection, Text.of("connect.disconnect.beingReconnected", who));
        }
        // The database is open to this process alone: a disconnect it is not running now was cut short
        // by an earlier one, and this one finishes it.
        Optional<FlowRecord> earlier = unfinished.stream().filter(flow -> flow.kind() == FlowKind.DISCONNECT).findFirst();
        Instant now = stores.clock().instant();
        FlowId flow = earlier.map(FlowRecord::id).orElseGet(FlowId::random);
        if (scope == DisconnectScope.ONRAMP_ONLY) {
            Text airbyte = airbyteName(tenant);
            if (earlier.isPresent()) {
                stores.journal().advance(tx, tenant, flow, FlowState.DISCONNECTED, Optional.empty(),
                        Optional.of("Removed from Onramp only."));
            } else {
                stores.journal().start(tx, tenant, new FlowRecord(flow, tenant, connection.providerId(),
                        FlowState.DISCONNECTED, Optional.of(connection.sourceId()), Optional.of("Removed from Onramp only."),
                        now, now, FlowKind.DISCONNECT, Optional.of(connection.id())));
            }
            stores.connections().disconnected(tx, tenant, connection.id(), now);
            stores.audit().append(tx, tenant, stores.actor(), "connection.disconnected", resource(connection),
                    subject(connection) + " source=" + connection.sourceId() + " stays in "
                            + Messages.english().render(airbyte) + " (removed from Onramp only) flow=" + flow);
            return new Start.Done(Text.of("connect.disconnect.removedFromOnrampOnly", who, connection.sourceId(), airbyte));
        }
        if (earlier.isPresent()) {
            return new Start.Proceed(flow, earlier.get().state());
        }
        stores.journal().start(tx, tenant, new FlowRecord(flow, tenant, connection.providerId(),
                FlowState.DISCONNECTING, Optional.of(connection.sourceId()), Optional.empty(), now, now,
                FlowKind.DISCONNECT, Optional.of(connection.id())));
        return new Start.Proceed(flow, FlowState.DISCONNECTING);
    }

    /** Deletes the source (unless an earlier run did), then marks the connection disconnected. */
    private DisconnectOutcome run(Connection connection, Text who, FlowId flow, FlowState state,
            DisconnectListener listener) {
        SourceFate fate = SourceFate.GONE;
        if (state == FlowState.DISCONNECTING) {
            listener.onStep(DisconnectStep.DELETING_SOURCE);
            try {
                AirbyteGateway airbyte = airbyteOf.apply(connection.tenantId());
                Optional<Tenant> tenant = stores.tenants().find(connection.tenantId());
                Optional<AirbyteLocation> now = tenant.map(found -> stores.locationNow(found, airbyte));
                if (connection.airbyte().isPresent() && now.isPresent() && connection.airbyte().get().differsFrom(now.get())) {
                    // That Airbyte would answer 404, and "already gone" would be false: the source lives elsewhere.
                    throw new AirbyteException(AirbyteException.Kind.NOT_FOUND, Text.of("connect.disconnect.livesElsewhere",
                            connection.airbyte().get().text(), tenant.get().name(), now.get().text()));
                }
                fate = delete(airbyte, connection.sourceId());
            } catch (AirbyteException e) {
                return failed(connection, who, flow, e);
            }
            stores.db().inTransaction(tx -> {
                stores.journal().advance(tx, connection.tenantId(), flow, FlowState.SOURCE_DELETED, Optional.empty(),
                        Optional.empty());
                return null;
            });
        }
        listener.onStep(DisconnectStep.SAVING);
        finish(connection, flow, "source=" + connection.sourceId() + " " + fate.words());
        return disconnected(connection, switch (fate) {
            case DELETED -> Text.of("connect.disconnect.deleted", who, connection.sourceId());
            case ALREADY_GONE -> Text.of("connect.disconnect.alreadyGone", who, connection.sourceId());
            case GONE -> Text.of("connect.disconnect.sourceGone", who, connection.sourceId());
        });
    }

    /** What became of a disconnected connection's source, in the words of its audit entry. */
    private enum SourceFate {
        /** Airbyte deleted it now. */
        DELETED("deleted in Airbyte"),
        /** Airbyte answered that it has no such source (404): someone deleted it before. */
        ALREADY_GONE("already gone from Airbyte"),
        /** An earlier, interrupted run saw it deleted or gone. */
        GONE("gone from Airbyte");

        private final String words;

        SourceFate(String words) {
            this.words = words;
        }

        String words() {
            return words;
        }
    }

    /** Asks Airbyte to delete the source; says whether it did or no longer had it. */
    private static SourceFate delete(AirbyteGateway airbyte, String sourceId) {
        try {
            airbyte.deleteSource(sourceId);
            return SourceFate.DELETED;
        } catch (AirbyteException e) {
            if (e.kind() == AirbyteException.Kind.NOT_FOUND) {
                return SourceFate.ALREADY_GONE;
            }
            throw e;
        }
    }

    /** In one transaction: the connection marked disconnected, the journal's end, and the one audit entry. */
    private void finish(Connection connection, FlowId flow, String details) {
        Instant now = stores.clock().instant();
        stores.db().inTransaction(tx -> {
            stores.connections().disconnected(tx, connection.tenantId(), connection.id(), now);
            stores.journal().advance(tx, connection.tenantId(), flow, FlowState.DISCONNECTED, Optional.empty(),
                    Optional.empty());
            stores.audit().append(tx, connection.tenantId(), stores.actor(), "connection.disconnected",
                    resource(connection), subject(connection) + " " + details + " flow=" + flow);
            return null;
        });
    }

    /** Airbyte did not delete the source: the flow ends FAILED, the connection stays, and removing it from Onramp only is offered. */
    private DisconnectOutcome failed(Connection connection, Text who, FlowId flow, AirbyteException e) {
        Text message = switch (e.kind()) {
            case UNREACHABLE, TIMEOUT, SERVER_ERROR, RATE_LIMITED -> Text.of("connect.disconnect.unreachable", who, e.text());
            default -> Text.of("connect.disconnect.notDeleted", who, e.text());
        };
        stores.db().inTransaction(tx -> {
            stores.journal().advance(tx, connection.tenantId(), flow, FlowState.FAILED, Optional.empty(),
                    Optional.of(Messages.english().render(message)));
            stores.audit().append(tx, connection.tenantId(), stores.actor(), "disconnect.failed", resource(connection),
                    subject(connection) + " source=" + connection.sourceId() + " stays connected flow=" + flow + ": "
                            + e.getMessage());
            return null;
        });
        return new DisconnectOutcome.NotDisconnected(message, true);
    }

    private DisconnectOutcome disconnected(Connection before, Text message) {
        Connection after = stores.connections().find(before.tenantId(), before.id()).orElse(before);
        return new DisconnectOutcome.Disconnected(after, message);
    }

    /** A refusal outside any other transaction, with its audit entry (in English). */
    private DisconnectOutcome refuse(Connection connection, Text message) {
        stores.db().inTransaction(tx -> refusedIn(tx, connection, message));
        return new DisconnectOutcome.NotDisconnected(message, false);
    }

    private Start refusedIn(Tx tx, Connection connection, Text message) {
        stores.audit().append(tx, connection.tenantId(), stores.actor(), "disconnect.refused", resource(connection),
                subject(connection) + ": " + Messages.english().render(message));
        return new Start.Refused(message);
    }

    private DisconnectRefusedException refused(TenantId tenant, String subject, Text message, boolean usage) {
        stores.db().inTransaction(tx -> {
            stores.audit().append(tx, tenant, stores.actor(), "disconnect.refused", "tenant/" + tenant,
                    subject + ": " + Messages.english().render(message));
            return null;
        });
        return new DisconnectRefusedException(message, usage);
    }

    /** "HubSpot (account acme@example.com) of Acme Outdoor". */
    private Text describe(Connection connection) {
        String provider = catalog.provider(connection.providerId()).map(Provider::name).orElse(connection.providerId());
        Object business = stores.tenants().find(connection.tenantId()).<Object>map(Tenant::name)
                .orElse(Text.of("connect.disconnect.itsBusiness"));
        return shownAccount(connection, provider)
                .map(label -> Text.of("connect.disconnect.whoWithAccount", provider, label, business))
                .orElse(Text.of("connect.disconnect.who", provider, business));
    }

    /**
     * " (account acme@example.com)" for a connection whose label names its account, empty for one
     * whose label is only its provider's name (a sign-in that names no account).
     */
    public static String account(Connection connection, String providerName) {
        return shownAccount(connection, providerName).map(label -> " (account " + label + ")").orElse("");
    }

    /** The connection's account label as sentences show it, unless it is blank or just the provider's name. */
    public static Optional<String> shownAccount(Connection connection, String providerName) {
        return label(connection).filter(label -> !label.equalsIgnoreCase(providerName));
    }

    private Text airbyteName(TenantId tenant) {
        try {
            return Text.of("airbyte.at", airbyteOf.apply(tenant).baseUrl().toString());
        } catch (AirbyteException e) {
            return Text.of("connect.disconnect.businessAirbyte");
        }
    }

    private static Optional<String> label(Connection connection) {
        return Optional.ofNullable(connection.accountLabel()).filter(label -> !label.isBlank()).map(DisconnectService::shown);
    }

    private static String subject(Connection connection) {
        return "provider=" + connection.providerId() + label(connection).map(label -> " account=" + label).orElse("");
    }

    private static String resource(Connection connection) {
        return "connection/" + connection.id();
    }

    private static Text labels(List<Connection> connections) {
        return Text.joined(", ", connections.stream()
                .map(c -> label(c).<Object>map(label -> "\"" + label + "\"")
                        .orElse(Text.of("connect.disconnect.noLabel", c.sourceId())))
                .toList());
    }

    /**
     * Text as it may be repeated in a sentence or an audit entry: control characters escaped, and
     * a long one cut short with its length said.
     */
    static String shown(String text) {
        StringBuilder out = new StringBuilder();
        text.codePoints().limit(SHOWN_LABEL).forEach(c -> {
            if (Character.isISOControl(c)) {
                out.append(String.format(Locale.ROOT, "\\u%04x", c));
            } else {
                out.appendCodePoint(c);
            }
        });
        long length = text.codePoints().count();
        return length > SHOWN_LABEL ? out + "… (" + length + " characters)" : out.toString();
    }

    /** A name as a shell reads it back: as it is when plain, else in double quotes. */
    private static String quoted(String value) {
        return value.matches("[A-Za-z0-9._@+:/-]+") ? value
                : '"' + value.replaceAll("([\\\\\"$`])", "\\\\$1") + '"';
    }

}
