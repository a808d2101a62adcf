package dev.onramp.testing;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.UserPrincipalLookupService;
import java.nio.file.attribute.UserPrincipalNotFoundException;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

/**
 * A throw-away PostgreSQL server of the tests' own: {@code initdb} into a temporary folder, {@code pg_ctl} on
 * a free loopback port with a socket folder of its own, run as the {@code postgres} user when the JVM runs as
 * root (PostgreSQL refuses to run as root); {@link #close} stops it and deletes the folder.
 */
public final class PostgresCluster implements AutoCloseable {
    /** The cluster's superuser, which only the fixture uses; tests log in as a role of their own. */
    public static final String SUPERUSER = "postgres";
    private static final String OWNER_WHEN_ROOT = "postgres";
    private static final long COMMAND_SECONDS = 120;
    private static final int PORT_ATTEMPTS = 3;
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final AtomicInteger DATABASES = new AtomicInteger();

    private final Path folder;
    private final Path bin;
    private final List<String> asOwner;
    private final String superuserPassword;
    private final AtomicBoolean closed = new AtomicBoolean();
    // Stops the server should the JVM end before close() (Ctrl+C, a test run stopped half-way).
    private final Thread onExit = Thread.ofPlatform().unstarted(this::close);
    private int port;

    private PostgresCluster(Path folder, Path bin, List<String> asOwner, String superuserPassword) {
        this.folder = folder;
        this.bin = bin;
        this.asOwner = asOwner;
        this.superuserPassword = superuserPassword;
    }

    /** A database and the login role that owns it (not a superuser, no right to bypass row-level security). */
    public record Database(String name, String user, String password, int port) {
        /** The JDBC address of the database, over TCP on 127.0.0.1. */
        public String url() {
            return "jdbc:postgresql://127.0.0.1:" + port + "/" + name;
        }

        /** A new connection as the database's own role. */
        public Connection connect() throws SQLException {
            return DriverManager.getConnection(url(), user, password);
        }
    }

    /**
     * Creates and starts a cluster with the PostgreSQL programs found under {@code /usr/lib/postgresql/<version>/bin}
     * (the newest) or on the PATH; fails saying how to install them when there are none.
     */
    public static PostgresCluster start() {
        return start(binaryFolders());
    }

