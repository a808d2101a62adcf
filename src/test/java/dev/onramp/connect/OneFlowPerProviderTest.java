package dev.onramp.connect;

import static dev.onramp.connect.FlowWatcher.outcomeOf;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.onramp.airbyte.AirbyteException;
import dev.onramp.airbyte.ConfigApiGateway;
import dev.onramp.catalog.Catalog;
import dev.onramp.catalog.ConnectorSpecs;
import dev.onramp.connect.form.ConnectorForm;
import dev.onramp.connect.form.FormValues;
import dev.onramp.demo.AirbyteSimulator;
import dev.onramp.demo.Fault;
import dev.onramp.model.AuditEvent;
import dev.onramp.model.Connection;
import dev.onramp.model.FlowRecord;
import dev.onramp.model.FlowState;
import dev.onramp.model.Tenant;
import dev.onramp.model.TenantId;
import dev.onramp.store.AuditLog;
import dev.onramp.store.ConnectionRepository;
import dev.onramp.store.Database;
import dev.onramp.store.FileKekStore;
import dev.onramp.store.FlowJournal;
import dev.onramp.store.SettingsRepository;
import dev.onramp.store.TenantRepository;
import dev.onramp.store.Vault;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Credentials flows share the one-flow-per-business-and-provider rule and the cancel at close with
 * sign-in flows: the two services on real parts (H2 file, the simulator over HTTP, loopback receiver).
 */
class OneFlowPerProviderTest {
    private static final Duration WAIT = Duration.ofSeconds(20);
    private static final String CHECK = "/api/v1/sources/check_connection";

    @TempDir
    Path dataDir;

    private final Clock clock = Clock.systemUTC();
    private final Catalog catalog = Catalog.bundled();
    private final ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();
    private AirbyteSimulator simulator;
    private ConfigApiGateway gateway;
    private Database db;
    private ConnectionRepository connections;
    private FlowJournal journal;
    private AuditLog audit;
    private Tenant tenant;
    private ConnectService flows;
    private CredentialsService credentials;

    @BeforeEach
    void setUp() {
        simulator = AirbyteSimulator.start(Duration.ZERO);
        gateway = new ConfigApiGateway(simulator.apiBaseUrl(), Duration.ofSeconds(10));
        db = Database.open(dataDir);
        FileKekStore kek = new FileKekStore(dataDir.resolve("keys/onramp.kek"));
        Vault vault = Vault.open(db, kek);
        TenantRepository tenants = new TenantRepository(db);
        connections = new ConnectionRepository(db, vault);
        journal = new FlowJournal(db, clock);
        audit = AuditLog.open(db, kek, clock);
        tenant = new Tenant(TenantId.random(), "Acme Outdoor", "online-store", Optional.empty());
        db.inTransaction(tx -> {
            tenants.insert(tx, tenant);
            return null;
        });
        AirbyteTargets targets = new AirbyteTargets(new SettingsRepository(db, vault, clock), target -> gateway,
                Optional.empty());
        // The browser opens nothing: a sign-in waits for its consent until it is cancelled.
        flows = new ConnectService(catalog, targets, db, tenants, connections, journal, audit, url -> true, executor,
                clock, WAIT, "test");
        credentials = new CredentialsService(catalog, ConnectorSpecs.bundled(catalog), targets, db, tenants,
                connections, journal, audit, flows, clock, "test");
    }

    @AfterEach
    void tearDown() throws InterruptedException {
        flows.close();
        executor.shutdownNow();
        executor.awaitTermination(5, TimeUnit.SECONDS);
        audit.close();
        db.close();
        simulator.close();
    }

    /** Starts connecting Stripe with a key Airbyte accepts. */
    private ConnectFlow connectStripe(ConnectListener listener) {
        ConnectorForm form = credentials.form(tenant.id(), "stripe");
        FormValues values = form.defaults().with("account_id", "acct_1")
                .with("client_secret", "sk_test_onramp_4eC39HqLyjWDarjtT1zdp7dc");
        return credentials.connect(tenant.id(), "stripe", form, values, listener);
    }

    /** A Stripe flow held in its source test (the simulator answers that one call slowly). */
    private ConnectFlow stripeHeldWhileTesting() throws InterruptedException {
        simulator.faults().arm(Fault.slow(Duration.ofSeconds(2)).on(CHECK));
        FlowWatcher watcher = new FlowWatcher();
        ConnectFlow flow = connectStripe(watcher);
        awaitStep(watcher, ConnectStep.TESTING);
        return flow;
    }

    @Test
    void credentialsFlow_isReplacedByANewerAttemptForTheSameProvider_andDeletesItsSource() throws Exception {
        ConnectFlow older = stripeHeldWhileTesting();

        ConnectFlow newer = connectStripe(ConnectListener.NONE);

        assertThat(outcomeOf(older)).isEqualTo(new ConnectOutcome.Ended(older.id(), FlowState.CANCELLED,
                "A newer attempt to connect Stripe replaced this one."));
        Connection stored = ((ConnectOutcome.Connected) outcomeOf(newer)).connection();
        assertThat(connections.list(tenant.id())).containsExactly(stored);
        assertSourceDeleted(journal.find(tenant.id(), older.id()).orElseThrow());
    }

    @Test
    void credentialsFlow_isCancelledWhenTheServiceCloses_andItsEndIsRecordedBeforeCloseReturns() throws Exception {
        ConnectFlow flow = stripeHeldWhileTesting();

        flows.close();

        assertThat(flow.outcome()).isDone();
        assertThat(((ConnectOutcome.Ended) outcomeOf(flow)).state()).isEqualTo(FlowState.CANCELLED);
        FlowRecord journaled = journal.find(tenant.id(), flow.id()).orElseThrow();
        assertThat(journaled.state()).isEqualTo(FlowState.CANCELLED);
        assertSourceDeleted(journaled);
        assertThat(audit.list(tenant.id())).filteredOn(e -> e.resource().equals("flow/" + flow.id()))
                .extracting(AuditEvent::action).containsExactly("connect.cancelled");
    }

    @Test
    void signInWaitingForConsent_isReplacedByACredentialsAttemptForTheSameProvider() throws Exception {
        FlowWatcher watcher = new FlowWatcher();
        ConnectFlow signIn = flows.connect(tenant.id(), "shopify", watcher);
        watcher.awaitConsentUrl();
        ConnectorForm form = credentials.form(tenant.id(), "shopify");

        ConnectFlow typed = credentials.connect(tenant.id(), "shopify", form, form.defaults()
                .with("shop", "corner-store").with("credentials.api_password", "shppa_0123456789"), ConnectListener.NONE);

        assertThat(outcomeOf(signIn)).isEqualTo(new ConnectOutcome.Ended(signIn.id(), FlowState.CANCELLED,
                "A newer attempt to connect Shopify replaced this one."));
        assertThat(((ConnectOutcome.Connected) outcomeOf(typed)).connection().accountLabel()).isEqualTo("corner-store");
    }

    private void assertSourceDeleted(FlowRecord flow) {
        assertThatThrownBy(() -> gateway.checkConnection(flow.sourceId().orElseThrow()))
                .isInstanceOfSatisfying(AirbyteException.class,
                        e -> assertThat(e.kind()).isEqualTo(AirbyteException.Kind.NOT_FOUND));
    }

    private static void awaitStep(FlowWatcher watcher, ConnectStep wanted) throws InterruptedException {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (!watcher.steps().contains(wanted)) {
            assertThat(System.nanoTime()).as("waiting for step " + wanted).isLessThan(deadline);
            Thread.sleep(10);
        }
    }
}
