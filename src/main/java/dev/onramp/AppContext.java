package dev.onramp;

import dev.onramp.airbyte.AirbyteException;
import dev.onramp.airbyte.AirbyteGateway;
import dev.onramp.airbyte.ConfigApiGateway;
import dev.onramp.catalog.Catalog;
import dev.onramp.catalog.ConnectorSpecs;
import dev.onramp.connect.AirbyteTargets;
import dev.onramp.connect.ConnectService;
import dev.onramp.connect.CredentialsService;
import dev.onramp.connect.SettingsService;
import dev.onramp.connect.TenantService;
import dev.onramp.demo.AirbyteSimulator;
import dev.onramp.model.AirbyteSettings;
import dev.onramp.store.AuditLog;
import dev.onramp.store.ConnectionRepository;
import dev.onramp.store.Database;
import dev.onramp.store.FileKekStore;
import dev.onramp.store.FlowJournal;
import dev.onramp.store.KekStore;
import dev.onramp.store.SettingsRepository;
import dev.onramp.store.TenantRepository;
import dev.onramp.store.Vault;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The composition root: builds every service once and closes them in reverse order. */
public final class AppContext implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(AppContext.class);
    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(30);

    private final Deque<AutoCloseable> closeables;
    private final Catalog catalog;
    private final TenantService tenants;
    private final ConnectService connect;
    private final CredentialsService credentials;
    private final SettingsService settings;
    private final ExecutorService background;
    private final Optional<AirbyteSimulator> simulator;
    private final String airbyteDescription;

    private AppContext(Deque<AutoCloseable> closeables, Catalog catalog, TenantService tenants,
            ConnectService connect, CredentialsService credentials, SettingsService settings,
            ExecutorService background, Optional<AirbyteSimulator> simulator, String airbyteDescription) {
        this.closeables = closeables;
        this.catalog = catalog;
        this.tenants = tenants;
        this.connect = connect;
        this.credentials = credentials;
        this.settings = settings;
        this.background = background;
        this.simulator = simulator;
        this.airbyteDescription = airbyteDescription;
    }

    /** Opens the store, starts the simulator when no Airbyte is configured, and wires the services. */
    public static AppContext start(AppOptions options) {
        Deque<AutoCloseable> closeables = new ArrayDeque<>();
        try {
            Clock clock = Clock.systemUTC();
            String actor = "user:" + System.getProperty("user.name", "unknown");
            Catalog catalog = Catalog.bundled();

            Database db = Database.open(options.dataDir());
            closeables.push(db);
            KekStore kek = new FileKekStore(options.dataDir().resolve("keys").resolve("onramp.kek"));
            Vault vault = Vault.open(db, kek);
            TenantRepository tenantRepository = new TenantRepository(db);
            ConnectionRepository connections = new ConnectionRepository(db, vault);
            FlowJournal journal = new FlowJournal(db, clock);
            AuditLog audit = new AuditLog(db, clock);

            SettingsRepository settingsRepository = new SettingsRepository(db, vault, clock);

            // With --airbyte-url every business uses that Airbyte for this run; otherwise each uses
            // the one its settings name, the simulator by default.
            Optional<AirbyteSimulator> simulator = Optional.empty();
            String description;
            if (options.airbyteUrl().isPresent()) {
                description = "Airbyte at " + options.airbyteUrl().get();
            } else {
                AirbyteSimulator started = AirbyteSimulator.start(options.simulatorLatency());
                closeables.push(started);
                simulator = Optional.of(started);
                description = "Demo: the built-in Airbyte simulator";
            }
            Optional<AirbyteSimulator> demo = simulator;
            AirbyteTargets targets = new AirbyteTargets(settingsRepository, target -> gateway(target, demo),
                    options.airbyteUrl());

            ExecutorService background = Executors.newThreadPerTaskExecutor(
                    Thread.ofVirtual().name("onramp-work-", 0).factory());
            closeables.push(() -> shutdown(background));

            TenantService tenants = new TenantService(db, tenantRepository, audit, catalog, actor);
            ConnectService connect = new ConnectService(catalog, targets, db, tenantRepository, connections,
                    journal, audit, options.browser(), background, clock, options.consentTimeout(), actor);
            CredentialsService credentials = new CredentialsService(catalog, ConnectorSpecs.bundled(catalog), targets,
                    db, tenantRepository, connections, journal, audit, background, clock, actor);
            SettingsService settings = new SettingsService(db, settingsRepository, tenantRepository, audit, targets,
                    actor);
            int recovered = connect.recoverUnfinished();
            if (recovered > 0) {
                LOG.info("Ended {} connect flow(s) left unfinished by an earlier run", recovered);
            }
            return new AppContext(closeables, catalog, tenants, connect, credentials, settings, background, simulator,
                    description);
        } catch (RuntimeException e) {
            closeAll(closeables);
            throw e;
        }
    }

    public Catalog catalog() {
        return catalog;
    }

    public TenantService tenants() {
        return tenants;
    }

    public ConnectService connect() {
        return connect;
    }

    /** Connecting providers with typed credentials (Stripe, Shopify's API password, …). */
    public CredentialsService credentials() {
        return credentials;
    }

    /** Which Airbyte each business uses. */
    public SettingsService settings() {
        return settings;
    }

    /** The executor for blocking work (HTTP, JDBC); never the FX thread. */
    public ExecutorService background() {
        return background;
    }

    /** True when the embedded simulator stands in for Airbyte. */
    public boolean demo() {
        return simulator.isPresent();
    }

    /**
     * A short description of the Airbyte used by default, e.g. "Demo: the built-in Airbyte simulator";
     * {@link SettingsService#describe} gives the one a business uses.
     */
    public String airbyteDescription() {
        return airbyteDescription;
    }

    public Optional<AirbyteSimulator> simulator() {
        return simulator;
    }

    @Override
    public void close() {
        closeAll(closeables);
    }

    /** The gateway to the Airbyte that {@code target} names; the Config API adapter for the simulator too. */
    private static AirbyteGateway gateway(AirbyteSettings target, Optional<AirbyteSimulator> simulator) {
        return switch (target) {
            case AirbyteSettings.Demo demo -> new ConfigApiGateway(simulator.orElseThrow(() -> new AirbyteException(
                    AirbyteException.Kind.UNREACHABLE, "The built-in Airbyte simulator is not running, because this"
                            + " run was started with --airbyte-url.")).apiBaseUrl(), REQUEST_TIMEOUT);
            case AirbyteSettings.SelfManaged selfManaged when selfManaged.login().isEmpty() ->
                    new ConfigApiGateway(selfManaged.url(), REQUEST_TIMEOUT);
            case AirbyteSettings.SelfManaged selfManaged -> throw new AirbyteException(AirbyteException.Kind.REJECTED,
                    "This version of Onramp cannot sign in to a protected Airbyte at " + selfManaged.url()
                            + ": remove the login in Settings if this Airbyte does not need one.");
            case AirbyteSettings.Cloud cloud -> throw new AirbyteException(AirbyteException.Kind.REJECTED,
                    "This version of Onramp cannot connect to Airbyte Cloud: choose a self-managed Airbyte or"
                            + " demo mode in Settings.");
        };
    }

    private static void closeAll(Deque<AutoCloseable> closeables) {
        while (!closeables.isEmpty()) {
            AutoCloseable next = closeables.pop();
            try {
                next.close();
            } catch (Exception e) {
                LOG.warn("Closing {} failed: {}", next, e.toString());
            }
        }
    }

    private static void shutdown(ExecutorService executor) throws InterruptedException {
        executor.shutdown();
        if (!executor.awaitTermination(5, TimeUnit.SECONDS)) {
            executor.shutdownNow();
        }
    }
}
