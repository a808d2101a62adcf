package dev.onramp;

import dev.onramp.airbyte.AirbyteAddress;
import dev.onramp.airbyte.AirbyteGateway;
import dev.onramp.airbyte.ConfigApiGateway;
import dev.onramp.catalog.Catalog;
import dev.onramp.connect.ConnectService;
import dev.onramp.connect.TenantService;
import dev.onramp.demo.AirbyteSimulator;
import dev.onramp.store.AuditLog;
import dev.onramp.store.ConnectionRepository;
import dev.onramp.store.Database;
import dev.onramp.store.FileKekStore;
import dev.onramp.store.FlowJournal;
import dev.onramp.store.KekStore;
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
    private final ExecutorService background;
    private final Optional<AirbyteSimulator> simulator;
    private final String airbyteDescription;

    private AppContext(Deque<AutoCloseable> closeables, Catalog catalog, TenantService tenants,
            ConnectService connect, ExecutorService background, Optional<AirbyteSimulator> simulator,
            String airbyteDescription) {
        this.closeables = closeables;
        this.catalog = catalog;
        this.tenants = tenants;
        this.connect = connect;
        this.background = background;
        this.simulator = simulator;
        this.airbyteDescription = airbyteDescription;
    }

    /** Opens the store, starts the simulator when no Airbyte is configured, and wires the services. */
    public static AppContext start(AppOptions options) {
        // Refused before anything is opened: plain http to another computer would expose tokens.
        options.airbyteUrl().ifPresent(AirbyteAddress::requireSafe);
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

            Optional<AirbyteSimulator> simulator = Optional.empty();
            String description;
            AirbyteGateway gateway;
            if (options.airbyteUrl().isPresent()) {
                gateway = new ConfigApiGateway(options.airbyteUrl().get(), REQUEST_TIMEOUT);
                description = "Airbyte at " + options.airbyteUrl().get();
            } else {
                AirbyteSimulator started = AirbyteSimulator.start(options.simulatorLatency());
                closeables.push(started);
                simulator = Optional.of(started);
                gateway = new ConfigApiGateway(started.apiBaseUrl(), REQUEST_TIMEOUT);
                description = "Demo: the built-in Airbyte simulator";
            }

            ExecutorService background = Executors.newThreadPerTaskExecutor(
                    Thread.ofVirtual().name("onramp-work-", 0).factory());
            closeables.push(() -> shutdown(background));

            TenantService tenants = new TenantService(db, tenantRepository, audit, catalog, actor);
            ConnectService connect = new ConnectService(catalog, gateway, db, tenantRepository, connections,
                    journal, audit, options.browser(), background, clock, options.consentTimeout(), actor);
            // Closed first: running flows are cancelled, their loopback ports closed and their ends
            // recorded while the executor and the database are still there.
            closeables.push(connect);
            int recovered = connect.recoverUnfinished();
            if (recovered > 0) {
                LOG.info("Ended {} connect flow(s) left unfinished by an earlier run", recovered);
            }
            return new AppContext(closeables, catalog, tenants, connect, background, simulator, description);
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

    /** The executor for blocking work (HTTP, JDBC); never the FX thread. */
    public ExecutorService background() {
        return background;
    }

    /** True when the embedded simulator stands in for Airbyte. */
    public boolean demo() {
        return simulator.isPresent();
    }

    /** A short description of the Airbyte in use, e.g. "Demo: the built-in Airbyte simulator". */
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
