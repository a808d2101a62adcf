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
import dev.onramp.text.Messages;
import dev.onramp.text.Text;
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

    /** What a reset would delete, or why it would be refused ({@code refusalText}); changes nothing. */
    public record Plan(int businesses, int connections, Optional<Text> refusalText) {
        /** What the reset deletes and makes, as a sentence for a confirmation. */
        public Text descriptionText() {
            return Text.of("connect.demoReset.plan", businesses, connections, TenantService.DEMO_NAME);
        }

        /** {@link #descriptionText()} in the window's (the process's display) language. */
        public String description() {
            return Messages.display().render(descriptionText());
        }

        /** {@link #refusalText()} in the window's (the process's display) language. */
        public Optional<String> refusal() {
            return refusalText.map(Messages.display()::render);
        }
    }

    /** How a reset ended, as a sentence to show a person. */
    public sealed interface Outcome {
        /** What happened, as a key and its arguments. */
        Text text();

        /** {@link #text()} in the window's (the process's display) language. */
        default String message() {
            return Messages.display().render(text());
        }

        /** The demo is clean: {@code sample} is the one business now. */
        record Reset(Text text, Tenant sample) implements Outcome {}

        /** Nothing was reset; {@code text} says why and what to do. */
        record NotReset(Text text) implements Outcome {
            /** A refusal said in words already. */
            public NotReset(String message) {
                this(Text.verbatim(message));
            }
        }
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
        return resetWithSteps(text -> step.accept(Messages.display().render(text)));
    }

    /**
     * Resets the demo as {@link #reset(Consumer)} does; {@code step} hears each step as a key and its
     * arguments, to say in the language of the one who asked.
     */
    public Outcome resetWithSteps(Consumer<Text> step) {
        List<Tenant> all = tenants.list();
        Optional<Text> refused = refusal(all);
        if (refused.isPresent()) {
            // Audited like every refusal, but by a reader, which may write nothing.
            if (!db.reader() && !all.isEmpty()) {
                db.inTransaction(tx -> {
                    audit.append(tx, all.getFirst().id(), actor, "demo.reset-refused", "every-business",
                            "reason=" + Messages.english().render(refused.get()));
                    return null;
                });
            }
            return new Outcome.NotReset(refused.get());
        }
        int disconnected = 0;
        for (Tenant tenant : all) {
            for (Connection connection : live(tenant.id())) {
                String who = describe(connection);
                step.accept(Text.of("connect.demoReset.disconnecting", who, tenant.name()));
                DisconnectOutcome outcome = disconnects.disconnect(tenant.id(), connection.id(),
                        DisconnectScope.AIRBYTE_AND_ONRAMP, DisconnectListener.NONE);
                if (outcome instanceof DisconnectOutcome.NotDisconnected failed) {
                    return new Outcome.NotReset(disconnected == 0
                            ? Text.of("connect.demoReset.notReset", who, tenant.name(), failed.text())
                            : Text.of("connect.demoReset.notResetAfter", who, tenant.name(), failed.text(), disconnected));
                }
                disconnected++;
            }
        }
        step.accept(Text.of("connect.demoReset.making", TenantService.DEMO_NAME));
        int connectionCount = disconnected;
        Outcome outcome = db.inTransaction(tx -> {
            List<Tenant> locked = tenants.list().stream()
                    .map(tenant -> tenants.lock(tx, tenant.id()))
                    .flatMap(Optional::stream).toList();
            if (!locked.stream().map(Tenant::id).toList().equals(all.stream().map(Tenant::id).toList())) {
                return new Outcome.NotReset(Text.of("connect.demoReset.changedMeanwhile"));
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
            return new Outcome.Reset(Text.of("connect.demoReset.done", locked.size(), connectionCount, sample.name()),
                    sample);
        });
        if (outcome instanceof Outcome.Reset) {
            step.accept(Text.of("connect.demoReset.clearing"));
            try {
                int left = simulator.orElseThrow().forgetVisitors();
                LOG.info("Demo reset: the simulator forgot {} source(s) no business had", left);
            } catch (RuntimeException e) {
                LOG.warn("Demo reset: the simulator could not forget its sources: {}", e.toString());
                return new Outcome.Reset(Text.of("connect.demoReset.simulatorKept", outcome.text(),
                        String.valueOf(e.getMessage())), ((Outcome.Reset) outcome).sample());
            }
        }
        return outcome;
    }

    /** Why a reset is refused now, if it is. */
    private Optional<Text> refusal(List<Tenant> all) {
        if (db.reader()) {
            return Optional.of(Text.of("connect.demoReset.reader"));
        }
        if (selection.override().isPresent()) {
            return Optional.of(Text.of("connect.demoReset.override", selection.override().get().toString()));
        }
        for (Tenant tenant : all) {
            AirbyteSettings saved = selection.saved(tenant.id());
            if (!(saved instanceof AirbyteSettings.Demo)) {
                return Optional.of(Text.of("connect.demoReset.realAirbyte", tenant.name(), describeAirbyte(saved)));
            }
        }
        if (simulator.isEmpty()) {
            return Optional.of(Text.of("connect.demoReset.noSimulator"));
        }
        List<FlowRecord> busy = journal.unfinished();
        if (!busy.isEmpty()) {
            return Optional.of(underWay(busy.getFirst()));
        }
        return Optional.empty();
    }

    private static Object describeAirbyte(AirbyteSettings saved) {
        return switch (saved) {
            case AirbyteSettings.Demo demo -> Text.of("model.location.simulator");
            case AirbyteSettings.SelfManaged selfManaged -> Text.of("connect.demoReset.airbyteAt", selfManaged.url().toString());
            case AirbyteSettings.Cloud cloud -> "Airbyte Cloud";
        };
    }

    /** "A HubSpot connect is under way: cancel it first, then reset the demo." */
    private Text underWay(FlowRecord flow) {
        String provider = catalog.provider(flow.providerId()).map(Provider::name).orElse(flow.providerId());
        boolean an = provider.matches("(?i)^[aeiou].*"); // English says "An Asana connect"
        if (flow.kind() == FlowKind.DISCONNECT) {
            return an ? Text.of("connect.demoReset.disconnectUnderWayAn", provider)
                    : Text.of("connect.demoReset.disconnectUnderWay", provider);
        }
        if (flow.connectionId().isPresent()) {
            return an ? Text.of("connect.demoReset.reconnectUnderWayAn", provider)
                    : Text.of("connect.demoReset.reconnectUnderWay", provider);
        }
        return an ? Text.of("connect.demoReset.connectUnderWayAn", provider)
                : Text.of("connect.demoReset.connectUnderWay", provider);
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

}
