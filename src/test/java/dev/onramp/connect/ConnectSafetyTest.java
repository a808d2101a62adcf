package dev.onramp.connect;

import static dev.onramp.connect.FlowWatcher.outcomeOf;
import static dev.onramp.connect.SelfManagedFixture.WAIT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.onramp.AppContext;
import dev.onramp.AppOptions;
import dev.onramp.airbyte.AirbyteException;
import dev.onramp.connect.form.FormValues;
import dev.onramp.model.AuditEvent;
import dev.onramp.model.FlowId;
import dev.onramp.model.FlowState;
import dev.onramp.model.Tenant;
import dev.onramp.model.TenantId;
import dev.onramp.oauth.BrowserLauncher;
import dev.onramp.store.AuditLog;
import dev.onramp.store.Database;
import dev.onramp.store.FileKekStore;
import dev.onramp.store.FlowJournal;
import dev.onramp.testing.ScriptedBrowser;
import dev.onramp.testing.ScriptedBrowser.Decision;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The connect flow under attack and at its edges: ports per flow, replays, foreign callbacks,
 * replaced attempts, and what Airbyte is (not) asked, counted at a proxy in front of the simulator.
 */
class ConnectSafetyTest {
    /** Google Analytics asks for its property ids before its sign-in. */
    private static final FormValues PROPERTY = new FormValues(Map.of("property_ids", "123456789"));

    private static final String COMPLETE_OAUTH = "source_oauths/complete_oauth";

    @TempDir
    Path dataDir;

    private final HttpClient http = HttpClient.newBuilder().proxy(HttpClient.Builder.NO_PROXY).build();
    private SelfManagedFixture fx;
    private Tenant acme;
    private Tenant bolt;

    @BeforeEach
    void setUp() {
        fx = new SelfManagedFixture(dataDir.resolve("db"));
        acme = fx.store.addTenant("Acme Outdoor", "online-store");
        bolt = fx.store.addTenant("Bolt Bikes", "online-store");
    }

    @AfterEach
    void tearDown() {
        fx.close();
        http.close();
    }

    private List<AuditEvent> auditOf(Tenant tenant, FlowId flow) {
        return fx.store.audit().list(tenant.id()).stream().filter(e -> e.resource().equals("flow/" + flow)).toList();
    }

    @Test
    void concurrentFlows_waitOnDistinctPortsThatAreActuallyListening() throws Exception {
        ConnectService service = fx.service(url -> true, WAIT);
        FlowWatcher hubspot = new FlowWatcher();
        FlowWatcher analytics = new FlowWatcher();
        ConnectFlow first = service.connect(acme.id(), "hubspot", hubspot);
        ConnectFlow second = service.connect(acme.id(), "google-analytics", PROPERTY, analytics);

        URI one = hubspot.awaitRedirectUri();
        URI two = analytics.awaitRedirectUri();

        assertThat(one.getPort()).isNotEqualTo(two.getPort());
        assertListening(one);
        assertListening(two);
        first.cancel();
        second.cancel();
        outcomeOf(first);
        outcomeOf(second);
    }

    @Test
    void failureAfterTheReceiverOpened_closesItsPort() throws Exception {
        fx.airbyte.proxy().replace("source_oauths/get_consent_url", 500,
                request -> "{\"message\":\"Airbyte fell over.\"}");

        ConnectOutcome outcome = outcomeOf(fx.service(url -> true, WAIT)
                .connect(acme.id(), "hubspot", ConnectListener.NONE));

        assertThat(outcome).isInstanceOf(ConnectOutcome.Ended.class);
        String request = fx.airbyte.proxy().calls().stream()
                .filter(c -> c.endpoint().equals("source_oauths/get_consent_url"))
                .findFirst().orElseThrow().body();
        assertClosed(URI.create(new ObjectMapper().readTree(request).path("redirectUrl").asText()));
    }

    @Test
    void timeout_closesThePort() throws Exception {
        FlowWatcher watcher = new FlowWatcher();

        ConnectOutcome outcome = outcomeOf(fx.service(url -> true, Duration.ofMillis(500))
                .connect(acme.id(), "hubspot", watcher));

        assertThat(((ConnectOutcome.Ended) outcome).state()).isEqualTo(FlowState.TIMED_OUT);
        assertClosed(watcher.awaitRedirectUri());
    }

