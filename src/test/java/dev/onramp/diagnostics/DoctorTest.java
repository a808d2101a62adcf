package dev.onramp.diagnostics;

import static org.assertj.core.api.Assertions.assertThat;

import dev.onramp.airbyte.AirbyteGateway;
import dev.onramp.airbyte.ConfigApiGateway;
import dev.onramp.demo.AirbyteSimulator;
import dev.onramp.model.Connection;
import dev.onramp.model.ConnectionId;
import dev.onramp.model.ConnectionStatus;
import dev.onramp.model.RedirectSettings;
import dev.onramp.model.Tenant;
import dev.onramp.model.TenantId;
import dev.onramp.store.AuditLog;
import dev.onramp.store.ConnectionRepository;
import dev.onramp.store.Database;
import dev.onramp.store.FileKekStore;
import dev.onramp.store.TenantRepository;
import dev.onramp.store.Vault;
import dev.onramp.testing.FakeDesktop;
import dev.onramp.testing.FreePorts;
import dev.onramp.text.Messages;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

/** The doctor against the real simulator, store and sockets: what passes, and how a failure reads. */
class DoctorTest {
    private static final Duration TIMEOUT = Duration.ofSeconds(5);

    @TempDir
    Path dataDir;

    @TempDir
    Path bin;

    private AirbyteSimulator simulator;
    private Database db;
    private FileKekStore kek;
    private TenantRepository tenants;
    private AuditLog audit;
    private BrowserCheck browser;
    private boolean closedEarly;
    private RedirectSettings redirect;
    private ConnectionRepository connections;

    @BeforeEach
    void start() throws IOException {
        redirect = new RedirectSettings(RedirectSettings.Host.IPV4, FreePorts.range(2), 2);
        simulator = AirbyteSimulator.start(Duration.ZERO);
        db = Database.open(dataDir);
        kek = new FileKekStore(dataDir.resolve("keys").resolve("onramp.kek"));
        connections = new ConnectionRepository(db, Vault.open(db, kek));
        tenants = new TenantRepository(db);
        audit = AuditLog.open(db, kek, Clock.systemUTC());
        browser = new BrowserCheck("Linux", FakeDesktop.working(bin).env(), TIMEOUT);
    }

    @AfterEach
    void stop() {
        if (!closedEarly) {
            audit.close();
            db.close();
        }
        simulator.close();
    }

    private Doctor doctor(AirbyteGateway gateway, Clock clock) {
        return new Doctor(gateway, db, kek, tenants, audit, browser, clock, () -> redirect, connections);
    }

    private DoctorReport againstSimulator() {
        return doctor(new ConfigApiGateway(simulator.apiBaseUrl(), TIMEOUT), Clock.systemUTC()).run();
    }

    private static Check named(DoctorReport report, String name) {
        return report.checks().stream().filter(check -> check.name().equals(name)).findFirst().orElseThrow();
    }

    @Test
    @EnabledOnOs({OS.LINUX, OS.MAC})
    void againstTheSimulator_everyCheckPassesOnALineOfItsOwn() {
        DoctorReport report = againstSimulator();

        assertThat(report.allPassed()).as(report.text()).isTrue();
        assertThat(report.checks()).extracting(Check::name)
                .containsExactly("Airbyte", "Clock", "Browser", "Loopback", "Key store", "Database", "Audit log",
                        "Connections");
        assertThat(report.text().lines()).hasSize(8).allMatch(line -> line.startsWith("✓ "));
    }

    @Test
    void simulator_isReachableWithItsWorkspace() {
        assertThat(named(againstSimulator(), "Airbyte").line())
                .isEqualTo("✓ Airbyte: " + simulator.apiBaseUrl() + " answers and accepts Onramp's requests (1 workspace: Demo workspace).");
    }

    @Test
    void closedAirbytePort_failsWithTheReasonAndAFixSentence() throws IOException {
        URI closed;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closed = URI.create("http://127.0.0.1:" + socket.getLocalPort() + "/api");
        }

        DoctorReport report = doctor(new ConfigApiGateway(closed, TIMEOUT), Clock.systemUTC()).run();

