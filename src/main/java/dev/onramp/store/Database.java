package dev.onramp.store;

import dev.onramp.text.Messages;
import dev.onramp.text.Text;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.flywaydb.core.api.MigrationState;
import org.flywaydb.core.api.MigrationVersion;
import org.flywaydb.core.api.MigrationInfoService;
import org.h2.api.ErrorCode;
import org.h2.engine.SessionLocal;
import org.h2.jdbc.JdbcConnection;
import org.h2.jdbcx.JdbcConnectionPool;
import org.h2.mvstore.MVStore;
import org.h2.mvstore.MVStoreException;
import org.slf4j.LoggerFactory;

/**
 * The H2 file database in the data folder, migrated by Flyway, handing out transactions; the first
 * Onramp to open it owns it and serves it to later ones on the loopback interface, which only read.
 */
public final class Database implements AutoCloseable {
    private static final String NAME = "onramp";
    // Enough for a background flow, a recovery pass and the UI's reads at the same time.
    private static final int MAX_CONNECTIONS = 8;
    private static final String FILE_SYSTEM = "file";

    static {
        // The owner's database server (DatabaseServer) listens on the loopback interface only, never on
        // the network: H2 binds its server sockets to this address (docs/adr/0029).
        if (System.getProperty("h2.bindAddress") == null) {
            System.setProperty("h2.bindAddress", "127.0.0.1");
        }
    }

    private final Path file;
    private final JdbcConnectionPool pool;
    private final boolean reader;
    private final CompletableFuture<Optional<DatabaseServer>> server;

    private Database(Path file, JdbcConnectionPool pool, boolean reader,
            CompletableFuture<Optional<DatabaseServer>> server) {
        this.file = file;
        this.pool = pool;
        this.reader = reader;
        this.server = server;
    }

    /**
     * Opens (or on first use creates) {@code onramp.mv.db} in {@code dataDir} and migrates it.
     * A locked or corrupt file raises a {@link StoreException} with a clear message and is never
     * recreated.
     */
    public static Database open(Path dataDir) {
        return open(dataDir, MigrationVersion.LATEST, FILE_SYSTEM);
    }

    /** Opens with Onramp's migrations and then those under the given Flyway locations, so that tests can add their own. */
    static Database open(Path dataDir, String... testLocations) {
        return open(dataDir, MigrationVersion.LATEST, FILE_SYSTEM, testLocations);
    }

    /** Opens migrated only up to {@code version}, so that tests can build a database as an older release left it. */
    static Database openAtVersion(Path dataDir, String version) {
        return open(dataDir, MigrationVersion.fromVersion(version), FILE_SYSTEM);
    }

    /** The database file of {@code dataDir}, whether it exists or not. */
    static Path fileIn(Path dataDir) {
        return dataDir.toAbsolutePath().resolve(NAME + ".mv.db");
    }

    /**
     * A connection that opens the existing file read-only and changes none of its bytes; none when there
     * is no file. For checks that must run before the file may be written.
     */
    static Optional<Connection> openReadOnly(Path dataDir) throws SQLException {
        Path folder = dataDir.toAbsolutePath();
        if (Files.notExists(fileIn(folder))) {
            return Optional.empty();
        }
        return Optional.of(DriverManager.getConnection("jdbc:h2:file:" + folder.resolve(NAME)
                + ";ACCESS_MODE_DATA=r;IFEXISTS=TRUE;TRACE_LEVEL_FILE=0", NAME, ""));
    }

    /**
     * Opens through H2's file system {@code scheme} (an {@link org.h2.store.fs.FilePath} registered
     * under it), so that tests can stand in a disk that fails at a chosen write.
     */
    static Database openOn(String scheme, Path dataDir) {
        return open(dataDir, MigrationVersion.LATEST, scheme);
    }

