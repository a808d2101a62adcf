package dev.onramp.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.onramp.model.Tenant;
import dev.onramp.model.TenantId;
import java.io.BufferedReader;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.nio.channels.SocketChannel;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Collections;
import java.util.List;
import java.util.Properties;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.h2.tools.Restore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Opening, migrating and transactions of the H2 file database, including locked, damaged and failed-upgrade files. */
class DatabaseTest {
    @TempDir
    Path dir;

    @Test
    void emptyFolder_getsEveryTableOfEveryMigration() {
        try (Database db = Database.open(dir)) {
            var tables = db.withConnection(jdbc -> Sql.query(jdbc,
                    "SELECT LOWER(table_name) AS name FROM information_schema.tables WHERE table_schema = 'PUBLIC'",
                    row -> row.getString("name")));
            var applied = db.withConnection(jdbc -> Sql.query(jdbc,
                    "SELECT \"version\" FROM \"flyway_schema_history\" WHERE \"success\" AND \"version\" IS NOT NULL", row -> row.getString(1)));

            assertThat(tables).contains("tenant", "connection", "connect_flow", "audit_log", "audit_head", "keyset",
                    "key_rotation", "tenant_settings");
            assertThat(applied).containsExactly("1", "2", "3", "4", "5", "6", "7", "8", "9", "10", "12");
            assertThat(db.file()).isEqualTo(dir.resolve("onramp.mv.db")).exists();
        }
    }

    @Test
    void missingDataFolder_isCreated() {
        Path nested = dir.resolve("not/yet/there");

        try (Database db = Database.open(nested)) {
            assertThat(db.file()).exists();
        }
    }

    @Test
    void reopening_keepsTheDataAndAppliesNothingTwice() {
        TenantId id = TenantId.random();
        try (Database db = Database.open(dir)) {
            db.inTransaction(tx -> {
                new TenantRepository(db).insert(tx, new Tenant(id, "Acme", "shop", Optional.empty()));
                return null;
            });
        }

        try (Database db = Database.open(dir)) {
            assertThat(new TenantRepository(db).find(id)).isPresent();
        }
    }

    @Test
    void rowCounts_countEveryTableOfTheSchema() {
        try (Database db = Database.open(dir)) {
            db.inTransaction(tx -> {
                new TenantRepository(db).insert(tx, new Tenant(TenantId.random(), "Acme", "shop", Optional.empty()));
                return null;
            });

            assertThat(db.rowCounts()).containsEntry("tenant", 1L).containsEntry("connection", 0L)
                    .containsKeys("connect_flow", "audit_log", "keyset", "flyway_schema_history");
        }
    }

    @Test
    void transaction_returnsWhatItsWorkReturns() {
        try (Database db = Database.open(dir)) {
            String result = db.inTransaction(tx -> "done");

            assertThat(result).isEqualTo("done");
        }
    }

    @Test
    void failingWork_rollsBackEveryWriteAndRethrowsTheSameException() {
        try (Database db = Database.open(dir)) {
            TenantRepository tenants = new TenantRepository(db);
            AuditLog audit = AuditLog.open(db, new FileKekStore(dir.resolve("keys/kek")),
                    Clock.fixed(Instant.parse("2026-01-02T03:04:05Z"), ZoneOffset.UTC));
            TenantId id = TenantId.random();
            IllegalStateException failure = new IllegalStateException("remote call failed");

            assertThatThrownBy(() -> db.inTransaction(tx -> {
                tenants.insert(tx, new Tenant(id, "Acme", "shop", Optional.empty()));
                audit.append(tx, id, "tester", "tenant.created", "tenant/" + id, "name=Acme");
                throw failure;
            })).isSameAs(failure);

            assertThat(tenants.list()).isEmpty();
            assertThat(audit.list(id)).isEmpty();
        }
    }

