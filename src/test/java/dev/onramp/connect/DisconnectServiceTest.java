package dev.onramp.connect;

import static dev.onramp.connect.FlowWatcher.outcomeOf;
import static dev.onramp.connect.SelfManagedFixture.WAIT;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.onramp.airbyte.AirbyteGateway;
import dev.onramp.airbyte.ConfigApiGateway;
import dev.onramp.model.AuditEvent;
import dev.onramp.model.Connection;
import dev.onramp.model.ConnectionId;
import dev.onramp.model.ConnectionStatus;
import dev.onramp.model.FlowId;
import dev.onramp.model.FlowKind;
import dev.onramp.model.FlowRecord;
import dev.onramp.model.FlowState;
import dev.onramp.model.Tenant;
import dev.onramp.model.TenantId;
import dev.onramp.testing.ScriptedBrowser;
import dev.onramp.testing.ScriptedBrowser.Decision;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Disconnecting against a self-managed Airbyte end to end: the H2 file store, the simulator over HTTP
 * behind a recording proxy, the journal, the audit trail; crashes are played by leaving journal rows
 * as a killed process leaves them (the packaged jar is killed for real in DisconnectCrashIT).
 */
class DisconnectServiceTest {
    @TempDir
    Path dataDir;

    private SelfManagedFixture fx;
    private Tenant tenant;

    @BeforeEach
    void setUp() {
        fx = new SelfManagedFixture(dataDir);
        tenant = fx.store.addTenant(new Tenant(TenantId.random(), "Acme Outdoor", "online-store",
                Optional.of(fx.airbyte.simulator().workspaceId())));
    }

    @AfterEach
    void tearDown() {
        fx.close();
    }

    private DisconnectService service() {
        return service(fx.airbyte.gateway());
    }

    private DisconnectService service(AirbyteGateway gateway) {
        return new DisconnectService(fx.catalog, t -> gateway, fx.store.db(), fx.store.tenants(),
                fx.store.connections(), fx.store.journal(), fx.store.audit(), fx.clock, "test");
    }

    /** A Stripe source made in the simulator and stored as the business's connection with {@code label}. */
    private Connection stripe(String label) {
        String definition = fx.catalog.provider("stripe").orElseThrow().definitionId();
        var config = new ObjectMapper().createObjectNode().put("client_secret", "sk_test_demo").put("account_id", "acct_1");
        String source = fx.airbyte.gateway().createSource(fx.airbyte.simulator().workspaceId(), definition,
                "Stripe — Acme Outdoor", config);
        Connection connection = new Connection(ConnectionId.random(), tenant.id(), "stripe", source, label,
                ConnectionStatus.ACTIVE, List.of("charges"), fx.clock.instant(), Optional.empty(), Optional.empty());
        fx.store.db().inTransaction(tx -> {
            fx.store.connections().insert(tx, tenant.id(), connection, config.toString().getBytes(UTF_8));
            return null;
        });
        return connection;
    }

    private Connection stored(Connection connection) {
        return fx.store.connections().find(tenant.id(), connection.id()).orElseThrow();
    }

    private List<String> auditOf(Connection connection) {
        return fx.store.audit().list(tenant.id()).stream()
                .filter(e -> e.resource().equals("connection/" + connection.id()))
                .map(AuditEvent::action).toList();
    }

    private Optional<AuditEvent> lastAudit(String action) {
        return fx.store.audit().list(tenant.id()).stream().filter(e -> e.action().equals(action))
                .reduce((first, second) -> second);
    }

    private List<FlowRecord> disconnectFlows() {
        return fx.store.journal().recent(100).stream().filter(flow -> flow.kind() == FlowKind.DISCONNECT).toList();
    }