    private static Database open(Path dataDir, MigrationVersion target, String scheme, String... testLocations) {
        Path folder = DataDirectory.create(dataDir.toAbsolutePath());
        Path file = fileIn(folder);
        // UTC session time zone: database defaults (CURRENT_TIMESTAMP) are then written in UTC too.
        // No trace file: failures reach the caller as StoreExceptions instead.
        // A 10 s lock timeout: audit appends queue on the chain head and must wait for each other, not fail.
        // WRITE_DELAY=0: H2 writes each commit to the file before the commit returns. By default it
        // writes them up to half a second later, and a crash in between loses committed journal steps.
        // DB_CLOSE_ON_EXIT=FALSE: H2 would close the file in a shutdown hook of its own, racing the
        // flows that record their end on Ctrl+C; Onramp closes it itself, after them (AppContext).
        String url = "jdbc:h2:" + scheme + ":" + folder.resolve(NAME) + ";TIME ZONE=UTC;TRACE_LEVEL_FILE=0"
                + ";LOCK_TIMEOUT=10000;WRITE_DELAY=0;DB_CLOSE_ON_EXIT=FALSE";
        JdbcConnectionPool pool = JdbcConnectionPool.create(url, NAME, "");
        pool.setMaxConnections(MAX_CONNECTIONS);
        boolean ours;
        try {
            ours = openFile(pool, file);
        } catch (RuntimeException e) {
            pool.dispose();
            throw e;
        }
        if (!ours) {
            pool.dispose();
            return openAsReader(folder, file, testLocations);
        }
        try {
            migrate(pool, file, target, testLocations);
            // Started beside the command or the window, not before it: starting H2's server costs about 150 ms.
            CompletableFuture<Optional<DatabaseServer>> server = FILE_SYSTEM.equals(scheme)
                    ? CompletableFuture.supplyAsync(() -> serve(folder), Database::onThreadOfItsOwn)
                    : CompletableFuture.completedFuture(Optional.empty());
            return new Database(file, pool, false, server);
        } catch (RuntimeException e) {
            pool.dispose();
            throw e;
        }
    }

    /**
     * The first Onramp to open the file owns it and lets a second one read it through a server of its
     * own (docs/adr/0029); one that cannot start it works on, and a second one is told the folder is in use.
     */
    private static Optional<DatabaseServer> serve(Path folder) {
        try {
            return Optional.of(DatabaseServer.start(FILE_SYSTEM + ":" + folder.resolve(NAME), folder));
        } catch (StoreException e) {
            LoggerFactory.getLogger(Database.class).warn("{}", e.getMessage());
            return Optional.empty();
        }
    }

    private static void onThreadOfItsOwn(Runnable work) {
        Thread.ofVirtual().name("onramp-database-server").start(work);
    }

    /** Opens the database another Onramp owns, through its server, to read; as before when there is none. */
    private static Database openAsReader(Path folder, Path file, String[] testLocations) {
        Text inUse = Text.of("store.database.inUse", file);
        // The owner starts its server beside its own start: give it a moment.
        Optional<String> found = DatabaseServer.readerUrl(folder);
        for (int tries = 0; found.isEmpty() && tries < 40; tries++) {
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
            found = DatabaseServer.readerUrl(folder);
        }
        String url = found.orElseThrow(() -> new StoreException(inUse));
        JdbcConnectionPool pool = JdbcConnectionPool.create(url + ";TIME ZONE=UTC;LOCK_TIMEOUT=10000", NAME, "");
        pool.setMaxConnections(MAX_CONNECTIONS);
        try {
            pool.getConnection().close();
            requireSameSchema(pool, file, testLocations);
            return new Database(file, pool, true, CompletableFuture.completedFuture(Optional.empty()));
        } catch (SQLException e) {
            pool.dispose();
            throw new StoreException(inUse, e);
        } catch (RuntimeException e) {
            pool.dispose();
            throw e;
        }
    }

    /**
     * Runs {@code work} in one transaction: committed when it returns, rolled back when it throws.
     * It returns only once the commit is on the disk (the file system synced it), and actions
     * registered with {@link Tx#afterCommit} run only then.
     */
    public <T> T inTransaction(TxWork<T> work) {
        Tx tx;
        T result;
        try (Connection jdbc = pool.getConnection()) {
            jdbc.setAutoCommit(false);
            tx = new Tx(jdbc);
            try {
                result = work.run(tx);
                if (reader && wroteAnything(jdbc)) {
                    jdbc.rollback();
                    throw new StoreException(Text.of("store.database.ownedElsewhere"));
                }
                jdbc.commit();
            } catch (RuntimeException | Error | SQLException e) {
                rollback(jdbc, e);
                throw e;
            }
            if (!reader) {
                sync(jdbc);
            }
        } catch (SQLException e) {
            if (DiskFullException.causedIt(e)) {
                throw new DiskFullException(file.getParent(), Text.of("store.database.full.save"), e);
            }
            throw failure(e);
        }
        tx.committed();
        return result;
    }