    @Test
    void cancel_closesThePortAtOnce() throws Exception {
        FlowWatcher watcher = new FlowWatcher();
        ConnectFlow flow = fx.service(url -> true, WAIT).connect(acme.id(), "hubspot", watcher);
        URI redirect = watcher.awaitRedirectUri();

        flow.cancel();

        assertClosed(redirect);
        assertThat(((ConnectOutcome.Ended) outcomeOf(flow)).state()).isEqualTo(FlowState.CANCELLED);
    }

    @Test
    void appExit_closesThePortAndRecordsTheFlowAsCancelled() throws Exception {
        Path appData = dataDir.resolve("app");
        FlowWatcher watcher = new FlowWatcher();
        AppContext app = AppContext.start(new AppOptions(appData, Optional.of(fx.airbyte.simulator().apiBaseUrl()),
                url -> true, Duration.ZERO, WAIT));
        TenantId tenant = app.tenants().tenantsCreatingDemoIfNone().getFirst().id();
        ConnectFlow flow = app.connect().connect(tenant, "hubspot", watcher);
        watcher.awaitRedirectUri();
        long closing = System.nanoTime();

        app.close();

        // Not the executor's five-second grace period: the flow is cancelled, not waited for.
        assertThat(Duration.ofNanos(System.nanoTime() - closing)).isLessThan(Duration.ofSeconds(4));
        assertClosed(watcher.awaitRedirectUri());
        assertThat(flow.outcome()).isDone();
        assertThat(((ConnectOutcome.Ended) outcomeOf(flow)).state()).isEqualTo(FlowState.CANCELLED);
        try (Database reopened = Database.open(appData)) {
            assertThat(new FlowJournal(reopened, fx.clock).find(tenant, flow.id()).orElseThrow().state())
                    .isEqualTo(FlowState.CANCELLED);
            assertThat(AuditLog.open(reopened, new FileKekStore(appData.resolve("keys/onramp.kek")), fx.clock).list(tenant)).filteredOn(e -> e.resource().equals("flow/" + flow.id()))
                    .extracting(AuditEvent::action).containsExactly("connect.cancelled");
        }
    }

    @Test
    void newAttemptForTheSameBusinessAndProvider_replacesTheOldOne() throws Exception {
        ScriptedBrowser person = new ScriptedBrowser(Decision.ALLOW);
        AtomicInteger opened = new AtomicInteger();
        // The person ignores the first consent page and answers only the second.
        ConnectService service = fx.service(url -> opened.incrementAndGet() == 1 || person.open(url), WAIT);
        FlowWatcher oldWatcher = new FlowWatcher();
        ConnectFlow old = service.connect(acme.id(), "hubspot", oldWatcher);
        URI oldRedirect = oldWatcher.awaitRedirectUri();
        String oldState = oldWatcher.awaitState();

        FlowWatcher newWatcher = new FlowWatcher();
        ConnectFlow replacement = service.connect(acme.id(), "hubspot", newWatcher);
        ConnectOutcome oldOutcome = outcomeOf(old);

        assertThat(oldOutcome).isInstanceOfSatisfying(ConnectOutcome.Ended.class, ended -> assertThat(
                List.of(ended.flowId(), ended.state(), ended.message())).containsExactly(old.id(), FlowState.CANCELLED,
                        "A newer attempt to connect HubSpot replaced this one."));
        assertClosed(oldRedirect);
        assertThatThrownBy(() -> get(URI.create(oldRedirect + "?code=x&state=" + oldState)))
                .isInstanceOf(ConnectException.class);
        assertThat(outcomeOf(replacement)).isInstanceOf(ConnectOutcome.Connected.class);
        assertThat(newWatcher.awaitRedirectUri()).isNotEqualTo(oldRedirect);
    }

