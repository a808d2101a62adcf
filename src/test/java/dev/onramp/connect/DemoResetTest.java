package dev.onramp.connect;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.onramp.business.AirbyteSelection;
import dev.onramp.business.DemoAirbyte;
import dev.onramp.business.IdleReset;
import dev.onramp.business.TenantService;
import dev.onramp.demo.Fault;
import dev.onramp.model.AirbyteSettings;
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
import dev.onramp.store.AppSettingRepository;
import dev.onramp.store.AuditVerification;
import dev.onramp.store.SettingsRepository;
import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Resetting the demo against the simulator over HTTP and a real H2 file: what goes, what comes, what is audited. */
class DemoResetTest {
    @TempDir
    Path dataDir;

    private SelfManagedFixture fx;
    private SettingsRepository settings;
    private Tenant acme;
    private Tenant bolt;

    @BeforeEach
    void setUp() {
        fx = new SelfManagedFixture(dataDir);
        settings = new SettingsRepository(fx.store.db(), fx.store.vault(), fx.clock);
        String workspace = fx.airbyte.simulator().workspaceId();
        acme = fx.store.addTenant(new Tenant(TenantId.random(), "Acme Outdoor", "online-store", Optional.of(workspace)));
        bolt = fx.store.addTenant(new Tenant(TenantId.random(), "Bolt Bikes", "online-store", Optional.of(workspace)));
    }

    @AfterEach
    void tearDown() {
        fx.close();
    }

    private DemoReset reset(Optional<URI> airbyteUrl) {
        AirbyteSelection selection = new AirbyteSelection(settings, target -> fx.airbyte.gateway(), airbyteUrl);
        DisconnectService disconnects = new DisconnectService(fx.catalog, selection::gatewayFor, fx.store.db(),
                fx.store.tenants(), fx.store.connections(), fx.store.journal(), fx.store.audit(), fx.clock, "test");
        return new DemoReset(fx.catalog, fx.store.db(), fx.store.tenants(), fx.store.connections(), fx.store.journal(),
                fx.store.audit(), disconnects, selection, Optional.of(simulatorPort()),
                new IdleReset(fx.store.db(), new AppSettingRepository(fx.store.db(), fx.clock), fx.store.audit(), "test"),
                "test");
    }

    private DemoReset reset() {
        return reset(Optional.empty());
    }

    /** The simulator as the window's Demo menu reaches it. */
    private DemoAirbyte simulatorPort() {
        var simulator = fx.airbyte.simulator();
        return new DemoAirbyte() {
            @Override
            public boolean revokeSignIn(String sourceId) {
                simulator.expireSourceTokens(sourceId);
                return true;
            }

            @Override
            public void failNextTest(String sourceId) {
                simulator.faults().arm(Fault.checkFailure().on(sourceId));
            }

            @Override
            public void deleteSource(String sourceId) {
                simulator.deleteSource(sourceId);
            }

            @Override
            public int forgetVisitors() {
                return simulator.forgetVisitors();
            }

            @Override
            public void play(dev.onramp.business.DemoScenario scenario, boolean on) {
                throw new UnsupportedOperationException("No demo scenario is played in a reset test.");
            }
        };
    }

    private Connection stripe(Tenant tenant, String label) {
        String definition = fx.catalog.provider("stripe").orElseThrow().definitionId();
        var config = new ObjectMapper().createObjectNode().put("client_secret", "sk_test_demo").put("account_id", "acct_1");
        String source = fx.airbyte.gateway().createSource(fx.airbyte.simulator().workspaceId(), definition,
                "Stripe — " + tenant.name(), config);
        Connection connection = new Connection(ConnectionId.random(), tenant.id(), "stripe", source, label,
                ConnectionStatus.ACTIVE, List.of("charges"), fx.clock.instant(), Optional.empty(), Optional.empty());
        fx.store.db().inTransaction(tx -> {
            fx.store.connections().insert(tx, tenant.id(), connection, config.toString().getBytes(UTF_8));
            return null;
        });
        return connection;
    }

    private List<String> actions(TenantId tenant) {
        return fx.store.audit().list(tenant).stream().map(AuditEvent::action).toList();
    }

