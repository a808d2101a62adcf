package dev.onramp.business;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.onramp.airbyte.AirbyteException;
import dev.onramp.airbyte.CallPolicy;
import dev.onramp.airbyte.ConfigApiGateway;
import dev.onramp.airbyte.PublicApiGateway;
import dev.onramp.catalog.Catalog;
import dev.onramp.demo.AirbyteSimulator;
import dev.onramp.model.AirbyteSettings;
import dev.onramp.model.AirbyteSettings.Basic;
import dev.onramp.model.AirbyteSettings.Cloud;
import dev.onramp.model.AirbyteSettings.Demo;
import dev.onramp.model.AirbyteSettings.SelfManaged;
import dev.onramp.model.AirbyteWorkspace;
import dev.onramp.model.AuditEvent;
import dev.onramp.model.InvalidInputException;
import dev.onramp.model.Tenant;
import dev.onramp.model.TenantId;
import dev.onramp.store.AuditLog;
import dev.onramp.store.Database;
import dev.onramp.store.FileKekStore;
import dev.onramp.store.SettingsRepository;
import dev.onramp.store.TenantRepository;
import dev.onramp.store.Vault;
import dev.onramp.testing.BundledSpecs;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Per-business Airbyte settings: checked, saved with an audit entry, and tested against a real Airbyte stand-in. */
class SettingsServiceTest {
    private static final String SECRET = "client-secret-PLANTED-93b1";
    private static final URI RELAY = URI.create("https://relay.example.org/onramp/");

    @TempDir
    Path dataDir;

    private AirbyteSimulator simulator;
    private Database db;
    private TenantRepository tenants;
    private AuditLog audit;
    private SettingsService service;
    private final Tenant tenant = new Tenant(TenantId.random(), "Acme Outdoor", "online-store", Optional.of("old-ws"));

    @BeforeEach
    void setUp() {
        simulator = AirbyteSimulator.start(Duration.ZERO);
        db = Database.open(dataDir);
        Clock clock = Clock.systemUTC();
        SettingsRepository settings = new SettingsRepository(db,
                Vault.open(db, new FileKekStore(dataDir.resolve("keys/onramp.kek"))), clock);
        tenants = new TenantRepository(db);
        audit = AuditLog.open(db, new FileKekStore(dataDir.resolve("keys/onramp.kek")), clock);
        service = service(settings, Optional.empty());
        db.inTransaction(tx -> {
            tenants.insert(tx, tenant);
            return null;
        });
    }

    private SettingsService service(SettingsRepository settings, Optional<URI> override) {
        AirbyteSelection selection = new AirbyteSelection(settings, target -> switch (target) {
            case Demo demo -> new ConfigApiGateway(simulator.apiBaseUrl(), Duration.ofSeconds(5));
            case SelfManaged selfManaged -> new ConfigApiGateway(selfManaged.url(), Duration.ofSeconds(5));
            case Cloud cloud -> new PublicApiGateway(cloud, CallPolicy.standard(Duration.ofSeconds(5)),
                    id -> Optional.empty(), BundledSpecs.shipped());
        }, override);
        return new SettingsService(db, settings, tenants, audit, selection, Catalog.bundled(), "test");
    }

    @AfterEach
    void tearDown() {
        audit.close();
        db.close();
        simulator.close();
    }

    private Cloud cloudAtTheSimulator() {
        return new Cloud(simulator.publicApiBaseUrl(), simulator.cloudClientId(), simulator.cloudClientSecret(),
                simulator.workspaceId(), RELAY);
    }

    @Test
    void testingCloudSettings_listsTheWorkspacesWhenTheAirbyteBrokersSignIns() {
        assertThat(service.test(cloudAtTheSimulator())).extracting(AirbyteWorkspace::id)
                .contains(simulator.workspaceId());
    }

    @Test
    void testingCloudSettingsAgainstASelfManagedAirbyte_saysToChooseSelfManagedBeforeAnyConnect() {
        simulator.playSelfManagedPublicApi();

        assertThatThrownBy(() -> service.test(cloudAtTheSimulator()))
                .isInstanceOfSatisfying(AirbyteException.class,
                        e -> assertThat(e.kind()).isEqualTo(AirbyteException.Kind.UNSUPPORTED))
                .hasMessageStartingWith("This Airbyte is self-managed; choose Self-managed in Settings");
        assertThat(simulator.sourceIds()).isEmpty();
    }

    @Test
    void businessWithoutSettings_usesDemoMode() {
        assertThat(service.settings(tenant.id())).isEqualTo(new Demo());
        assertThat(service.demo(tenant.id())).isTrue();
        assertThat(service.describe(tenant.id())).isEqualTo("Demo: the built-in Airbyte simulator");
    }

    @Test
    void savedSettings_readBackAndDescribeTheBusinessesAirbyte() {
        SelfManaged selfManaged = new SelfManaged(URI.create("http://airbyte.internal:8000/api"),
                Optional.of(new Basic("admin", SECRET)));

        service.save(tenant.id(), selfManaged);

        assertThat(service.settings(tenant.id())).isEqualTo(selfManaged);
        assertThat(service.demo(tenant.id())).isFalse();
        assertThat(service.describe(tenant.id())).isEqualTo("Airbyte at http://airbyte.internal:8000/api");
    }