    @Test
    void attemptsForOtherBusinessesOrProviders_runSideBySide() throws Exception {
        ConnectService service = fx.service(url -> true, WAIT);
        FlowWatcher acmeHubspot = new FlowWatcher();
        ConnectFlow first = service.connect(acme.id(), "hubspot", acmeHubspot);
        acmeHubspot.awaitConsentUrl();

        FlowWatcher boltHubspot = new FlowWatcher();
        FlowWatcher acmeAnalytics = new FlowWatcher();
        ConnectFlow second = service.connect(bolt.id(), "hubspot", boltHubspot);
        ConnectFlow third = service.connect(acme.id(), "google-analytics", PROPERTY, acmeAnalytics);
        boltHubspot.awaitConsentUrl();
        acmeAnalytics.awaitConsentUrl();

        assertThat(first.outcome()).isNotDone();
        assertListening(acmeHubspot.awaitRedirectUri());
        for (ConnectFlow flow : List.of(first, second, third)) {
            flow.cancel();
            outcomeOf(flow);
        }
    }

    @Test
    void replayedCallback_getsTheErrorPageAndCausesNoSecondCompleteOAuth() throws Exception {
        ScriptedBrowser person = new ScriptedBrowser(Decision.ALLOW);
        Socket[] early = new Socket[1];
        BrowserLauncher browser = url -> {
            // A socket the browser opened before the answer, as browsers keep spare connections.
            URI redirect = URI.create(FlowWatcher.queryParam(url, "redirect_uri"));
            try {
                early[0] = new Socket(InetAddress.getByAddress(new byte[] {127, 0, 0, 1}), redirect.getPort());
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
            return person.open(url);
        };

        ConnectOutcome outcome = outcomeOf(fx.service(browser, WAIT)
                .connect(acme.id(), "hubspot", ConnectListener.NONE));
        URI callback = person.awaitVisit(WAIT).redirectTarget();

        assertThat(outcome).isInstanceOf(ConnectOutcome.Connected.class);
        try (Socket replay = early[0]) {
            String answer = exchange(replay, "GET " + callback.getRawPath() + "?" + callback.getRawQuery()
                    + " HTTP/1.1\r\nHost: 127.0.0.1:" + callback.getPort() + "\r\n\r\n");
            // The flow no longer waits, so no waiting flow owns the state: refused as any stranger's.
            assertThat(answer).startsWith("HTTP/1.1 400").contains("Onramp could not use this sign-in");
        }
        assertThatThrownBy(() -> get(callback)).isInstanceOf(ConnectException.class);
        assertThat(fx.airbyte.proxy().count(COMPLETE_OAUTH)).isEqualTo(1);
    }

    @Test
    void callbackWithAnotherFlowsStateOrNoState_isRejectedWithoutAskingAirbyte() throws Exception {
        ConnectService service = fx.service(url -> true, WAIT);
        FlowWatcher acmeWatcher = new FlowWatcher();
        FlowWatcher boltWatcher = new FlowWatcher();
        ConnectFlow acmeFlow = service.connect(acme.id(), "hubspot", acmeWatcher);
        ConnectFlow boltFlow = service.connect(bolt.id(), "hubspot", boltWatcher);
        URI boltRedirect = boltWatcher.awaitRedirectUri();

        HttpResponse<String> foreign = get(URI.create(boltRedirect + "?code=stolen&state=" + acmeWatcher.awaitState()));
        HttpResponse<String> missing = get(URI.create(boltRedirect + "?code=stolen"));
        HttpResponse<String> reversed = get(URI.create(acmeWatcher.awaitRedirectUri() + "?code=stolen&state="
                + boltWatcher.awaitState()));

        assertThat(List.of(foreign.statusCode(), missing.statusCode(), reversed.statusCode())).containsOnly(400);
        assertThat(acmeFlow.outcome()).isNotDone();
        assertThat(boltFlow.outcome()).isNotDone();
        assertThat(fx.airbyte.proxy().count(COMPLETE_OAUTH)).isZero();
        acmeFlow.cancel();
        boltFlow.cancel();
        outcomeOf(acmeFlow);
        outcomeOf(boltFlow);
    }

    @Test
    void declinedConsent_endsTheFlowWithOneAuditEntryAndNoCompleteOAuth() throws Exception {
        ConnectOutcome outcome = outcomeOf(fx.service(new ScriptedBrowser(Decision.DENY), WAIT)
                .connect(acme.id(), "hubspot", ConnectListener.NONE));

        assertThat(((ConnectOutcome.Ended) outcome).state()).isEqualTo(FlowState.FAILED);
        assertThat(auditOf(acme, outcome.flowId())).extracting(AuditEvent::action).containsExactly("connect.failed");
        assertThat(fx.store.journal().find(acme.id(), outcome.flowId()).orElseThrow().state())
                .isEqualTo(FlowState.FAILED);
        assertThat(fx.airbyte.proxy().count(COMPLETE_OAUTH)).isZero();
        assertThat(fx.store.connections().list(acme.id())).isEmpty();
    }

    @Test
    void sourceWhoseCreationAnswerWasLost_isFoundByItsNameAndDeleted() throws Exception {
        fx.airbyte.proxy().loseAnswer("sources/create", 502);

        ConnectOutcome outcome = outcomeOf(fx.service(new ScriptedBrowser(Decision.ALLOW), WAIT)
                .connect(acme.id(), "hubspot", ConnectListener.NONE));

        assertThat(((ConnectOutcome.Ended) outcome).state()).isEqualTo(FlowState.FAILED);
        assertThat(fx.airbyte.proxy().count("sources/create")).isEqualTo(1);
        assertThat(fx.airbyte.proxy().count("sources/delete")).isEqualTo(1);
        assertThat(fx.airbyte.gateway().findSources(fx.airbyte.simulator().workspaceId(), "onramp-flow-")).isEmpty();
        assertThat(auditOf(acme, outcome.flowId())).singleElement().satisfies(entry ->
                assertThat(entry.details()).contains("deleted"));
    }

    @Test
    void flowThatCannotUndoItsSource_leavesItToRecoveryWhichWritesTheOneAuditEntry() throws Exception {
        fx.airbyte.proxy().replace("sources/check_connection", 500, request -> "{\"message\":\"The check crashed.\"}");
        fx.airbyte.proxy().replace("sources/delete", 500, request -> "{\"message\":\"Deleting is broken today.\"}");

        ConnectOutcome outcome = outcomeOf(fx.service(new ScriptedBrowser(Decision.ALLOW), WAIT)
                .connect(acme.id(), "hubspot", ConnectListener.NONE));
        String sourceId = fx.store.journal().find(acme.id(), outcome.flowId()).orElseThrow().sourceId().orElseThrow();

        assertThat(fx.store.journal().find(acme.id(), outcome.flowId()).orElseThrow().state())
                .isEqualTo(FlowState.SOURCE_CREATED);
        assertThat(auditOf(acme, outcome.flowId())).isEmpty();

        fx.airbyte.proxy().forward("sources/check_connection");
        fx.airbyte.proxy().forward("sources/delete");
        assertThat(fx.service(url -> true, WAIT).recoverUnfinished()).isEqualTo(1);

        assertThatThrownBy(() -> fx.airbyte.gateway().checkConnection(sourceId))
                .isInstanceOfSatisfying(AirbyteException.class,
                        e -> assertThat(e.kind()).isEqualTo(AirbyteException.Kind.NOT_FOUND));
        assertThat(auditOf(acme, outcome.flowId())).singleElement().satisfies(entry -> {
            assertThat(entry.action()).isEqualTo("connect.recovered");
            assertThat(entry.details()).contains("The check crashed", sourceId + " deleted");
        });
        assertThat(fx.store.journal().find(acme.id(), outcome.flowId()).orElseThrow().state())
                .isEqualTo(FlowState.FAILED);
    }

    private HttpResponse<String> get(URI url) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(url).timeout(Duration.ofSeconds(5)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static String exchange(Socket socket, String request) throws IOException {
        socket.setSoTimeout(5000);
        OutputStream out = socket.getOutputStream();
        out.write(request.getBytes(StandardCharsets.ISO_8859_1));
        out.flush();
        InputStream in = socket.getInputStream();
        return new String(in.readAllBytes(), StandardCharsets.ISO_8859_1);
    }

    private static void assertListening(URI redirect) throws IOException {
        new Socket("127.0.0.1", redirect.getPort()).close();
    }

    private static void assertClosed(URI redirect) {
        assertThatThrownBy(() -> new Socket("127.0.0.1", redirect.getPort()).close()).isInstanceOf(ConnectException.class);
    }
}