    /**
     * Counts the rows of every table (lower-case names, in name order): a cheap check that the file
     * and its schema can be read. A damaged file fails with a {@link StoreException}.
     */
    public Map<String, Long> rowCounts() {
        return withConnection(jdbc -> {
            List<String> tables = Sql.query(jdbc, "SELECT TABLE_NAME FROM INFORMATION_SCHEMA.TABLES"
                    + " WHERE TABLE_SCHEMA = 'PUBLIC' AND TABLE_TYPE = 'BASE TABLE' ORDER BY TABLE_NAME",
                    row -> row.getString(1));
            Map<String, Long> counts = new LinkedHashMap<>();
            for (String table : tables) {
                String quoted = '"' + table.replace("\"", "\"\"") + '"';
                counts.put(table.toLowerCase(Locale.ROOT),
                        Sql.queryOne(jdbc, "SELECT COUNT(*) FROM " + quoted, row -> row.getLong(1)).orElse(0L));
            }
            return counts;
        });
    }

    public Path file() {
        return file;
    }

    /**
     * True when another Onramp (the window, or a command still running) had the file open first: this
     * one then reads through that one's server, and any change it tries is rolled back and refused
     * with {@link #OWNED_ELSEWHERE}, so only the owner ever writes.
     */
    public boolean reader() {
        return reader;
    }

    /** What a reader is told when it tries to change something. */
    public static final String OWNED_ELSEWHERE = Messages.english().get("store.database.ownedElsewhere");

    @Override
    public void close() {
        // The server first: a reader's sessions would otherwise keep the database open in this process.
        server.join().ifPresent(DatabaseServer::close);
        pool.dispose();
    }

    /** Runs reads on a pooled connection of their own, outside any caller's transaction. */
    <T> T withConnection(SqlWork<T> work) {
        try (Connection jdbc = pool.getConnection()) {
            if (!reader) {
                return work.run(jdbc);
            }
            // A reader's statements run in a transaction it never commits: a change among them is refused.
            jdbc.setAutoCommit(false);
            try {
                T result = work.run(jdbc);
                if (wroteAnything(jdbc)) {
                    throw new StoreException(Text.of("store.database.ownedElsewhere"));
                }
                return result;
            } finally {
                jdbc.rollback();
                jdbc.setAutoCommit(true);
            }
        } catch (SQLException e) {
            throw failure(e);
        }
    }

    /** Runs statements on the caller's transaction. */
    <T> T within(Tx tx, SqlWork<T> work) {
        try {
            return work.run(tx.jdbc());
        } catch (SQLException e) {
            throw failure(e);
        }
    }

    StoreException failure(SQLException e) {
        if (DiskFullException.causedIt(e)) {
            return new DiskFullException(file.getParent(), Text.of("store.database.full.use"), e);
        }
        if (e.getErrorCode() == ErrorCode.DATABASE_IS_READ_ONLY) {
            return new StoreException(Text.of("store.database.readOnly", file.getParent(), file.getFileName()), e);
        }
        return new StoreException(Text.of("store.database.use", file, withoutStatement(e)), e);
    }

    /** H2's message without the SQL statement it appends: a person cannot act on the statement, and the log has it. */
    private static String withoutStatement(SQLException e) {
        String message = String.valueOf(e.getMessage());
        int statement = message.indexOf("; SQL statement:");
        return (statement < 0 ? message : message.substring(0, statement)).strip();
    }

    /** JDBC work that may throw {@link SQLException}; the database turns it into a {@link StoreException}. */
    @FunctionalInterface
    interface SqlWork<T> {
        T run(Connection jdbc) throws SQLException;
    }

    /**
     * H2 writes a commit to the file before the commit returns (WRITE_DELAY=0) but leaves it to the
     * operating system to put it on the disk: this has the file system sync the file. (Not CHECKPOINT
     * SYNC, which would first write what H2 keeps unsaved since opening, so that even a transaction that
     * only read would fail on a full disk.) When the sync fails, what is on the disk may differ from
     * what H2 holds in memory: the database is shut down without writing anything more, and the next
     * start reads only what reached the disk.
     */
    private static void sync(Connection jdbc) throws SQLException {
        org.h2.engine.Database h2 = ((SessionLocal) jdbc.unwrap(JdbcConnection.class).getSession()).getDatabase();
        MVStore store = h2.getStore().getMvStore();
        if (store.isReadOnly()) {
            return;
        }
        try {
            store.sync();
        } catch (MVStoreException e) {
            h2.shutdownImmediately();
            throw new SQLException("The database file could not be synced to the disk: " + e.getMessage(), e);
        }
    }

