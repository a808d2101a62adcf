import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.AppenderBase;
import dev.onramp.AppContext;
import dev.onramp.AppOptions;
import dev.onramp.connect.ConnectListener;
import dev.onramp.connect.ConnectOutcome;
import dev.onramp.model.Connection;
import dev.onramp.model.ConnectionId;
import dev.onramp.model.ConnectionStatus;
import dev.onramp.model.Tenant;
import dev.onramp.model.TenantId;
import dev.onramp.oauth.BrowserLauncher;
import dev.onramp.oauth.LoopbackReceiver;
import dev.onramp.store.ConnectionRepository;
import dev.onramp.store.Database;
import dev.onramp.store.FileKekStore;
import dev.onramp.store.TenantRepository;
import dev.onramp.store.Vault;
import dev.onramp.testing.ScriptedBrowser;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.LoggerFactory;

/**
 * In-process figures on the app's own services: the connect flow's client overhead against the
 * simulator, loading the hub's data from a big database, and the loopback receiver's answer to the
 * genuine callback while junk requests flood it (127.0.0.1 only, a fixed number of requests).
 */
final class FlowBench {
    private static final Duration REALISTIC_LATENCY = Duration.ofMillis(250);
    private static final int WARM_UP = 3;
    private static final int FLOWS = 10;
    private static final int TENANTS = 1_000;
    private static final int CONNECTIONS_PER_TENANT = 10;
    private static final int HUB_LOADS = 20;
    private static final int JUNK = 10_000;
    private static final int FLOOD_CLIENTS = 16;

    List<Row> run() throws Exception {
        List<Row> rows = new ArrayList<>();
        System.out.println("Connect flows against the simulator");
        double zero = Row.median(connectOverheads(Duration.ZERO));
        rows.add(Row.measured("Connect overhead, simulator at zero latency", zero, "ms", "≤ 150 ms", v -> v <= 150,
                "click to Connected for HubSpot with a scripted browser, median of " + FLOWS + " after "
                        + WARM_UP + " warm-up flows"));
        double slow = Row.median(connectOverheads(REALISTIC_LATENCY));
        rows.add(Row.measured("Connect overhead, simulator at 250 ms per call", slow, "ms", "≤ 150 ms",
                v -> v <= 150, "the same, each flow's time minus 250 ms for every Config API call it made"));
        System.out.println("Hub load from " + TENANTS + " businesses × " + CONNECTIONS_PER_TENANT + " connections");
        rows.addAll(hubLoad());
        System.out.println("Loopback receiver under " + JUNK + " junk requests");
        rows.add(loopbackFlood());
        return rows;
    }

    /**
     * Each flow's click-to-Connected time minus the simulator's delays, for HubSpot flows on a fresh
     * app whose simulator waits {@code latency} before every Config API call. The calls are counted
     * from the simulator's own debug line for each, caught by an appender of this benchmark.
     */
    private List<Double> connectOverheads(Duration latency) throws Exception {
        Path data = Files.createTempDirectory("onramp-bench-connect");
        Logger apiLog = (Logger) LoggerFactory.getLogger("dev.onramp.demo.ApiHandler");
        AtomicInteger calls = new AtomicInteger();
        AppenderBase<ILoggingEvent> counter = counting(apiLog, calls);
        apiLog.addAppender(counter);
        apiLog.setAdditive(false);
        apiLog.setLevel(Level.DEBUG);
        List<Double> overheads = new ArrayList<>();
        try (AppContext app = AppContext.start(options(data, new ScriptedBrowser(ScriptedBrowser.Decision.ALLOW), latency))) {
            Tenant tenant = app.tenants().tenantsCreatingDemoIfNone().getFirst();
            for (int i = 0; i < WARM_UP + FLOWS; i++) {
                calls.set(0);
                long started = System.nanoTime();
                ConnectOutcome outcome = app.connect().connect(tenant.id(), "hubspot", ConnectListener.NONE)
                        .outcome().get(2, TimeUnit.MINUTES);
                double millis = (System.nanoTime() - started) / 1e6;
                if (!(outcome instanceof ConnectOutcome.Connected)) {
                    throw new IllegalStateException("A benchmark flow did not connect: " + outcome);
                }
                if (i >= WARM_UP) {
                    overheads.add(millis - calls.get() * latency.toMillis());
                }
            }
        } finally {
            apiLog.setLevel(null);
            apiLog.setAdditive(true);
            apiLog.detachAppender(counter);
        }
        return overheads;
    }

    /** Loading what the hub shows (the businesses, then the chosen one's connections) from a big database. */
    private List<Row> hubLoad() throws Exception {
        Path data = Files.createTempDirectory("onramp-bench-hub");
        seed(data);
        List<Double> times = new ArrayList<>();
        double first;
        try (AppContext app = AppContext.start(options(data, url -> false, Duration.ZERO))) {
            first = hubLoadMillis(app);
            for (int i = 0; i < HUB_LOADS; i++) {
                times.add(hubLoadMillis(app));
            }
        }
        double median = Row.median(times);
        return List.of(
                Row.measured("Hub load, 1,000 businesses × 10 connections", median, "ms", "≤ 100 ms", v -> v <= 100,
                        "list the businesses, then the first one's connections (decrypted), median of " + HUB_LOADS),
                Row.reference("  the same, first load after start", first, "ms", "cold JIT, as the hub's first load"));
    }