    @Test
    void resetting_disconnectsEveryConnectionThroughTheSimulator_deletesEveryBusiness_andMakesAFreshSample() {
        Connection shop = stripe(acme, "shop");
        Connection payouts = stripe(acme, "payouts");
        stripe(bolt, "bolt");
        // A source no business knows (kept when a business was deleted), and a revoked sign-in's faults armed.
        String orphan = fx.airbyte.gateway().createSource(fx.airbyte.simulator().workspaceId(),
                fx.catalog.provider("stripe").orElseThrow().definitionId(), "Stripe — gone",
                new ObjectMapper().createObjectNode().put("client_secret", "sk_test_x").put("account_id", "acct_2"));
        fx.airbyte.simulator().faults().arm(Fault.checkFailure().on(shop.sourceId()));
        assertThat(reset().plan()).isEqualTo(new DemoReset.Plan(2, 3, Optional.empty()));
        List<String> steps = new ArrayList<>();

        DemoReset.Outcome outcome = reset().reset(steps::add);

        assertThat(outcome).isInstanceOf(DemoReset.Outcome.Reset.class);
        assertThat(outcome.message()).isEqualTo("The demo was reset: 2 businesses and 3 connections deleted, and Demo"
                + " Coffee Roasters starts afresh.");
        assertThat(steps).contains("Disconnecting Stripe (shop) of Acme Outdoor…", "Disconnecting Stripe (bolt) of"
                + " Bolt Bikes…", "Making a fresh Demo Coffee Roasters…");
        assertThat(fx.airbyte.simulator().sourceIds()).isEmpty();
        assertThat(fx.airbyte.simulator().faults().pending()).isZero();
        // The sources went through the normal disconnect: DELETE calls for each, then the orphan forgotten.
        assertThat(fx.airbyte.proxy().count("sources/delete")).isEqualTo(3);
        assertThat(orphan).isNotBlank();
        List<Tenant> left = fx.store.tenants().list();
        assertThat(left).singleElement().satisfies(sample -> {
            assertThat(sample.name()).isEqualTo(TenantService.DEMO_NAME);
            assertThat(sample.businessTypeId()).isEqualTo("online-store");
        });
        Tenant sample = left.getFirst();
        assertThat(((DemoReset.Outcome.Reset) outcome).sample()).isEqualTo(sample);
        assertThat(fx.store.connections().list(acme.id())).isEmpty();
        assertThat(actions(acme.id())).containsSubsequence("connection.disconnected", "connection.disconnected",
                "tenant.deleted");
        assertThat(actions(bolt.id())).containsSubsequence("connection.disconnected", "tenant.deleted");
        assertThat(actions(sample.id())).containsExactly("tenant.created", "demo.reset");
        assertThat(fx.store.audit().list(sample.id()).getLast().details())
                .isEqualTo("businesses_deleted=2 connections_disconnected=3");
        assertThat(fx.store.audit().list(payouts.tenantId()).getLast().details()).contains("reason=demo-reset");
        assertThat(fx.store.audit().verify()).isInstanceOf(AuditVerification.Intact.class);
    }

    @Test
    void aBusinessOnARealAirbyte_refusesTheReset_andNothingChanges() {
        Connection shop = stripe(acme, "shop");
        fx.store.db().inTransaction(tx -> {
            settings.save(tx, bolt.id(), new AirbyteSettings.SelfManaged(URI.create("http://airbyte.example:8000")));
            return null;
        });

        DemoReset.Outcome outcome = reset().reset(step -> { });

        assertThat(outcome).isInstanceOf(DemoReset.Outcome.NotReset.class);
        assertThat(outcome.message()).isEqualTo("Bolt Bikes uses the Airbyte at http://airbyte.example:8000/api, not"
                + " the built-in simulator, and a demo reset deletes every business: delete Bolt Bikes or set it back"
                + " to the simulator in its Settings, then reset the demo. Nothing was changed.");
        assertThat(reset().plan().refusal()).contains(outcome.message());
        assertThat(fx.store.tenants().list()).extracting(Tenant::name).containsExactly("Acme Outdoor", "Bolt Bikes");
        assertThat(fx.airbyte.simulator().sourceIds()).contains(shop.sourceId());
        assertThat(actions(acme.id())).doesNotContain("connection.disconnected", "tenant.deleted")
                .contains("demo.reset-refused");
    }

    @Test
    void anAirbyteGivenForThisRun_refusesTheReset() {
        stripe(acme, "shop");

        DemoReset.Outcome outcome = reset(Optional.of(URI.create("http://localhost:8000/api"))).reset(step -> { });

        assertThat(outcome.message()).startsWith("This Onramp uses the Airbyte at http://localhost:8000/api"
                + " (--airbyte-url), not the built-in simulator");
        assertThat(fx.store.tenants().list()).hasSize(2);
    }

    @Test
    void aConnectUnderWay_refusesTheReset_sayingWhichOne_andNothingChanges() {
        Connection shop = stripe(acme, "shop");
        fx.store.db().inTransaction(tx -> {
            fx.store.journal().start(tx, bolt.id(), new FlowRecord(FlowId.random(), bolt.id(), "hubspot",
                    FlowState.AWAITING_CONSENT, Optional.empty(), Optional.empty(), fx.clock.instant(),
                    fx.clock.instant(), FlowKind.CONNECT, Optional.empty()));
            return null;
        });

        DemoReset.Outcome outcome = reset().reset(step -> { });

        assertThat(outcome.message()).isEqualTo("A HubSpot connect is under way: cancel it first, then reset the demo.");
        assertThat(fx.store.tenants().list()).hasSize(2);
        assertThat(fx.store.connections().list(acme.id())).singleElement()
                .satisfies(c -> assertThat(c.disconnected()).isFalse());
        assertThat(fx.airbyte.simulator().sourceIds()).contains(shop.sourceId());
    }

    @Test
    void theIdleResetIsOffByDefault_andRemembersItsMinutes_audited() {
        IdleReset idle = reset().idleReset();
        assertThat(idle.minutes()).isEmpty();

        idle.save(OptionalInt.of(10));

        assertThat(reset().idleReset().minutes()).hasValue(10);
        idle.save(OptionalInt.empty());
        assertThat(idle.minutes()).isEmpty();
        assertThat(actions(dev.onramp.store.RedirectRepository.EVERY_BUSINESS))
                .containsExactly("settings.idle-reset-changed", "settings.idle-reset-changed");
    }
}
