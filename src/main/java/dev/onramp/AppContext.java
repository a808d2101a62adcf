package dev.onramp;

import com.fasterxml.jackson.databind.JsonNode;
import dev.onramp.airbyte.AirbyteAddress;
import dev.onramp.airbyte.AirbyteGateway;
import dev.onramp.airbyte.AirbyteGateways;
import dev.onramp.airbyte.CallPolicy;
import dev.onramp.airbyte.AirbyteException;
import dev.onramp.business.RedirectService;
import dev.onramp.catalog.Catalog;
import dev.onramp.catalog.ConnectorSpecs;
import dev.onramp.connect.BusinessRemoval;
import dev.onramp.connect.DemoReset;
import dev.onramp.connect.ConnectService;
import dev.onramp.connect.ProviderLists;
import dev.onramp.connect.CredentialsService;
import dev.onramp.connect.DisconnectService;
import dev.onramp.business.AirbyteSelection;
import dev.onramp.business.DemoAirbyte;
import dev.onramp.business.DemoScenario;
import dev.onramp.business.IdleReset;
import dev.onramp.business.LanguageSetting;
import dev.onramp.business.ThemeSetting;
import dev.onramp.business.WindowPlacement;
import dev.onramp.business.SettingsService;
import dev.onramp.business.TenantService;
import dev.onramp.demo.AirbyteSimulator;
import dev.onramp.demo.Fault;
import dev.onramp.diagnostics.BrowserCheck;
import dev.onramp.diagnostics.ActivityService;
import dev.onramp.diagnostics.Diagnostics;
import dev.onramp.diagnostics.Doctor;
import dev.onramp.diagnostics.FileLogging;
import dev.onramp.diagnostics.Settings;
import dev.onramp.model.AirbyteSettings;
import dev.onramp.model.Provider;
import dev.onramp.text.Messages;
import dev.onramp.store.AppSettingRepository;
import dev.onramp.store.WindowPreferences;
import dev.onramp.store.AuditLog;
import dev.onramp.store.AuditQuery;
import dev.onramp.store.ConnectionRepository;
import dev.onramp.store.DataDirectory;
import dev.onramp.store.Database;
import dev.onramp.store.FlowJournal;
import dev.onramp.store.KekStore;
import dev.onramp.store.KekStores;
import dev.onramp.store.MissingKeyCheck;
import dev.onramp.store.KeyRotation;
import dev.onramp.store.RedirectRepository;
import dev.onramp.store.SettingsRepository;
import dev.onramp.store.StoreException;
import dev.onramp.store.TenantRepository;
import dev.onramp.store.Vault;
import dev.onramp.text.Text;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneId;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The composition root: builds every service once and closes them in reverse order. The window
 * starts it in two steps ({@link #opening}): what the hub draws first, then the rest in the background.
 */
public final class AppContext implements AutoCloseable {
    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(30);
    /** The folder in the data folder where the built-in simulator keeps its sources. */
    static final String SIMULATOR_FOLDER = "simulator";

    /** Why the window does not open beside another Onramp on the same data folder (docs/adr/0029). */
    private final Deque<AutoCloseable> closeables;
    private final Catalog catalog;
    private final TenantService tenants;
    private final ConnectService connect;
    private final CredentialsService credentials;
    private final SettingsService settings;
    private final RedirectService redirects;
    private final ExecutorService background;
    private final Optional<AirbyteSimulator> simulator;
    private final String airbyteDescription;
    private final Diagnostics diagnostics;
    private final AuditLog audit;
    private final KeyRotation keyRotation;
    private final DisconnectService disconnects;
    private final ProviderLists providerLists;
    private final BusinessRemoval businessRemoval;
    private final DemoReset demoReset;
    private final ThemeSetting theme;
    private final boolean reader;
    private final WindowPlacement windowPlacement;
    private final LanguageSetting language;
    /** Closes this context when the JVM is asked to stop (Ctrl+C, SIGTERM) before it was closed. */
    private final Thread closeOnExit = new Thread(this::close, "onramp-close");
    private boolean closed;

    private AppContext(Deque<AutoCloseable> closeables, Catalog catalog, TenantService tenants,
            ConnectService connect, CredentialsService credentials, SettingsService settings, RedirectService redirects,
            ExecutorService background, Optional<AirbyteSimulator> simulator, String airbyteDescription,
            Diagnostics diagnostics, AuditLog audit, KeyRotation keyRotation, DisconnectService disconnects,
            ProviderLists providerLists, BusinessRemoval businessRemoval, DemoReset demoReset, ThemeSetting theme,
            boolean reader, WindowPlacement windowPlacement, LanguageSetting language) {
        this.closeables = closeables;
        this.windowPlacement = windowPlacement;
        this.language = language;
        this.demoReset = demoReset;
        this.theme = theme;
        this.reader = reader;
        this.catalog = catalog;
        this.tenants = tenants;
        this.connect = connect;
        this.credentials = credentials;
        this.settings = settings;
        this.redirects = redirects;
        this.background = background;
        this.simulator = simulator;
        this.airbyteDescription = airbyteDescription;
        this.diagnostics = diagnostics;
        this.audit = audit;
        this.keyRotation = keyRotation;
        this.disconnects = disconnects;
        this.providerLists = providerLists;
        this.businessRemoval = businessRemoval;
    }

    /** Opens the store, starts the simulator when no Airbyte is configured, and wires the services. */
    public static AppContext start(AppOptions options) {
        return start(options, BrowserCheck.ofThisSystem());
    }

    /** As {@link #start(AppOptions)}, with the doctor checking the browser through {@code browserCheck}. */
    public static AppContext start(AppOptions options, BrowserCheck browserCheck) {
        return start(options, browserCheck, Catalog.bundled(), false);
    }

    /**
     * The first step of starting the window: the catalog and which Airbyte is in use, with nothing
     * opened, so the hub can be drawn before the store is opened by {@link Opening#start}.
     */
    public static Opening opening(AppOptions options, Catalog catalog) {
        return new Opening(options, catalog);
    }

    /** What the window shows before the store is open, and the step that builds the rest. */
    public record Opening(AppOptions options, Catalog catalog) {
        /** True when the built-in simulator will stand in for Airbyte. */
        public boolean demo() {
            return options.airbyteUrl().isEmpty();
        }

        /** As {@link AppContext#airbyteDescription()} will say. */
        public String airbyteDescription() {
            return describeAirbyte(options);
        }

        /** Opens the store, starts the simulator and wires the services on a thread of {@code threads}. */
        public CompletableFuture<AppContext> start(Executor threads) {
            // The window changes what it shows, so it must own the data folder; it never opens as a reader.
            return CompletableFuture.supplyAsync(
                    () -> AppContext.start(options, BrowserCheck.ofThisSystem(), catalog, true), threads);
        }
    }

    private static AppContext start(AppOptions options, BrowserCheck browserCheck, Catalog catalog, boolean owner) {
        // Refused before anything is opened: plain http to another computer would expose tokens.
        options.airbyteUrl().ifPresent(AirbyteAddress::requireSafe);
        Deque<AutoCloseable> closeables = new ArrayDeque<>();
        try {
            // Made first, owner-only, before the log file's folder would make it with the default access.
            DataDirectory.create(options.dataDir().toAbsolutePath());
            FileLogging logging = FileLogging.start(options.dataDir().resolve("logs"));
            closeables.push(logging);
            Clock clock = Clock.systemUTC();
            String actor = "user:" + System.getProperty("user.name", "unknown");

            KekStore kek = KekStores.forThisSystem(options.dataDir());
            // Before the database is opened for writing: a missing key is refused with the file as it was.
            MissingKeyCheck.requireKeyOfSavedSecrets(options.dataDir(), kek);
            Database db = Database.open(options.dataDir());
            closeables.push(db);
            if (owner && db.reader()) {
                throw new StoreException(Text.of("app.openElsewhere"));
            }
            Vault vault = Vault.open(db, kek);
            TenantRepository tenantRepository = new TenantRepository(db);
            ConnectionRepository connections = new ConnectionRepository(db, vault);
            FlowJournal journal = new FlowJournal(db, clock);
            AuditLog audit = AuditLog.open(db, kek, clock);
            closeables.push(audit);
            KeyRotation keyRotation = new KeyRotation(db, vault, connections, audit, clock, actor);

            SettingsRepository settingsRepository = new SettingsRepository(db, vault, clock);

            // With --airbyte-url every business uses that Airbyte for this run; otherwise each uses
            // the one its settings name, the simulator by default.
            Optional<AirbyteSimulator> simulator = Optional.empty();
            SimulatorAddress simulatorAddress = new SimulatorAddress(options.dataDir().resolve(SIMULATOR_FOLDER));
            // A reader beside an owner that runs the simulator asks that one; otherwise it runs its own
            // on the same sources, which only the owner's flows change (docs/adr/0029).
            Optional<URI> ownersSimulator = db.reader() ? simulatorAddress.read() : Optional.empty();
            if (options.airbyteUrl().isEmpty() && ownersSimulator.isEmpty()) {
                // Its sources are kept in the data folder, so a demo connection outlives this run and every
                // Onramp on the folder (the window, a command line) sees the same ones.
                AirbyteSimulator started = AirbyteSimulator.builder().latency(options.simulatorLatency())
                        .stateFolder(options.dataDir().resolve(SIMULATOR_FOLDER)).start();
                closeables.push(started);
                if (!db.reader()) {
                    // Removed before the simulator stops, so a reader never asks a simulator that is gone.
                    closeables.push(simulatorAddress.publish(started.apiBaseUrl()));
                }
                simulator = Optional.of(started);
            }
            Optional<AirbyteSimulator> demo = simulator;
            ConnectorSpecs specs = ConnectorSpecs.bundled(catalog);
            AirbyteGateways gateways = new AirbyteGateways(CallPolicy.standard(REQUEST_TIMEOUT),
                    definitionId -> catalog.providerOfDefinition(definitionId).map(Provider::name),
                    definitionId -> specs.specificationOfDefinition(definitionId).map(JsonNode.class::cast),
                    () -> demo.map(AirbyteSimulator::apiBaseUrl).or(() -> ownersSimulator).orElseThrow(
                            () -> new AirbyteException(AirbyteException.Kind.UNREACHABLE,
                                    Text.of("app.simulatorNotRunning"))));
            AirbyteSelection selection = new AirbyteSelection(settingsRepository, gateways::open, options.airbyteUrl());
            AirbyteGateway defaultGateway = gateways.open(defaultAirbyte(options));

            ExecutorService background = Executors.newThreadPerTaskExecutor(
                    Thread.ofVirtual().name("onramp-work-", 0).factory());
            closeables.push(() -> shutdown(background));

            TenantService tenants = new TenantService(db, tenantRepository, audit, catalog, actor);
            RedirectRepository redirectRepository = new RedirectRepository(db, clock);
            RedirectService redirects = new RedirectService(db, redirectRepository, audit, actor);
            // Each business's provider list: the bundled one merged, in the background, with the
            // connectors its self-managed Airbyte lists; the flows find those connectors through it too.
            ProviderLists providerLists = new ProviderLists(catalog, specs, selection, tenantRepository, background,
                    clock, ProviderLists.FRESH_FOR);
            ConnectService connect = new ConnectService(catalog, providerLists, selection::gatewayFor,
                    redirects::effective, db,
                    tenantRepository, connections,
                    journal, audit, options.browser(), background, clock, options.consentTimeout(), actor);
            // Closed first: running flows are cancelled, their loopback ports closed and their ends
            // recorded while the executor and the database are still there.
            closeables.push(connect);
            CredentialsService credentials = new CredentialsService(catalog, providerLists, specs, selection,
                    db, tenantRepository, connections, journal, audit, connect, clock, actor);
            SettingsService settings = new SettingsService(db, settingsRepository, tenantRepository, audit, selection, catalog,
                    actor);
            Diagnostics diagnostics = new Diagnostics(
                    new Doctor(defaultGateway, db, kek, tenantRepository, audit, browserCheck, clock,
                            redirects::defaults, connections),
                    new Settings(options.dataDir().toAbsolutePath(), logging.folder(), defaultGateway.baseUrl(),
                            simulator.isPresent(), kek.description() + kek.fallbackReason()
                                    .map(reason -> " (not the system's key store: " + reason + ")").orElse("")),
                    journal, clock, new ActivityService(audit, new AuditQuery(db), ZoneId.systemDefault()));
            DisconnectService disconnects = new DisconnectService(catalog, selection::gatewayFor, db, tenantRepository,
                    connections, journal, audit, clock, actor);
            // Only the Onramp that owns the database recovers: a flow it finds unfinished may be one the
            // owner runs now, so a reader beside it leaves them all alone.
            if (!db.reader()) {
                int recovered = connect.recoverUnfinished();
                if (recovered > 0) {
                    log().info("Ended {} connect flow(s) left unfinished by an earlier run", recovered);
                }
                int disconnected = disconnects.recoverUnfinished();
                if (disconnected > 0) {
                    log().info("Finished {} disconnect(s) left unfinished by an earlier run", disconnected);
                }
            }
            AppSettingRepository appSettings = new AppSettingRepository(db, clock);
            // The window's theme, language and place live in a file beside the database, read before the first frame.
            WindowPreferences windowPreferences = new WindowPreferences(options.dataDir());
            AppContext context = new AppContext(closeables, catalog, tenants, connect, credentials, settings, redirects,
                    background, simulator, describeAirbyte(options), diagnostics, audit, keyRotation, disconnects,
                    providerLists, new BusinessRemoval(catalog, db, tenantRepository, connections, journal, audit,
                            disconnects, actor),
                    new DemoReset(catalog, db, tenantRepository, connections, journal, audit, disconnects, selection,
                            simulator.map(SimulatorAsDemoAirbyte::new),
                            new IdleReset(db, appSettings, audit, actor), actor),
                    new ThemeSetting(windowPreferences), db.reader(), new WindowPlacement(windowPreferences),
                    new LanguageSetting(windowPreferences));
            Runtime.getRuntime().addShutdownHook(context.closeOnExit);
            return context;
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

    /** Each business's provider list, refreshed in the background from the Airbyte it uses. */
    public ProviderLists providerLists() {
        return providerLists;
    }

    public ConnectService connect() {
        return connect;
    }

    /** Disconnecting a stored connection: its source deleted in Airbyte, or removed from Onramp only. */
    /** Deletes businesses, their connections disconnected first or their sources kept. */
    public BusinessRemoval businessRemoval() {
        return businessRemoval;
    }

    /** Returns Onramp to a clean demo: every business deleted, a fresh sample business, the simulator cleared. */
    public DemoReset demoReset() {
        return demoReset;
    }

    /** The window's theme, remembered for the whole app. */
    public ThemeSetting theme() {
        return theme;
    }

    /** The window's language chosen in View → Language, remembered for the whole app. */
    public LanguageSetting language() {
        return language;
    }

    public DisconnectService disconnects() {
        return disconnects;
    }

    /** Connecting providers with typed credentials (Stripe, Shopify's API password, …). */
    public CredentialsService credentials() {
        return credentials;
    }

    /** Which Airbyte each business uses. */
    public SettingsService settings() {
        return settings;
    }

    /** The loopback redirect each business's sign-ins use. */
    public RedirectService redirects() {
        return redirects;
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
     * True when another Onramp had the data folder open first: this one reads through it and may
     * change nothing (docs/adr/0029).
     */
    public boolean reader() {
        return reader;
    }

    /** Where the window was when it last closed, for the next start. */
    public WindowPlacement windowPlacement() {
        return windowPlacement;
    }

    /** A short description of the Airbyte in use, e.g. "Demo: the built-in Airbyte simulator". */
    public String airbyteDescription() {
        return airbyteDescription;
    }

    /** The doctor, the clipboard summary and the support bundle; every call blocks. */
    public Diagnostics diagnostics() {
        return diagnostics;
    }

    public Optional<AirbyteSimulator> simulator() {
        return simulator;
    }

    /** The window's Demo menu's way to the built-in simulator, while it runs (no --airbyte-url). */
    public Optional<DemoAirbyte> demoAirbyte() {
        return simulator.map(SimulatorAsDemoAirbyte::new);
    }

    /** The tamper-evident audit trail, for verifying and exporting it. */
    public AuditLog audit() {
        return audit;
    }

    /** Rotation of the key that encrypts stored secrets. */
    public KeyRotation keyRotation() {
        return keyRotation;
    }

    /**
     * Closes everything once, in reverse order of opening: running flows are cancelled first and
     * given a few seconds to record their end (journal and audit), then the audit log, the database
     * and the log file are closed. A JVM asked to stop (Ctrl+C, SIGTERM) runs this from its shutdown
     * hook; a second call, from any thread, waits for the first to finish.
     */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        if (Thread.currentThread() != closeOnExit) {
            try {
                Runtime.getRuntime().removeShutdownHook(closeOnExit);
            } catch (IllegalStateException shuttingDown) {
                // The JVM is stopping: its hook finds this context closed.
            }
        }
        closeAll(closeables);
    }

    private static String describeAirbyte(AppOptions options) {
        // Only the window shows it, in the language it speaks.
        return Messages.display().render(defaultAirbyte(options).text());
    }

    /** The Airbyte this run uses where a business has chosen none: the one given with --airbyte-url, else the simulator. */
    private static AirbyteSettings defaultAirbyte(AppOptions options) {
        return options.airbyteUrl().<AirbyteSettings>map(AirbyteSettings.SelfManaged::new)
                .orElseGet(AirbyteSettings.Demo::new);
    }

    private static void closeAll(Deque<AutoCloseable> closeables) {
        while (!closeables.isEmpty()) {
            AutoCloseable next = closeables.pop();
            try {
                next.close();
            } catch (Exception e) {
                log().warn("Closing {} failed: {}", next, e.toString());
            }
        }
    }

    /** Looked up when needed, so that drawing the hub first does not wait for logging to be set up. */
    private static Logger log() {
        return LoggerFactory.getLogger(AppContext.class);
    }

    /** The built-in simulator behind the window's Demo menu, saying in sentences what it does not have. */
    private record SimulatorAsDemoAirbyte(AirbyteSimulator simulator) implements DemoAirbyte {
        @Override
        public boolean revokeSignIn(String sourceId) {
            if (!simulator.signsInByOAuth(existing(sourceId))) {
                return false;
            }
            simulator.expireSourceTokens(sourceId);
            return true;
        }

        @Override
        public void failNextTest(String sourceId) {
            simulator.faults().arm(Fault.checkFailure().on(existing(sourceId)));
        }

        @Override
        public void deleteSource(String sourceId) {
            simulator.deleteSource(existing(sourceId));
        }

        @Override
        public void play(DemoScenario scenario, boolean on) {
            switch (scenario) {
                case SLOW -> held(Fault.slow(DemoScenario.SLOW_CALL), on);
                case DOWN -> held(Fault.serverError(503), on);
                case CHECK_FAILS -> held(Fault.checkFailure(), on);
                case SIGN_IN_REFUSED -> simulator.refuseSignIns(on);
                case NOT_READY_FOR_OAUTH -> simulator.withoutAnyOAuthApp(on);
            }
        }

        private void held(Fault fault, boolean on) {
            if (on) {
                simulator.faults().hold(fault);
            } else {
                simulator.faults().release(fault);
            }
        }

        @Override
        public int forgetVisitors() {
            return simulator.forgetVisitors();
        }

        private String existing(String sourceId) {
            if (!simulator.sourceIds().contains(sourceId)) {
                throw new IllegalArgumentException("The built-in simulator no longer has this source (" + sourceId
                        + "): it was deleted already, so a check finds it missing.");
            }
            return sourceId;
        }
    }

    private static void shutdown(ExecutorService executor) throws InterruptedException {
        executor.shutdown();
        if (!executor.awaitTermination(5, TimeUnit.SECONDS)) {
            executor.shutdownNow();
        }
    }
}