    private static double hubLoadMillis(AppContext app) {
        long started = System.nanoTime();
        List<Tenant> tenants = app.tenants().tenantsCreatingDemoIfNone();
        List<Connection> connections = app.connect().connections(tenants.getFirst().id());
        double millis = (System.nanoTime() - started) / 1e6;
        if (tenants.size() != TENANTS || connections.size() != CONNECTIONS_PER_TENANT) {
            throw new IllegalStateException("The hub loaded " + tenants.size() + " businesses and "
                    + connections.size() + " connections");
        }
        return millis;
    }

    /** 1,000 businesses with 10 connections each, written through the store as the app writes them. */
    private static void seed(Path data) {
        try (Database db = Database.open(data)) {
            Vault vault = Vault.open(db, new FileKekStore(data.resolve("keys").resolve("onramp.kek")));
            TenantRepository tenants = new TenantRepository(db);
            ConnectionRepository connections = new ConnectionRepository(db, vault);
            byte[] secret = "{\"credentials\":{\"access_token\":\"bench\"}}".getBytes(StandardCharsets.UTF_8);
            for (int t = 0; t < TENANTS; t++) {
                Tenant tenant = new Tenant(TenantId.random(), String.format("Business %04d", t), "online-store",
                        Optional.empty());
                db.inTransaction(tx -> {
                    tenants.insert(tx, tenant);
                    for (int c = 0; c < CONNECTIONS_PER_TENANT; c++) {
                        connections.insert(tx, tenant.id(), new Connection(ConnectionId.random(), tenant.id(), "hubspot",
                                "source-" + c, "account " + c, ConnectionStatus.ACTIVE,
                                List.of("contacts", "companies", "deals"), Instant.now(), Optional.empty(),
                                Optional.empty()), secret);
                    }
                    return null;
                });
            }
        }
    }

    /**
     * How long the genuine callback takes to be accepted while {@value #JUNK} junk requests arrive
     * alongside. The receiver's warning for each refused request still goes through logging, to a
     * sink instead of this console.
     */
    private Row loopbackFlood() throws Exception {
        String state = "bench-state-" + System.nanoTime();
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        Logger receiverLog = (Logger) LoggerFactory.getLogger(LoopbackReceiver.class);
        AtomicInteger refused = new AtomicInteger();
        AppenderBase<ILoggingEvent> sink = counting(receiverLog, refused);
        receiverLog.addAppender(sink);
        receiverLog.setAdditive(false);
        try (LoopbackReceiver receiver = LoopbackReceiver.open(Duration.ofMinutes(2))) {
            receiver.expectState(state);
            URI redirect = receiver.redirectUri();
            AtomicInteger sent = new AtomicInteger();
            CompletableFuture<Double> genuine = new CompletableFuture<>();
            List<Thread> clients = new ArrayList<>();
            for (int c = 0; c < FLOOD_CLIENTS; c++) {
                clients.add(Thread.ofVirtual().start(() -> {
                    for (int n; (n = sent.incrementAndGet()) <= JUNK; ) {
                        if (n == JUNK / 2) {
                            Thread.ofVirtual().start(() -> genuine.complete(genuineMillis(http, redirect, state, receiver)));
                        }
                        junk(http, redirect, n);
                    }
                }));
            }
            for (Thread client : clients) {
                client.join();
            }
            double millis = genuine.get(1, TimeUnit.MINUTES);
            return Row.measured("Loopback: genuine callback during a junk flood", millis, "ms", "≤ 50 ms",
                    v -> v <= 50, String.format("request to accepted callback, sent when %,d of %,d", JUNK / 2, JUNK)
                            + " junk requests (wrong state, stray paths) from " + FLOOD_CLIENTS
                            + " clients had gone out; " + refused.get() + " refused with a warning");
        } finally {
            receiverLog.setAdditive(true);
            receiverLog.detachAppender(sink);
        }
    }

    private static double genuineMillis(HttpClient http, URI redirect, String state, LoopbackReceiver receiver) {
        long started = System.nanoTime();
        try {
            http.send(HttpRequest.newBuilder(URI.create(redirect + "?code=bench-code&state=" + state)).build(),
                    HttpResponse.BodyHandlers.discarding());
            receiver.result().get(1, TimeUnit.MINUTES);
        } catch (Exception e) {
            throw new IllegalStateException("The genuine callback was not accepted: " + e, e);
        }
        return (System.nanoTime() - started) / 1e6;
    }

    /** One junk request; once the genuine callback is in, the receiver closes and the rest are refused. */
    private static void junk(HttpClient http, URI redirect, int n) {
        URI uri = n % 2 == 0
                ? URI.create(redirect + "?code=junk&state=wrong-" + n)
                : redirect.resolve("/favicon-" + n + ".ico");
        try {
            http.send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(10)).build(),
                    HttpResponse.BodyHandlers.discarding());
        } catch (IOException e) {
            // Refused once the receiver has closed: expected for the junk after the genuine callback.
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** A logback appender that only counts the events of {@code logger}. */
    private static AppenderBase<ILoggingEvent> counting(Logger logger, AtomicInteger count) {
        AppenderBase<ILoggingEvent> counter = new AppenderBase<>() {
            @Override
            protected void append(ILoggingEvent event) {
                count.incrementAndGet();
            }
        };
        counter.setContext(logger.getLoggerContext());
        counter.start();
        return counter;
    }

    private static AppOptions options(Path data, BrowserLauncher browser, Duration latency) {
        return new AppOptions(data, Optional.empty(), browser, latency, Duration.ofMinutes(2));
    }
}
