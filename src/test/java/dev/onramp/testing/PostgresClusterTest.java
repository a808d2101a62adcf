package dev.onramp.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** The tests' throw-away PostgreSQL server: a real server, a database and role per test class, gone after. */
class PostgresClusterTest {
    @RegisterExtension
    static final PostgresDatabase pg = new PostgresDatabase();

    @Test
    void aTestClass_getsAnEmptyDatabaseOwnedByALoginRoleThatIsNoSuperuser() throws SQLException {
        try (Connection jdbc = pg.connect(); Statement sql = jdbc.createStatement()) {
            ResultSet who = sql.executeQuery("SELECT current_user, current_database(), r.rolsuper, r.rolbypassrls"
                    + " FROM pg_roles r WHERE r.rolname = current_user");
            assertThat(who.next()).isTrue();
            assertThat(who.getString(1)).isEqualTo(pg.database().user());
            assertThat(who.getString(2)).isEqualTo(pg.database().name());
            assertThat(who.getBoolean(3)).as("superuser").isFalse();
            assertThat(who.getBoolean(4)).as("bypasses row-level security").isFalse();
            ResultSet tables = sql.executeQuery("SELECT count(*) FROM information_schema.tables"
                    + " WHERE table_schema = 'public'");
            tables.next();
            assertThat(tables.getLong(1)).isZero();

            sql.execute("CREATE TABLE owned_here (id INTEGER PRIMARY KEY)");
            sql.execute("INSERT INTO owned_here VALUES (1)");
        }
    }

    @Test
    void aWrongPassword_isRefused() {
        assertThatThrownBy(() -> DriverManager.getConnection(pg.url(), pg.database().user(), "not-the-password"))
                .isInstanceOf(SQLException.class)
                .satisfies(e -> assertThat(((SQLException) e).getSQLState()).as("invalid password").isEqualTo("28P01"));
    }

    @Test
    void theServer_listensOnLoopbackOnly_withItsSocketInAFolderOfItsOwn() throws SQLException {
        try (Connection jdbc = pg.cluster().connectAsSuperuser("postgres"); Statement sql = jdbc.createStatement()) {
            assertThat(show(sql, "listen_addresses")).isEqualTo("127.0.0.1");
            assertThat(show(sql, "unix_socket_directories"))
                    .isEqualTo(pg.cluster().folder().resolve("socket").toString());
        }
        assertThat(pg.cluster().folder().resolve("socket/.s.PGSQL." + pg.cluster().port())).exists();
    }

    @Test
    void aDroppedDatabase_andItsRole_areGone() throws SQLException {
        PostgresCluster.Database other = pg.cluster().createDatabase();
        other.connect().close();

        pg.cluster().dropDatabase(other);

        assertThatThrownBy(other::connect).isInstanceOf(SQLException.class);
        try (Connection jdbc = pg.cluster().connectAsSuperuser("postgres"); Statement sql = jdbc.createStatement()) {
            ResultSet left = sql.executeQuery("SELECT (SELECT count(*) FROM pg_database WHERE datname = '"
                    + other.name() + "') + (SELECT count(*) FROM pg_roles WHERE rolname = '" + other.user() + "')");
            left.next();
            assertThat(left.getLong(1)).isZero();
        }
    }

    @Test
    void closing_stopsTheServerAndDeletesItsFolder_whichTheUserPostgresOwnsUnderRoot() throws Exception {
        PostgresCluster cluster = PostgresCluster.start();
        Path folder = cluster.folder();
        try {
            cluster.connectAsSuperuser("postgres").close();
            String owner = Files.getOwner(folder.resolve("data")).getName();
            assertThat(owner).as("PostgreSQL refuses to run as root")
                    .isEqualTo("root".equals(System.getProperty("user.name")) ? "postgres" : System.getProperty("user.name"));
        } finally {
            cluster.close();
        }

        assertThat(folder).doesNotExist();
        assertThatThrownBy(() -> cluster.connectAsSuperuser("postgres").close()).isInstanceOf(SQLException.class);
    }

    @Test
    void withoutPostgresqlsServerPrograms_failsSayingHowToInstallThem(@TempDir Path empty) {
        assertThatThrownBy(() -> PostgresCluster.start(List.of(empty)))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("initdb, pg_ctl")
                .hasMessageContaining("`apt-get install postgresql`");
    }

    private static String show(Statement sql, String setting) throws SQLException {
        try (ResultSet value = sql.executeQuery("SHOW " + setting)) {
            value.next();
            return value.getString(1);
        }
    }
}