    @Test
    void saving_isAuditedWithoutTheLogin() {
        service.save(tenant.id(), new Cloud("client-PLANTED", SECRET, "ws-1", RELAY));

        AuditEvent event = audit.list(tenant.id()).getLast();
        assertThat(event.action()).isEqualTo("settings.changed");
        assertThat(event.details()).contains("target=cloud", "workspace=ws-1").doesNotContain(SECRET, "client-PLANTED");
    }

    @Test
    void savingAnotherAirbyte_forgetsTheWorkspaceOfTheOldOne() {
        service.save(tenant.id(), new SelfManaged(URI.create("http://airbyte.internal:8000/api"), Optional.empty()));

        assertThat(tenants.find(tenant.id()).orElseThrow().workspaceId()).isEmpty();
    }

    @Test
    void savingCloud_makesItsWorkspaceTheBusinesses() {
        service.save(tenant.id(), new Cloud("client", SECRET, "ws-cloud", RELAY));

        assertThat(tenants.find(tenant.id()).orElseThrow().workspaceId()).contains("ws-cloud");
    }

    @Test
    void cloudWithARelayThatIsNotHttps_isRefused() {
        Cloud cloud = new Cloud("client", SECRET, "ws-1", URI.create("http://relay.example.org/"));

        assertThatThrownBy(() -> service.save(tenant.id(), cloud)).isInstanceOf(InvalidInputException.class)
                .hasMessageStartingWith("Airbyte Cloud only sends people back to https addresses");
        assertThat(service.settings(tenant.id())).isEqualTo(new Demo());
    }

    @Test
    void cloudWithoutAWorkspace_isRefused() {
        assertThatThrownBy(() -> service.save(tenant.id(), new Cloud("client", SECRET, " ", RELAY)))
                .hasMessage("Pick the Airbyte Cloud workspace the connections go to.");
    }

    @Test
    void selfManagedWithoutAPassword_isRefused() {
        SelfManaged selfManaged = new SelfManaged(URI.create("http://airbyte:8000/api"), Optional.of(new Basic("admin", "")));

        assertThatThrownBy(() -> service.save(tenant.id(), selfManaged)).hasMessage("Give the password of admin.");
    }

    @Test
    void anAddressThatIsNotHttp_isRefusedNamingIt() {
        assertThatThrownBy(() -> WebAddress.parse("ftp://airbyte", "address of the self-managed Airbyte"))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("must be a full http or https address").hasMessageContaining("ftp://airbyte");
    }

    @Test
    void anAddressWithALoginInIt_isRefused() {
        assertThatThrownBy(() -> WebAddress.parse("http://admin:pw@airbyte:8000", "address of the self-managed Airbyte"))
                .hasMessageContaining("not inside the address");
    }

    @Test
    void testingTheSimulator_listsItsWorkspace() {
        assertThat(service.test(new Demo())).extracting(AirbyteWorkspace::name).containsExactly("Demo workspace");
    }

    @Test
    void testingASelfManagedAirbyte_listsItsWorkspaces() {
        SelfManaged selfManaged = new SelfManaged(simulator.apiBaseUrl(), Optional.empty());

        assertThat(service.test(selfManaged)).extracting(AirbyteWorkspace::id).containsExactly(simulator.workspaceId());
    }

    @Test
    void testingAnAirbyteNobodyListensTo_saysItCannotBeReached() throws Exception {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        AirbyteSettings nowhere = new SelfManaged(URI.create("http://127.0.0.1:" + closedPort + "/api"), Optional.empty());

        assertThatThrownBy(() -> service.test(nowhere)).isInstanceOfSatisfying(AirbyteException.class,
                e -> assertThat(e.kind()).isEqualTo(AirbyteException.Kind.UNREACHABLE))
                .hasMessageStartingWith("Onramp could not reach Airbyte at http://127.0.0.1:" + closedPort);
    }

    @Test
    void anAirbyteGivenForTheRun_standsInForEveryBusinessesSettings() {
        SettingsRepository settings = new SettingsRepository(db,
                Vault.open(db, new FileKekStore(dataDir.resolve("keys/onramp.kek"))), Clock.systemUTC());
        SettingsService overridden = service(settings, Optional.of(URI.create("http://localhost:8000/api")));

        assertThat(overridden.describe(tenant.id())).isEqualTo("Airbyte at http://localhost:8000/api");
        assertThat(overridden.settings(tenant.id())).isEqualTo(new Demo());
        assertThat(overridden.override()).contains(URI.create("http://localhost:8000/api"));
    }

    @Test
    void selfManagedAddress_pointsAtTheApiWhetherOrNotItWasGiven() {
        assertThat(SelfManaged.apiBase(URI.create("http://localhost:8000/"))).hasToString("http://localhost:8000/api");
        assertThat(SelfManaged.apiBase(URI.create("http://localhost:8000/api"))).hasToString("http://localhost:8000/api");
    }
}