        assertThat(report.allPassed()).isFalse();
        assertThat(named(report, "Airbyte").line()).isEqualTo("✗ Airbyte: Onramp could not reach Airbyte at " + closed
                + ". Check that it is running and that the address is right. Fix: Start Airbyte, or give its address"
                + " with --airbyte-url (without it Onramp uses its built-in simulator).");
        assertThat(named(report, "Clock").passed()).isFalse();
        assertThat(named(report, "Database").passed()).isTrue();
    }

    @Test
    void clockTenMinutesAhead_failsAndSaysHowToSetTheTime() {
        Clock ahead = Clock.offset(Clock.systemUTC(), Duration.ofMinutes(10));

        Check clock = named(doctor(new ConfigApiGateway(simulator.apiBaseUrl(), TIMEOUT), ahead).run(), "Clock");

        assertThat(clock.line()).matches("✗ Clock: this computer's clock is (9 min 59|10 min 0|10 min 1) s ahead of"
                + " Airbyte's\\. Fix: Turn on automatic date and time .*");
    }

    @Test
    void clockInStep_passes() {
        assertThat(named(againstSimulator(), "Clock").line()).matches("✓ Clock: within [12] s of Airbyte's\\.");
    }

    @Test
    void fileKeyStore_passesWithANoteThatNoSystemKeyStoreIsUsed() {
        assertThat(named(againstSimulator(), "Key store").line()).isEqualTo("✓ Key store: " + kek.description()
                + "; the key opens. Note: no system key store is in use, so the key is only as safe as this user's files.");
    }

    @Test
    void fileKeyStore_isNamedInGerman() {
        assertThat(named(againstSimulator(), "Key store").line(Messages.of(Locale.GERMAN))).isEqualTo(
                "✓ Schlüsselspeicher: Datei (nur für diesen Benutzer lesbar): " + dataDir.resolve("keys")
                        .resolve("onramp.kek").toAbsolutePath() + "; der Schlüssel lässt sich öffnen. Hinweis: Es wird"
                        + " kein Schlüsselspeicher des Systems verwendet, daher ist der Schlüssel nur so sicher wie die"
                        + " Dateien dieses Benutzers.");
    }

    @Test
    void keyFileBecauseNoKeyStoreAnswered_passesWithTheReasonAndWhatHappensOnceOneDoes() {
        kek = new FileKekStore(dataDir.resolve("keys").resolve("onramp.kek"), "No D-Bus session was found.");

        assertThat(named(againstSimulator(), "Key store").line()).isEqualTo("✓ Key store: " + kek.description()
                + "; the key opens. Note: no system key store is in use, so the key is only as safe as this user's files."
                + " Why: No D-Bus session was found. Once the system's key store answers, Onramp moves the key into it"
                + " at the next start.");
    }

    @Test
    void keyFileBecauseNoKeyStoreAnswered_isANoticeForTheWindow() {
        kek = new FileKekStore(dataDir.resolve("keys").resolve("onramp.kek"), "No D-Bus session was found.");

        assertThat(doctor(new ConfigApiGateway(simulator.apiBaseUrl(), TIMEOUT), Clock.systemUTC()).keyStoreNotice()
                .map(Messages.english()::render)).hasValue("The key that protects saved secrets is in a file only you can read, not in the system's"
                        + " key store. No D-Bus session was found.");
    }

    @Test
    void keyFileNotice_isSaidInTheWindowsLanguage() {
        kek = new FileKekStore(dataDir.resolve("keys").resolve("onramp.kek"), "No D-Bus session was found.");

        assertThat(doctor(new ConfigApiGateway(simulator.apiBaseUrl(), TIMEOUT), Clock.systemUTC()).keyStoreNotice()
                .map(Messages.of(Locale.GERMAN)::render)).hasValueSatisfying(notice -> assertThat(notice)
                        .startsWith("Der Schlüssel, der gespeicherte Geheimnisse schützt, liegt in einer Datei")
                        .endsWith("No D-Bus session was found."));
    }

    @Test
    void database_passesWithItsFileAndRowCounts() {
        insertTenantWithAuditEntry();

        assertThat(named(againstSimulator(), "Database").line()).startsWith("✓ Database: " + db.file() + " reads cleanly (")
                .contains("tenant 1", "audit_log 1");
    }

    @Test
    void auditLog_verifiesTheChainAndItsCheckpoints() {
        insertTenantWithAuditEntry();

        assertThat(named(againstSimulator(), "Audit log").line())
                .startsWith("✓ Audit log: The audit log is intact: 1 entry");
    }

    @Test
    void auditLogWhoseCheckpointsWereRemoved_failsWithWhatToDo() throws Exception {
        insertTenantWithAuditEntry();
        java.nio.file.Files.delete(dataDir.resolve("audit-checkpoints.jsonl"));

        assertThat(named(againstSimulator(), "Audit log").line())
                .startsWith("✗ Audit log: The audit log was tampered with at entry 1")
                .contains("contact support");
    }

    @Test
    void auditLogWhoseAppendOnlyTriggerWasDropped_failsWithWhatToDo() throws Exception {
        insertTenantWithAuditEntry();
        try (java.sql.Connection jdbc = java.sql.DriverManager.getConnection("jdbc:h2:file:"
                + dataDir.resolve("onramp"), "onramp", ""); java.sql.Statement sql = jdbc.createStatement()) {
            sql.execute("DROP TRIGGER audit_log_append_only");
        }

        DoctorReport report = againstSimulator();

        assertThat(report.allPassed()).isFalse();
        assertThat(named(report, "Audit log").line())
                .startsWith("✗ Audit log: The database no longer refuses changes to the audit trail's 1 entry: the"
                        + " append-only trigger")
                .contains("Fix: Keep this data folder as it is, run onramp audit export");
    }

    @Test
    void loopback_opensTheRedirectsFirstPortAsASignInWould() {
        assertThat(named(againstSimulator(), "Loopback").line()).isEqualTo("✓ Loopback: Onramp can listen for the"
                + " sign-in redirect at http://127.0.0.1:" + redirect.firstPort() + "/oauth-success.");
    }

    @Test
    void loopback_withItsFirstPortTaken_namesThePortASignInWouldGet() throws Exception {
        try (ServerSocket other = FreePorts.hold(redirect.firstPort())) {
            assertThat(named(againstSimulator(), "Loopback").line()).isEqualTo("✓ Loopback: Onramp can listen for the"
                    + " sign-in redirect at http://127.0.0.1:" + (redirect.firstPort() + 1) + "/oauth-success. Port "
                    + redirect.firstPort() + " is in use, so a sign-in now would take this one.");
        }
    }

    @Test
    void loopback_withEveryPortOfTheRangeTaken_failsWithTheWayOut() throws Exception {
        try (ServerSocket a = FreePorts.hold(redirect.firstPort());
                ServerSocket b = FreePorts.hold(redirect.firstPort() + 1)) {
            assertThat(named(againstSimulator(), "Loopback").line()).startsWith("✗ Loopback: Onramp cannot wait for"
                    + " the sign-in: all its redirect ports are in use").contains("Fix: Close the program that holds a"
                    + " redirect port, or choose any free port: onramp settings redirect --all-businesses --port any.");
        }
    }

    @Test
    void connections_withNoneStored_passSayingSo() {
        assertThat(named(againstSimulator(), "Connections").line()).isEqualTo("✓ Connections: none stored yet.");
    }

    @Test
    void connections_thatTheirLastCheckLeftNotConnected_areNamedWithTheWayOn() {
        TenantId id = TenantId.random();
        db.inTransaction(tx -> {
            tenants.insert(tx, new Tenant(id, "Acme", "online-shop", Optional.empty()));
            connections.insert(tx, id, new Connection(ConnectionId.random(), id, "hubspot", "source-1", "HubSpot",
                    ConnectionStatus.NEEDS_REAUTH, List.of("contacts"), Instant.now(), Optional.empty(),
                    Optional.of("the access token has expired")), "{}".getBytes(StandardCharsets.UTF_8));
            connections.insert(tx, id, new Connection(ConnectionId.random(), id, "mailchimp", "source-2", "Mailchimp",
                    ConnectionStatus.ACTIVE, List.of("lists"), Instant.now(), Optional.empty(), Optional.empty()),
                    "{}".getBytes(StandardCharsets.UTF_8));
            return null;
        });

        assertThat(named(againstSimulator(), "Connections").line()).isEqualTo("✗ Connections: 1 of 2 not connected"
                + " as last checked: Acme's hubspot (needs reauth). Fix: Run onramp check for Airbyte's reasons, then"
                + " reconnect or connect again each one it names.");
    }

    @Test
    void closedDatabase_failsItsOwnLinesAndTheOthersStillRun() {
        audit.close();
        db.close();
        closedEarly = true;

        DoctorReport report = againstSimulator();

        assertThat(report.checks()).hasSize(8);
        assertThat(named(report, "Database").line()).startsWith("✗ Database: ").contains("Fix: ");
        assertThat(named(report, "Airbyte").passed()).isTrue();
    }

    @Test
    void withoutApp_putsTheStartFailureFirstAndStillChecksTheMachine() {
        DoctorReport report = Doctor.withoutApp("Onramp's database is in use by another Onramp window.", browser);

        assertThat(report.checks()).extracting(Check::name).containsExactly("Start", "Browser", "Loopback");
        assertThat(report.text().lines().findFirst()).contains("✗ Start: Onramp's database is in use by another Onramp"
                + " window. Fix: Follow the advice in the message, then run onramp doctor again.");
    }

    private void insertTenantWithAuditEntry() {
        TenantId id = TenantId.random();
        db.inTransaction(tx -> {
            tenants.insert(tx, new Tenant(id, "Acme", "online-shop", Optional.empty()));
            audit.append(tx, id, "test", "tenant.created", "tenant/" + id, "Acme");
            return null;
        });
    }
}