    /**
     * Opens the file once so that damage is reported before anything else touches it; false when
     * another Onramp has it open (this one then reads through that one's server).
     */
    private static boolean openFile(JdbcConnectionPool pool, Path file) {
        try {
            pool.getConnection().close();
            return true;
        } catch (SQLException e) {
            if (e.getErrorCode() == ErrorCode.DATABASE_ALREADY_OPEN_1) {
                return false;
            }
            if (DiskFullException.causedIt(e)) {
                throw new DiskFullException(file.getParent(), Text.of("store.database.full.open"), e);
            }
            throw switch (e.getErrorCode()) {
                case ErrorCode.FILE_CORRUPTED_1, ErrorCode.FILE_VERSION_ERROR_1 -> new StoreException(
                        Text.of("store.database.damaged", file), e);
                default -> new StoreException(Text.of("store.database.open", file, withoutStatement(e)), e);
            };
        }
    }

    /**
     * A reader may not migrate the owner's database: it is refused when the two Onramps' schemas
     * differ (one of them is another version), saying which one to close.
     */
    private static void requireSameSchema(JdbcConnectionPool pool, Path file, String[] testLocations) {
        MigrationInfoService info = Migrations.flyway(pool, testLocations).info();
        boolean newerOwner = Arrays.stream(info.all())
                .anyMatch(migration -> migration.getState() == MigrationState.FUTURE_SUCCESS);
        if (info.pending().length > 0 || newerOwner) {
            throw new StoreException(Text.of("store.database.otherVersion", file.getParent()));
        }
    }

    /** True when the transaction on {@code jdbc} changed a row (H2 gives a transaction an id at its first change). */
    private static boolean wroteAnything(Connection jdbc) throws SQLException {
        try (var statement = jdbc.createStatement(); var row = statement.executeQuery("SELECT TRANSACTION_ID()")) {
            return row.next() && row.getObject(1) != null;
        }
    }

    /**
     * Applies pending migrations. H2 commits every DDL statement, so neither Flyway nor a transaction
     * can undo a half-applied upgrade: an existing database is backed up next to itself first and
     * the error says where that copy is. With nothing pending (and the applied ones as they were)
     * Flyway does not migrate, since its lock on the history table writes to the file and would fail
     * on a full disk.
     */
    private static void migrate(JdbcConnectionPool pool, Path file, MigrationVersion target, String[] testLocations) {
        Optional<Path> backup = Optional.empty();
        try {
            Flyway flyway = Migrations.flyway(pool, target, testLocations);
            MigrationInfoService info = flyway.info();
            if (info.pending().length == 0 && flyway.validateWithResult().validationSuccessful) {
                return;
            }
            backup = backUpBeforeUpgrade(info, pool, file);
            flyway.migrate();
        } catch (FlywayException e) {
            if (DiskFullException.causedIt(e)) {
                throw new DiskFullException(file.getParent(), backup.map(b -> Text.of("store.database.full.upgrade", b))
                        .orElse(Text.of("store.database.full.setUp")), e);
            }
            throw new StoreException(backup.map(b -> Text.of("store.database.upgradeFailedCopy", file, b))
                    .orElse(Text.of("store.database.upgradeFailed", file)), e);
        }
    }

    private static Optional<Path> backUpBeforeUpgrade(MigrationInfoService info, JdbcConnectionPool pool, Path file) {
        if (info.applied().length == 0 || info.pending().length == 0) {
            return Optional.empty();
        }
        String target = info.pending()[info.pending().length - 1].getVersion().getVersion();
        Path backup = file.resolveSibling(NAME + "-before-v" + target + ".zip");
        // A copy left by an earlier failed attempt is the good one: never overwrite it.
        if (Files.notExists(backup)) {
            try (Connection jdbc = pool.getConnection(); var backupTo = jdbc.prepareStatement("BACKUP TO ?")) {
                backupTo.setString(1, backup.toString());
                backupTo.execute();
            } catch (SQLException e) {
                if (DiskFullException.causedIt(e)) {
                    throw new DiskFullException(file.getParent(), Text.of("store.database.full.backUp"), e);
                }
                throw new StoreException(Text.of("store.database.backUp", file, e.getMessage(), file.getParent()), e);
            }
        }
        return Optional.of(backup);
    }

    private static void rollback(Connection jdbc, Throwable cause) {
        try {
            jdbc.rollback();
        } catch (SQLException e) {
            cause.addSuppressed(e);
        }
    }
}
