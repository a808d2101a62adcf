package dev.onramp.connect;

import dev.onramp.business.AirbyteSelection;
import dev.onramp.business.DemoAirbyte;
import dev.onramp.business.IdleReset;
import dev.onramp.business.TenantService;
import dev.onramp.catalog.Catalog;
import dev.onramp.model.AirbyteSettings;
import dev.onramp.model.Connection;
import dev.onramp.model.FlowKind;
import dev.onramp.model.FlowRecord;
import dev.onramp.model.Provider;
import dev.onramp.model.Tenant;
import dev.onramp.model.TenantId;
import dev.onramp.store.AuditLog;
import dev.onramp.store.ConnectionRepository;
import dev.onramp.store.Database;
import dev.onramp.store.FlowJournal;
import dev.onramp.store.TenantRepository;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Returns Onramp to a clean demo in one step, as a trade-show kiosk needs between visitors: every business
 * deleted, each connection disconnected first (its source deleted in the built-in simulator), a fresh
 * {@value TenantService#DEMO_NAME} made, and the simulator told to forget what visitors left. Refused,
 * changing nothing, while any business uses a real Airbyte or a flow is under way. Every call blocks.
 */
public final class DemoReset {
    private static final Logger LOG = LoggerFactory.getLogger(DemoReset.class);

    private final Catalog catalog;
    private final Database db;
    private final TenantRepository tenants;
    private final ConnectionRepository connections;
    private final FlowJournal journal;
    private final AuditLog audit;
    private final DisconnectService disconnects;
    private final AirbyteSelection selection;
    private final Optional<DemoAirbyte> simulator;
    private final IdleReset idleReset;
    private final String actor;

    /**
     * @param simulator the built-in simulator this Onramp runs, if it runs one (not with --airbyte-url, nor
     *     beside another Onramp that runs it)
     */
    public DemoReset(Catalog catalog, Database db, TenantRepository tenants, ConnectionRepository connections,
            FlowJournal journal, AuditLog audit, DisconnectService disconnects, AirbyteSelection selection,
            Optional<DemoAirbyte> simulator, IdleReset idleReset, String actor) {
        this.catalog = Objects.requireNonNull(catalog, "catalog");
        this.db = Objects.requireNonNull(db, "db");
        this.tenants = Objects.requireNonNull(tenants, "tenants");
        this.connections = Objects.requireNonNull(connections, "connections");
        this.journal = Objects.requireNonNull(journal, "journal");
        this.audit = Objects.requireNonNull(audit, "audit");
        this.disconnects = Objects.requireNonNull(disconnects, "disconnects");
        this.selection = Objects.requireNonNull(selection, "selection");
        this.simulator = Objects.requireNonNull(simulator, "simulator");
        this.idleReset = Objects.requireNonNull(idleReset, "idleReset");
        this.actor = Objects.requireNonNull(actor, "actor");
    }

    /** What a reset would delete, or why it would be refused; changes nothing. */
    public record Plan(int businesses, int connections, Optional<String> refusal) {
        /** What the reset deletes and makes, as a sentence for a confirmation. */
        public String description() {
            return "Every business and its connections are deleted (" + count(businesses, "business", "businesses")
                    + ", " + count(connections, "connection", "connections") + "; each source deleted in the built-in"
                    + " simulator), and a fresh " + TenantService.DEMO_NAME + " is made.";
        }
    }

    /** How a reset ended, as a sentence to show a person. */
    public sealed interface Outcome {
        String message();

        /** The demo is clean: {@code sample} is the one business now. */
        record Reset(String message, Tenant sample) implements Outcome {}

        /** Nothing was reset; {@code message} says why and what to do. */
        record NotReset(String message) implements Outcome {}
    }

    /** The app-wide setting of when the window resets the demo by itself. */
    public IdleReset idleReset() {
        return idleReset;
    }

    /** What a reset would delete now, or why it would be refused. */
    public Plan plan() {
        List<Tenant> all = tenants.list();
        int live = all.stream().mapToInt(tenant -> live(tenant.id()).size()).sum();
        return new Plan(all.size(), live, refusal(all));
    }

    /**
     * Resets the demo; {@code step} hears each step as it begins. Refused, changing nothing, while a
     * business uses a real Airbyte, this Onramp has no built-in simulator, or a flow is under way. The
     * businesses' rows go, and the sample business comes, in one transaction, audited; a connection that
     * cannot be disconnected stops the reset before that (the ones disconnected already stay so).
     */
    public Outcome reset(Consumer<String> step) {
        List<Tenant> all = tenants.list();
        Optional<String> refused = refusal(all);
        if (refused.isPresent()) {
            // Audited like every refusal, but by a reader, which may write nothing.
            if (!db.reader() && !all.isEmpty()) {
                db.inTransaction(tx -> {
                    audit.append(tx, all.getFirst().id(), actor, "demo.reset-refused", "every-business",
                            "reason=" + refused.get());
                    return null;
                });
            }
            return new Outcome.NotReset(refused.get());
        }
        int disconnected = 0;
        for (Tenant tenant : all) {
            for (Connection connection : live(tenant.id())) {
                String who = describe(connection) + " of " + tenant.name();
                step.accept("Disconnecting " + who + "…");
                DisconnectOutcome outcome = disconnects.disconnect(tenant.id(), connection.id(),
                        DisconnectScope.AIRBYTE_AND_ONRAMP, DisconnectListener.NONE);
                if (outcome instanceof DisconnectOutcome.NotDisconnected failed) {
                    return new Outcome.NotReset("The demo was not reset: " + who + " could not be disconnected. "
                            + failed.message() + (disconnected == 0 ? "" : " The " + count(disconnected,
                                    "connection", "connections") + " disconnected before it stay so.")
                            + " Try again.");
                }
                disconnected++;
            }
        }
        step.accept("Making a fresh " + TenantService.DEMO_NAME + "…");
        int connectionCount = disconnected;
        Outcome outcome = db.inTransaction(tx -> {
            List<Tenant> locked = tenants.list().stream()
                    .map(tenant -> tenants.lock(tx, tenant.id()))
                    .flatMap(Optional::stream).toList();
            if (!locked.stream().map(Tenant::id).toList().equals(all.stream().map(Tenant::id).toList())) {
                return new Outcome.NotReset("A business was added or deleted while the demo was being reset, so it"
                        + " was not reset: reset it again.");
            }
            for (Tenant tenant : locked) {
                List<FlowRecord> started = journal.unfinishedOf(tx, tenant.id());
                if (!started.isEmpty()) {
                    return new Outcome.NotReset(underWay(started.getFirst()));
                }
            }
            for (Tenant tenant : locked) {
                tenants.delete(tx, tenant.id());
                audit.append(tx, tenant.id(), actor, "tenant.deleted", "tenant/" + tenant.id(),
                        "name=" + tenant.name() + " sources=deleted reason=demo-reset");
            }
            Tenant sample = new Tenant(TenantId.random(), TenantService.DEMO_NAME, sampleType(), Optional.empty());
            tenants.insert(tx, sample);
            audit.append(tx, sample.id(), actor, "tenant.created", "tenant/" + sample.id(),
                    "name=" + sample.name() + " type=" + sample.businessTypeId());
            audit.append(tx, sample.id(), actor, "demo.reset", "every-business",
                    "businesses_deleted=" + locked.size() + " connections_disconnected=" + connectionCount);
            return new Outcome.Reset("The demo was reset: " + count(locked.size(), "business", "businesses")
                    + " and " + count(connectionCount, "connection", "connections") + " deleted, and "
                    + sample.name() + " starts afresh.", sample);
        });
        if (outcome instanceof Outcome.Reset) {
            step.accept("Clearing the built-in simulator…");
            try {
                int left = simulator.orElseThrow().forgetVisitors();
                LOG.info("Demo reset: the simulator forgot {} source(s) no business had", left);
            } catch (RuntimeException e) {
                LOG.warn("Demo reset: the simulator could not forget its sources: {}", e.toString());
                return new Outcome.Reset(outcome.message() + " The simulator could not forget the sign-ins it"
                        + " kept (" + e.getMessage() + "); reset again to try once more.",
                        ((Outcome.Reset) outcome).sample());
            }
        }
        return outcome;
    }

    /** Why a reset is refused now, if it is. */
    private Optional<String> refusal(List<Tenant> all) {
        if (db.reader()) {
            return Optional.of("Another Onramp has this data folder open (the window, or a command still running),"
                    + " and only that one may change it: reset the demo there (Demo → Reset demo…), or close it and"
                    + " try again. Nothing was changed.");
        }
        if (selection.override().isPresent()) {
            return Optional.of("This Onramp uses the Airbyte at " + selection.override().get() + " (--airbyte-url),"
                    + " not the built-in simulator, so there is no demo to reset: start it without --airbyte-url."
                    + " Nothing was changed.");
        }
        for (Tenant tenant : all) {
            AirbyteSettings saved = selection.saved(tenant.id());
            if (!(saved instanceof AirbyteSettings.Demo)) {
                return Optional.of(tenant.name() + " uses " + describeAirbyte(saved) + ", not the built-in simulator,"
                        + " and a demo reset deletes every business: delete " + tenant.name() + " or set it back to"
                        + " the simulator in its Settings, then reset the demo. Nothing was changed.");
            }
        }
        if (simulator.isEmpty()) {
            return Optional.of("This Onramp does not run the built-in simulator, so it cannot clear it: reset the"
                    + " demo in the Onramp that runs it. Nothing was changed.");
        }
        List<FlowRecord> busy = journal.unfinished();
        if (!busy.isEmpty()) {
            return Optional.of(underWay(busy.getFirst()));
        }
        return Optional.empty();
    }

    private static String describeAirbyte(AirbyteSettings saved) {
        return switch (saved) {
            case AirbyteSettings.Demo demo -> "the built-in simulator";
            case AirbyteSettings.SelfManaged selfManaged -> "the Airbyte at " + selfManaged.url();
            case AirbyteSettings.Cloud cloud -> "Airbyte Cloud";
        };
    }

    /** "A HubSpot connect is under way: cancel it first, then reset the demo." */
    private String underWay(FlowRecord flow) {
        String provider = catalog.provider(flow.providerId()).map(Provider::name).orElse(flow.providerId());
        String what = flow.kind() == FlowKind.DISCONNECT ? "disconnect"
                : flow.connectionId().isPresent() ? "reconnect" : "connect";
        String article = provider.matches("(?i)^[aeiou].*") ? "An " : "A ";
        return article + provider + " " + what + " is under way: "
                + (flow.kind() == FlowKind.DISCONNECT ? "let it finish" : "cancel it first")
                + ", then reset the demo.";
    }

    private List<Connection> live(TenantId tenant) {
        return connections.list(tenant).stream().filter(c -> !c.disconnected()).toList();
    }

    private String sampleType() {
        return catalog.businessType(TenantService.DEMO_TYPE).isPresent() ? TenantService.DEMO_TYPE
                : catalog.businessTypes().getFirst().id();
    }

    private String describe(Connection connection) {
        String name = catalog.provider(connection.providerId()).map(Provider::name).orElse(connection.providerId());
        return connection.accountLabel() == null || connection.accountLabel().isBlank() ? name
                : name + " (" + connection.accountLabel() + ")";
    }

    private static String count(int n, String one, String many) {
        return n + " " + (n == 1 ? one : many);
    }
}