    private static ConfigApiGateway unreachable() throws Exception {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return new ConfigApiGateway(URI.create("http://127.0.0.1:" + socket.getLocalPort() + "/api"),
                    Duration.ofSeconds(2));
        }
    }

    /** The journal row a process killed at {@code state} leaves. */
    private FlowId journaled(Connection connection, FlowState state) {
        FlowId flow = FlowId.random();
        Instant now = fx.clock.instant();
        fx.store.db().inTransaction(tx -> {
            fx.store.journal().start(tx, tenant.id(), new FlowRecord(flow, tenant.id(), connection.providerId(), state,
                    Optional.of(connection.sourceId()), Optional.empty(), now, now, FlowKind.DISCONNECT,
                    Optional.of(connection.id())));
            return null;
        });
        return flow;
    }

    @Test
    void disconnect_deletesTheSourceMarksTheConnectionWipesItsSecretAndAuditsOnce() {
        Connection stripe = stripe("acct_1");
        List<DisconnectStep> steps = new java.util.concurrent.CopyOnWriteArrayList<>();

        DisconnectOutcome outcome = service().disconnect(tenant.id(), stripe.id(), DisconnectScope.AIRBYTE_AND_ONRAMP,
                steps::add);

        assertThat(outcome).isInstanceOf(DisconnectOutcome.Disconnected.class);
        assertThat(outcome.message()).isEqualTo("Disconnected Stripe (account acct_1) of Acme Outdoor. Its source "
                + stripe.sourceId() + " was deleted in Airbyte.");
        assertThat(steps).containsExactly(DisconnectStep.DELETING_SOURCE, DisconnectStep.SAVING);
        assertThat(fx.airbyte.simulator().sourceIds()).doesNotContain(stripe.sourceId());
        assertThat(fx.airbyte.proxy().count("sources/delete")).isEqualTo(1);
        Connection after = stored(stripe);
        assertThat(after.status()).isEqualTo(ConnectionStatus.DISCONNECTED);
        assertThat(after.disconnectedAt()).isPresent();
        assertThat(fx.store.connections().secretConfig(tenant.id(), stripe.id())).isEmpty();
        assertThat(disconnectFlows()).singleElement().satisfies(flow -> {
            assertThat(flow.state()).isEqualTo(FlowState.DISCONNECTED);
            assertThat(flow.connectionId()).contains(stripe.id());
        });
        assertThat(auditOf(stripe)).containsExactly("connection.disconnected");
        assertThat(lastAudit("connection.disconnected").orElseThrow().details())
                .contains("provider=stripe", "account=acct_1", "source=" + stripe.sourceId() + " deleted in Airbyte");
    }

    @Test
    void sourceAirbyteNoLongerHas_completesTheDisconnectAndSaysItWasAlreadyGone() {
        Connection stripe = stripe("acct_1");
        fx.airbyte.directGateway().deleteSource(stripe.sourceId());

        DisconnectOutcome outcome = service().disconnect(tenant.id(), stripe.id(), DisconnectScope.AIRBYTE_AND_ONRAMP,
                DisconnectListener.NONE);

        assertThat(outcome).isInstanceOf(DisconnectOutcome.Disconnected.class);
        assertThat(outcome.message()).endsWith("Its source " + stripe.sourceId() + " was already gone from Airbyte.");
        assertThat(stored(stripe).status()).isEqualTo(ConnectionStatus.DISCONNECTED);
        assertThat(lastAudit("connection.disconnected").orElseThrow().details()).contains("already gone from Airbyte");
    }

    @Test
    void disconnectOfAnUnreachableAirbyte_leavesTheConnectionAsItWasAndOffersRemovingFromOnrampOnly()
            throws Exception {
        Connection stripe = stripe("acct_1");

        DisconnectOutcome outcome = service(unreachable()).disconnect(tenant.id(), stripe.id(),
                DisconnectScope.AIRBYTE_AND_ONRAMP, DisconnectListener.NONE);

        assertThat(outcome).isInstanceOfSatisfying(DisconnectOutcome.NotDisconnected.class,
                failed -> assertThat(failed.offersOnrampOnly()).isTrue());
        assertThat(outcome.message()).startsWith("Stripe (account acct_1) of Acme Outdoor stays connected. Airbyte"
                + " could not be reached to delete its source: Onramp could not reach");
        assertThat(stored(stripe)).isEqualTo(stripe);
        assertThat(fx.store.connections().secretConfig(tenant.id(), stripe.id())).isPresent();
        assertThat(fx.airbyte.simulator().sourceIds()).contains(stripe.sourceId());
        assertThat(disconnectFlows()).singleElement().extracting(FlowRecord::state).isEqualTo(FlowState.FAILED);
        assertThat(auditOf(stripe)).containsExactly("disconnect.failed");
    }

    @Test
    void aConnectionMadeInAnotherAirbyte_isNotCalledDeleted_andRemovingFromOnrampOnlyIsOffered() {
        Connection made = stripe("acct_1");
        Connection recorded = made.in(new dev.onramp.model.AirbyteLocation(fx.airbyte.gateway().address(),
                Optional.of(fx.airbyte.simulator().workspaceId())));
        fx.store.db().inTransaction(tx -> {
            fx.store.connections().checked(tx, tenant.id(), made.id(), ConnectionStatus.ACTIVE, Optional.empty(),
                    Optional.empty(), recorded.airbyte());
            return null;
        });
        try (dev.onramp.testing.SimulatedAirbyte other = dev.onramp.testing.SimulatedAirbyte.start()) {
            DisconnectOutcome outcome = service(other.gateway()).disconnect(tenant.id(), made.id(),
                    DisconnectScope.AIRBYTE_AND_ONRAMP, DisconnectListener.NONE);

            assertThat(outcome).isInstanceOfSatisfying(DisconnectOutcome.NotDisconnected.class,
                    failed -> assertThat(failed.offersOnrampOnly()).isTrue());
            assertThat(outcome.message()).contains("its source lives in Airbyte at " + fx.airbyte.gateway().address(),
                    "Switch back in Settings");
            assertThat(other.proxy().count("sources/delete")).isZero();
        }
        assertThat(stored(made).status()).isEqualTo(ConnectionStatus.ACTIVE);
        assertThat(fx.airbyte.simulator().sourceIds()).contains(made.sourceId());
    }

    @Test
    void removingFromOnrampOnly_asksNoAirbyteAndTheAuditSaysTheSourceStaysThere() throws Exception {
        Connection stripe = stripe("acct_1");

        DisconnectOutcome outcome = service(unreachable()).disconnect(tenant.id(), stripe.id(),
                DisconnectScope.ONRAMP_ONLY, DisconnectListener.NONE);

        assertThat(outcome).isInstanceOf(DisconnectOutcome.Disconnected.class);
        assertThat(outcome.message()).startsWith("Removed Stripe (account acct_1) of Acme Outdoor from Onramp only."
                + " Its source " + stripe.sourceId() + " stays in Airbyte at http://127.0.0.1:");
        assertThat(stored(stripe).status()).isEqualTo(ConnectionStatus.DISCONNECTED);
        assertThat(fx.store.connections().secretConfig(tenant.id(), stripe.id())).isEmpty();
        assertThat(fx.airbyte.simulator().sourceIds()).contains(stripe.sourceId());
        assertThat(auditOf(stripe)).containsExactly("connection.disconnected");
        assertThat(lastAudit("connection.disconnected").orElseThrow().details())
                .contains("source=" + stripe.sourceId() + " stays in Airbyte at", "removed from Onramp only");
    }

    @Test
    void deleteWhoseAnswerIsLost_leavesTheConnection_andTheNextDisconnectFindsTheSourceGone() {
        Connection stripe = stripe("acct_1");
        fx.airbyte.proxy().loseAnswer("sources/delete", 500);

        DisconnectOutcome lost = service().disconnect(tenant.id(), stripe.id(), DisconnectScope.AIRBYTE_AND_ONRAMP,
                DisconnectListener.NONE);

        assertThat(lost).isInstanceOf(DisconnectOutcome.NotDisconnected.class);
        assertThat(lost.message()).contains("stays connected", "Airbyte could not be reached");
        assertThat(stored(stripe).status()).isEqualTo(ConnectionStatus.ACTIVE);
        assertThat(fx.airbyte.simulator().sourceIds()).doesNotContain(stripe.sourceId());

        fx.airbyte.proxy().forward("sources/delete");
        DisconnectOutcome again = service().disconnect(tenant.id(), stripe.id(), DisconnectScope.AIRBYTE_AND_ONRAMP,
                DisconnectListener.NONE);

        assertThat(again.message()).endsWith("was already gone from Airbyte.");
        assertThat(stored(stripe).status()).isEqualTo(ConnectionStatus.DISCONNECTED);
        assertThat(auditOf(stripe)).containsExactly("disconnect.failed", "connection.disconnected");
    }

    @Test
    void twoDisconnectsAtOnce_theSecondIsRefusedAndTheDisconnectIsAuditedOnce() throws Exception {
        Connection stripe = stripe("acct_1");
        DisconnectService service = service();
        CountDownLatch deleting = new CountDownLatch(1);
        CountDownLatch goOn = new CountDownLatch(1);
        CompletableFuture<DisconnectOutcome> first = CompletableFuture.supplyAsync(() -> service.disconnect(
                tenant.id(), stripe.id(), DisconnectScope.AIRBYTE_AND_ONRAMP, step -> {
                    deleting.countDown();
                    await(goOn);
                }));
        assertThat(deleting.await(WAIT.toSeconds(), TimeUnit.SECONDS)).isTrue();

        DisconnectOutcome second = service.disconnect(tenant.id(), stripe.id(), DisconnectScope.AIRBYTE_AND_ONRAMP,
                DisconnectListener.NONE);
        goOn.countDown();

        assertThat(second).isInstanceOfSatisfying(DisconnectOutcome.NotDisconnected.class, refused -> {
            assertThat(refused.message())
                    .isEqualTo("Stripe (account acct_1) of Acme Outdoor is already being disconnected; wait for that to end.");
            assertThat(refused.offersOnrampOnly()).isFalse();
        });
        assertThat(first.get(WAIT.toSeconds(), TimeUnit.SECONDS)).isInstanceOf(DisconnectOutcome.Disconnected.class);
        assertThat(auditOf(stripe)).containsExactlyInAnyOrder("disconnect.refused", "connection.disconnected");
        assertThat(fx.airbyte.proxy().count("sources/delete")).isEqualTo(1);
    }

    @Test
    void disconnectOfADisconnectedConnection_isRefusedWithItsDate() {
        Connection stripe = stripe("acct_1");
        service().disconnect(tenant.id(), stripe.id(), DisconnectScope.AIRBYTE_AND_ONRAMP, DisconnectListener.NONE);

        DisconnectOutcome again = service().disconnect(tenant.id(), stripe.id(), DisconnectScope.ONRAMP_ONLY,
                DisconnectListener.NONE);

        assertThat(again.message()).startsWith("Stripe (account acct_1) of Acme Outdoor was already disconnected on ");
        assertThat(auditOf(stripe)).containsExactly("connection.disconnected", "disconnect.refused");
    }

    @Test
    void disconnectWhileAReconnectRuns_isRefused_andAReconnectWhileDisconnecting_too() throws Exception {
        ConnectOutcome connected = outcomeOf(fx.service(new ScriptedBrowser(Decision.ALLOW))
                .connect(tenant.id(), "hubspot", ConnectListener.NONE));
        Connection hubspot = ((ConnectOutcome.Connected) connected).connection();
        ConnectService waiting = fx.service(url -> true);
        ConnectFlow reconnect = waiting.reconnect(tenant.id(), hubspot.id(), ConnectListener.NONE);
        awaitState(reconnect.id(), FlowState.AWAITING_CONSENT);

        DisconnectOutcome refused = service().disconnect(tenant.id(), hubspot.id(), DisconnectScope.AIRBYTE_AND_ONRAMP,
                DisconnectListener.NONE);

        assertThat(refused.message()).isEqualTo("HubSpot of Acme Outdoor is being reconnected;"
                + " finish or cancel that first, then disconnect it.");
        assertThat(stored(hubspot).status()).isEqualTo(ConnectionStatus.ACTIVE);
        reconnect.cancel();
        outcomeOf(reconnect);

        DisconnectService service = service();
        CountDownLatch deleting = new CountDownLatch(1);
        CountDownLatch goOn = new CountDownLatch(1);
        CompletableFuture<DisconnectOutcome> disconnect = CompletableFuture.supplyAsync(() -> service.disconnect(
                tenant.id(), hubspot.id(), DisconnectScope.AIRBYTE_AND_ONRAMP, step -> {
                    deleting.countDown();
                    await(goOn);
                }));
        assertThat(deleting.await(WAIT.toSeconds(), TimeUnit.SECONDS)).isTrue();
        ConnectOutcome late = outcomeOf(waiting.reconnect(tenant.id(), hubspot.id(), ConnectListener.NONE));
        goOn.countDown();

        assertThat(late).isInstanceOfSatisfying(ConnectOutcome.Ended.class,
                ended -> assertThat(ended.message()).isEqualTo("This HubSpot connection is being disconnected, so it"
                        + " is not signed in again; connect HubSpot anew once the disconnect has ended."));
        assertThat(disconnect.get(WAIT.toSeconds(), TimeUnit.SECONDS)).isInstanceOf(DisconnectOutcome.Disconnected.class);
        ConnectOutcome afterwards = outcomeOf(waiting.reconnect(tenant.id(), hubspot.id(), ConnectListener.NONE));
        assertThat(afterwards).isInstanceOfSatisfying(ConnectOutcome.Ended.class,
                ended -> assertThat(ended.message()).contains("was disconnected", "connect HubSpot anew"));
        assertThat(auditOf(hubspot)).containsOnlyOnce("connection.disconnected");
        waiting.close();
    }

    @Test
    void disconnectedProvider_canBeConnectedAgain() throws Exception {
        ConnectService connect = fx.service(new ScriptedBrowser(Decision.ALLOW));
        Connection first = ((ConnectOutcome.Connected) outcomeOf(connect.connect(tenant.id(), "hubspot",
                ConnectListener.NONE))).connection();
        service().disconnect(tenant.id(), first.id(), DisconnectScope.AIRBYTE_AND_ONRAMP, DisconnectListener.NONE);

        ConnectOutcome again = outcomeOf(connect.connect(tenant.id(), "hubspot", ConnectListener.NONE));

        assertThat(again).isInstanceOf(ConnectOutcome.Connected.class);
        Connection second = ((ConnectOutcome.Connected) again).connection();
        assertThat(service().target(tenant, "hubspot", Optional.empty())).isEqualTo(second);
        assertThat(fx.airbyte.simulator().sourceIds()).containsExactly(second.sourceId());
    }

    @Test
    void recovery_finishesADisconnectKilledBeforeOrDuringTheDelete_andOneKilledAfterIt() {
        Connection before = stripe("acct_1");
        Connection after = stripe("acct_2");
        FlowId killedBefore = journaled(before, FlowState.DISCONNECTING);
        fx.airbyte.directGateway().deleteSource(after.sourceId());
        FlowId killedAfter = journaled(after, FlowState.SOURCE_DELETED);

        assertThat(service().recoverUnfinished()).isEqualTo(2);

        assertThat(fx.airbyte.simulator().sourceIds()).doesNotContain(before.sourceId(), after.sourceId());
        assertThat(stored(before).status()).isEqualTo(ConnectionStatus.DISCONNECTED);
        assertThat(stored(after).status()).isEqualTo(ConnectionStatus.DISCONNECTED);
        assertThat(fx.store.journal().find(tenant.id(), killedBefore).orElseThrow().state())
                .isEqualTo(FlowState.DISCONNECTED);
        assertThat(fx.store.journal().find(tenant.id(), killedAfter).orElseThrow().state())
                .isEqualTo(FlowState.DISCONNECTED);
        assertThat(auditOf(before)).containsExactly("connection.disconnected");
        assertThat(auditOf(after)).containsExactly("connection.disconnected");
        assertThat(fx.airbyte.proxy().count("sources/delete")).isEqualTo(1);
        assertThat(service().recoverUnfinished()).isZero();
        assertThat(auditOf(before)).containsExactly("connection.disconnected");
    }

    @Test
    void recoveryWhileAirbyteIsUnreachable_keepsTheDisconnect_whichTheNextDisconnectTakesOver() throws Exception {
        Connection stripe = stripe("acct_1");
        FlowId killed = journaled(stripe, FlowState.DISCONNECTING);

        assertThat(service(unreachable()).recoverUnfinished()).isZero();
        assertThat(fx.store.journal().find(tenant.id(), killed).orElseThrow().state()).isEqualTo(FlowState.DISCONNECTING);
        assertThat(auditOf(stripe)).isEmpty();

        DisconnectOutcome outcome = service(unreachable()).disconnect(tenant.id(), stripe.id(),
                DisconnectScope.ONRAMP_ONLY, DisconnectListener.NONE);

        assertThat(outcome).isInstanceOf(DisconnectOutcome.Disconnected.class);
        assertThat(disconnectFlows()).singleElement().satisfies(flow -> {
            assertThat(flow.id()).isEqualTo(killed);
            assertThat(flow.state()).isEqualTo(FlowState.DISCONNECTED);
        });
        assertThat(auditOf(stripe)).containsExactly("connection.disconnected");
    }

    @Test
    void severalAccountsAndNoAccount_isAUsageRefusalNamingThem_andAnAccountPicksOne() {
        Connection one = stripe("acct_1");
        Connection two = stripe("acct_2");

        assertThatThrownBy(() -> service().target(tenant, "stripe", Optional.empty()))
                .isInstanceOfSatisfying(DisconnectRefusedException.class, e -> assertThat(e.usage()).isTrue())
                .hasMessage("Acme Outdoor has 2 Stripe connections: \"acct_2\", \"acct_1\". Name the one to disconnect"
                        + " with --account LABEL.");
        assertThat(service().target(tenant, "stripe", Optional.of("acct_2"))).isEqualTo(two);
        assertThat(service().target(tenant, "stripe", Optional.of("ACCT_1"))).isEqualTo(one);
        assertThat(lastAudit("disconnect.refused").orElseThrow().details()).startsWith("provider=stripe: Acme Outdoor"
                + " has 2 Stripe connections");
    }

    @Test
    void accountNamingNothing_listsTheLabelsThereAre_andALabelOfTenThousandCharactersIsCutShort() {
        stripe("acct_1");

        assertThatThrownBy(() -> service().target(tenant, "stripe", Optional.of("acct_9")))
                .isInstanceOfSatisfying(DisconnectRefusedException.class, e -> assertThat(e.usage()).isTrue())
                .hasMessage("Acme Outdoor has no Stripe connection with the account \"acct_9\". Its Stripe accounts:"
                        + " \"acct_1\"; name one with --account LABEL.");
        String huge = "x".repeat(10_000);
        assertThatThrownBy(() -> service().target(tenant, "stripe", Optional.of(huge)))
                .hasMessageContaining("\"" + "x".repeat(60) + "… (10000 characters)\"")
                .satisfies(e -> assertThat(e.getMessage()).hasSizeLessThan(300));
        assertThat(lastAudit("disconnect.refused").orElseThrow().details()).hasSizeLessThan(400)
                .contains("(10000 characters)");
    }

    @Test
    void accountWithAControlCharacter_isRefusedAndAuditedEscaped() {
        stripe("acct_1");

        assertThatThrownBy(() -> service().target(tenant, "stripe", Optional.of("acct\u0007_1")))
                .isInstanceOfSatisfying(DisconnectRefusedException.class, e -> assertThat(e.usage()).isTrue())
                .hasMessageStartingWith("--account holds a control character");
        assertThat(lastAudit("disconnect.refused").orElseThrow().details()).contains("account=acct\\u0007_1")
                .doesNotContain("\u0007");
    }

    @Test
    void noConnectionOfTheProvider_isARefusalNotAUsageMistake_andAnUnknownProviderIsOne() {
        assertThatThrownBy(() -> service().target(tenant, "stripe", Optional.empty()))
                .isInstanceOfSatisfying(DisconnectRefusedException.class, e -> assertThat(e.usage()).isFalse())
                .hasMessageStartingWith("Acme Outdoor has no Stripe connection to disconnect");
        assertThatThrownBy(() -> service().target(tenant, "strype", Optional.empty()))
                .isInstanceOfSatisfying(DisconnectRefusedException.class, e -> assertThat(e.usage()).isTrue())
                .hasMessage("Onramp does not know a provider called \"strype\": onramp providers --search NAME finds its id.");
    }

    private void awaitState(FlowId flow, FlowState state) throws InterruptedException {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (System.nanoTime() < deadline) {
            if (fx.store.journal().find(tenant.id(), flow).map(FlowRecord::state).orElse(null) == state) {
                return;
            }
            Thread.sleep(20);
        }
        throw new AssertionError("Flow " + flow + " never reached " + state);
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(WAIT.toSeconds(), TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