    /** Creates and starts a cluster with the programs of the first of {@code binFolders} that has them. */
    static PostgresCluster start(List<Path> binFolders) {
        Path bin = binFolders.stream().filter(PostgresCluster::hasServerPrograms).findFirst()
                .orElseThrow(() -> new IllegalStateException(notInstalled(binFolders)));
        boolean root = "root".equals(System.getProperty("user.name"));
        Path folder;
        try {
            folder = Files.createTempDirectory("onramp-pg-");
            if (root) {
                giveToPostgresUser(folder);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Could not make a folder for the test PostgreSQL server", e);
        }
        List<String> asOwner = root ? List.of("runuser", "-u", OWNER_WHEN_ROOT, "--") : List.of();
        PostgresCluster cluster = new PostgresCluster(folder, bin, asOwner, randomSecret());
        Runtime.getRuntime().addShutdownHook(cluster.onExit);
        try {
            cluster.initdb();
            cluster.startOnFreePort();
            return cluster;
        } catch (RuntimeException e) {
            cluster.close();
            throw e;
        }
    }

    /** The loopback port the server listens on. */
    public int port() {
        return port;
    }

    /** The folder that holds the cluster's data, its socket and its log; gone after {@link #close}. */
    public Path folder() {
        return folder;
    }

    /** A connection as the superuser to {@code database}, for what only the fixture may do. */
    public Connection connectAsSuperuser(String database) throws SQLException {
        return DriverManager.getConnection("jdbc:postgresql://127.0.0.1:" + port + "/" + database, SUPERUSER,
                superuserPassword);
    }

    /** Creates an empty database owned by a new login role with a random password of its own. */
    public Database createDatabase() {
        String name = "onramp_test_" + DATABASES.incrementAndGet();
        Database database = new Database(name, name, randomSecret(), port);
        superuser("CREATE ROLE " + name + " LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOBYPASSRLS PASSWORD '"
                + database.password() + "'", "CREATE DATABASE " + name + " OWNER " + name);
        return database;
    }

    /** Drops {@code database} (ending whatever sessions it still has) and its role. */
    public void dropDatabase(Database database) {
        superuser("DROP DATABASE IF EXISTS " + database.name() + " WITH (FORCE)", "DROP ROLE IF EXISTS " + database.user());
    }

    private void superuser(String... statements) {
        try (Connection jdbc = connectAsSuperuser("postgres"); Statement statement = jdbc.createStatement()) {
            for (String sql : statements) {
                statement.execute(sql);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("The test PostgreSQL server refused " + statements[0].split(" PASSWORD")[0]
                    + ": " + e.getMessage(), e);
        }
    }

    /** Stops the server (without waiting for sessions to end) and deletes its folder. */
    @Override
    public void close() {
        if (closed.getAndSet(true)) {
            return;
        }
        if (Thread.currentThread() != onExit) {
            try {
                Runtime.getRuntime().removeShutdownHook(onExit);
            } catch (IllegalStateException shuttingDown) {
                // The hook is running or about to: it finds the cluster closed.
            }
        }
        try {
            if (Files.exists(folder.resolve("data/postmaster.pid"))) {
                run("pg_ctl", "-D", folder.resolve("data").toString(), "-m", "immediate", "-w", "stop");
            }
        } finally {
            deleteRecursively(folder);
        }
    }

    private void initdb() {
        Path passwordFile = folder.resolve("superuser-password");
        try {
            Files.writeString(passwordFile, superuserPassword + "\n", StandardCharsets.UTF_8);
            if (!asOwner.isEmpty()) {
                giveToPostgresUser(passwordFile);
            }
            // No locale (C), so that the server sorts and compares alike on every machine; no fsync: thrown away.
            run("initdb", "-D", folder.resolve("data").toString(), "-U", SUPERUSER, "--pwfile=" + passwordFile,
                    "--auth=scram-sha-256", "--encoding=UTF8", "--no-locale", "--no-sync");
        } catch (IOException e) {
            throw new UncheckedIOException("Could not write the test PostgreSQL server's superuser password", e);
        } finally {
            deleteRecursively(passwordFile);
        }
    }

    private void startOnFreePort() {
        Path socket = folder.resolve("socket");
        try {
            Files.createDirectory(socket);
            if (!asOwner.isEmpty()) {
                giveToPostgresUser(socket);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Could not make the test PostgreSQL server's socket folder", e);
        }
        for (int attempt = 1; ; attempt++) {
            port = freePort();
            try {
                // Durability is of no use to a server that is thrown away: no fsync, no full pages, no waiting.
                run("pg_ctl", "-D", folder.resolve("data").toString(), "-l", folder.resolve("server.log").toString(),
                        "-w", "-t", "60", "-o", "-p " + port + " -k " + socket + " -c listen_addresses=127.0.0.1"
                                + " -c fsync=off -c full_page_writes=off -c synchronous_commit=off",
                        "start");
                return;
            } catch (IllegalStateException e) {
                // Another program may have taken the port between the probe and the start.
                if (attempt == PORT_ATTEMPTS || !serverLog().contains("could not bind")) {
                    throw e;
                }
            }
        }
    }

    private void run(String program, String... arguments) {
        List<String> line = new ArrayList<>(asOwner);
        line.add(bin.resolve(program).toString());
        line.addAll(List.of(arguments));
        exec(line, program);
    }

    private void exec(List<String> line, String program) {
        Path output = folder.resolve(program + ".out");
        try {
            // Output to a file, never a pipe: the server that pg_ctl leaves running would hold a pipe open.
            Process process = new ProcessBuilder(line).directory(folder.toFile()).redirectErrorStream(true)
                    .redirectOutput(output.toFile()).redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
                    .start();
            if (!process.waitFor(COMMAND_SECONDS, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IllegalStateException(program + " did not finish within " + COMMAND_SECONDS + " s");
            }
            if (process.exitValue() != 0) {
                throw new IllegalStateException(program + " failed (exit " + process.exitValue() + "): "
                        + Files.readString(output).strip() + (program.equals("pg_ctl") ? "\nServer log: " + serverLog() : ""));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Could not run " + line, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while running " + program, e);
        }
    }

    private String serverLog() {
        try {
            return Files.readString(folder.resolve("server.log")).strip();
        } catch (IOException e) {
            return "(none)";
        }
    }

    /** The newest Debian-packaged PostgreSQL's programs first, then every folder on the PATH. */
    static List<Path> binaryFolders() {
        List<Path> folders = new ArrayList<>();
        try (Stream<Path> versions = Files.list(Path.of("/usr/lib/postgresql"))) {
            versions.map(version -> version.resolve("bin"))
                    .sorted(Comparator.comparing((Path bin) -> versionNumber(bin.getParent())).reversed())
                    .forEach(folders::add);
        } catch (IOException none) {
            // Not a Debian-packaged PostgreSQL: the PATH may still have one.
        }
        for (String entry : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
            if (!entry.isBlank()) {
                folders.add(Path.of(entry));
            }
        }
        return folders;
    }

    private static int versionNumber(Path versionFolder) {
        try {
            return Integer.parseInt(versionFolder.getFileName().toString());
        } catch (NumberFormatException other) {
            return 0;
        }
    }

    private static boolean hasServerPrograms(Path bin) {
        return Files.isExecutable(bin.resolve("initdb")) && Files.isExecutable(bin.resolve("pg_ctl"));
    }

    static String notInstalled(List<Path> searched) {
        return "The PostgreSQL tests start a throw-away PostgreSQL server of their own, but PostgreSQL's server"
                + " programs (initdb, pg_ctl) are not installed: none under /usr/lib/postgresql/<version>/bin nor on"
                + " the PATH (" + searched.size() + " folders searched). Install them with"
                + " `apt-get install postgresql` (Debian, Ubuntu; .ci/run does so on CI), or put the bin folder of"
                + " another PostgreSQL installation on the PATH.";
    }

    private static void giveToPostgresUser(Path path) throws IOException {
        UserPrincipalLookupService users = FileSystems.getDefault().getUserPrincipalLookupService();
        try {
            Files.setOwner(path, users.lookupPrincipalByName(OWNER_WHEN_ROOT));
        } catch (UserPrincipalNotFoundException e) {
            throw new IllegalStateException("The tests run as root, and PostgreSQL refuses to run as root: they run its"
                    + " server as the user " + OWNER_WHEN_ROOT + ", which this machine does not have. Installing"
                    + " PostgreSQL creates it: `apt-get install postgresql`.", e);
        }
    }

    private static int freePort() {
        try {
            return FreePorts.range(1);
        } catch (IOException e) {
            throw new UncheckedIOException("No free port on 127.0.0.1 for the test PostgreSQL server", e);
        }
    }

    private static String randomSecret() {
        byte[] bytes = new byte[18];
        RANDOM.nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }

    private static void deleteRecursively(Path path) {
        if (Files.notExists(path)) {
            return;
        }
        try (Stream<Path> tree = Files.walk(path)) {
            for (Path each : tree.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(each);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Could not delete the test PostgreSQL server's folder " + path, e);
        }
    }
}