    @Test
    void fileOpenInAnotherProcess_isReadThroughThatProcessAndEveryChangeIsRefused() throws Exception {
        try (Database first = Database.open(dir)) {
            first.inTransaction(tx -> {
                new TenantRepository(first).insert(tx, new Tenant(TenantId.random(), "Acme", "shop", Optional.empty()));
                return null;
            });
        }
        Process other = lockHolder();
        try (BufferedReader output = other.inputReader()) {
            assertThat(output.lines().filter(line -> line.startsWith(LockHolder.READY)).findFirst()).isPresent();

            try (Database reader = Database.open(dir)) {
                TenantRepository tenants = new TenantRepository(reader);
                assertThat(reader.reader()).isTrue();
                assertThat(tenants.list()).extracting(Tenant::name).containsExactly("Acme");

                assertThatThrownBy(() -> reader.inTransaction(tx -> {
                    tenants.insert(tx, new Tenant(TenantId.random(), "Globex", "shop", Optional.empty()));
                    return null;
                })).isInstanceOf(StoreException.class).hasMessage(Database.OWNED_ELSEWHERE);
                assertThatThrownBy(() -> reader.withConnection(jdbc -> Sql.update(jdbc, "DELETE FROM tenant")))
                        .isInstanceOf(StoreException.class).hasMessage(Database.OWNED_ELSEWHERE);
                assertThat(tenants.list()).extracting(Tenant::name).containsExactly("Acme");
            }
        } finally {
            release(other);
        }
    }

    @Test
    void theOwnersServer_listensOnTheLoopbackInterfaceOnlyAndItsKeyIsTheUsersAlone() throws Exception {
        try (Database owner = Database.open(dir)) {
            assertThat(owner.reader()).isFalse();
            Path serverFile = dir.resolve(DatabaseServer.FILE_NAME);
            // Started beside the caller's work: wait for its file.
            for (int tries = 0; Files.notExists(serverFile) && tries < 100; tries++) {
                Thread.sleep(50);
            }
            Properties server = new Properties();
            try (var in = Files.newInputStream(serverFile)) {
                server.load(in);
            }
            int port = Integer.parseInt(server.getProperty("port"));
            assertThat(server.getProperty("key")).matches("[0-9a-f]{48}");
            assertThat(Files.getPosixFilePermissions(serverFile)).isEqualTo(PosixFilePermissions.fromString("rw-------"));
            try (var reachable = SocketChannel.open(new InetSocketAddress("127.0.0.1", port))) {
                assertThat(reachable.isConnected()).isTrue();
            }
            List<InetAddress> elsewhere = Collections.list(NetworkInterface.getNetworkInterfaces()).stream()
                    .flatMap(nic -> Collections.list(nic.getInetAddresses()).stream())
                    .filter(address -> !address.isLoopbackAddress()).toList();
            for (InetAddress address : elsewhere) {
                assertThatThrownBy(() -> SocketChannel.open(new InetSocketAddress(address, port)))
                        .as("the database server on %s", address).isInstanceOf(IOException.class);
            }
            assertThatThrownBy(() -> java.sql.DriverManager.getConnection("jdbc:h2:tcp://127.0.0.1:" + port + "/"
                    + dir.resolve("onramp"), "onramp", "").close())
                    .as("the database under its path rather than the key").isInstanceOf(java.sql.SQLException.class);
        }
        assertThat(dir.resolve(DatabaseServer.FILE_NAME)).doesNotExist();
    }

    @Test
    void aNewDataFolder_isOpenToItsOwnerOnly() throws Exception {
        Path fresh = dir.resolve("fresh");
        try (Database db = Database.open(fresh)) {
            assertThat(Files.getPosixFilePermissions(fresh))
                    .isEqualTo(PosixFilePermissions.fromString("rwx------"));
        }
    }

    private Process lockHolder() throws IOException {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        return new ProcessBuilder(java.toString(), "-cp", System.getProperty("java.class.path"),
                LockHolder.class.getName(), dir.toString())
                .redirectError(ProcessBuilder.Redirect.DISCARD)
                .start();
    }

    private static void release(Process other) throws InterruptedException, IOException {
        other.getOutputStream().close();
        if (!other.waitFor(20, TimeUnit.SECONDS)) {
            other.destroyForcibly();
        }
    }

    @Test
    void corruptFile_isReportedAsDamagedAndLeftAlone() throws IOException {
        writeGarbage(dir.resolve("onramp.mv.db"));

        assertThatThrownBy(() -> Database.open(dir))
                .isInstanceOf(StoreException.class)
                .hasMessage("Onramp's database (" + dir.resolve("onramp.mv.db") + ") is damaged and cannot be read."
                        + " Onramp left the file untouched: move it aside or restore a backup, then start Onramp again.");
    }

    @Test
    void corruptFile_keepsItsBytesAfterTheFailedOpen() throws Exception {
        byte[] garbage = writeGarbage(dir.resolve("onramp.mv.db"));

        assertThatThrownBy(() -> Database.open(dir)).isInstanceOf(StoreException.class);

        assertThat(Files.readAllBytes(dir.resolve("onramp.mv.db"))).isEqualTo(garbage);
        try (var files = Files.list(dir)) {
            assertThat(files).containsExactly(dir.resolve("onramp.mv.db"));
        }
    }

    @Test
    void failedUpgrade_pointsToABackupTakenBeforeIt() throws Exception {
        TenantId id = TenantId.random();
        try (Database db = Database.open(dir)) {
            db.inTransaction(tx -> {
                new TenantRepository(db).insert(tx, new Tenant(id, "Acme", "shop", Optional.empty()));
                return null;
            });
        }
        Path backup = dir.resolve("onramp-before-v99.zip");

        assertThatThrownBy(() -> Database.open(dir, "classpath:dev/onramp/store/failing-upgrade"))
                .isInstanceOf(StoreException.class)
                .hasMessageContaining("could not upgrade its database")
                .hasMessageContaining(backup.toString());

        Path restored = dir.resolve("restored");
        Restore.execute(backup.toString(), restored.toString(), "onramp");
        try (Database db = Database.open(restored)) {
            assertThat(new TenantRepository(db).find(id)).isPresent();
        }
    }

    private static byte[] writeGarbage(Path file) throws IOException {
        byte[] garbage = new byte[64 * 1024];
        new Random(7).nextBytes(garbage);
        Files.write(file, garbage);
        return garbage;
    }

    @Test
    void readOnlyDatabase_failsSayingTheFolderCannotBeWrittenAndWhatToDo_withoutTheSqlStatement() throws Exception {
        Database.open(dir).close();
        // The answer H2 gives a file it could open only for reading, as in a read-only data folder.
        SQLException readOnly;
        try (Connection jdbc = DriverManager.getConnection("jdbc:h2:file:" + dir.resolve("onramp")
                + ";ACCESS_MODE_DATA=r", "onramp", "")) {
            readOnly = org.assertj.core.api.Assertions.catchThrowableOfType(SQLException.class, () -> Sql.update(jdbc,
                    "INSERT INTO tenant (id, name, business_type) VALUES (?, ?, ?)", TenantId.random().value(), "Acme",
                    "shop"));
        }
        assertThat((Throwable) readOnly).as("H2 refused the write").isNotNull();

        try (Database db = Database.open(dir)) {
            StoreException failure = db.failure(readOnly);

            assertThat(failure).hasMessage("Onramp cannot write to its data folder " + dir.toAbsolutePath() + ": the"
                    + " folder or its database file onramp.mv.db is read-only, so nothing was changed. Give your user"
                    + " write access to the folder and the files in it (or run Onramp with --data-dir pointing at a"
                    + " folder you can write to), then try again.");
        }
    }

    @Test
    void otherDatabaseFailures_leaveOutTheSqlStatement() {
        try (Database db = Database.open(dir)) {
            assertThatThrownBy(() -> db.withConnection(jdbc -> Sql.query(jdbc, "SELECT nothing FROM nowhere",
                    row -> row.getString(1))))
                    .isInstanceOf(StoreException.class)
                    .hasMessageStartingWith("Onramp could not use its database (" + db.file() + "): ")
                    .hasMessageNotContaining("SQL statement");
        }
    }
}
