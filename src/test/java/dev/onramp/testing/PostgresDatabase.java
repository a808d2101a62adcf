package dev.onramp.testing;

import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * A JUnit extension (a static {@code @RegisterExtension} field) giving a test class an empty PostgreSQL
 * database and a login role of its own, on the one throw-away {@link PostgresCluster} that all test classes of
 * the JVM share: started by the first class that needs it, stopped and deleted when the test run ends.
 */
public final class PostgresDatabase implements BeforeAllCallback, AfterAllCallback {
    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(PostgresDatabase.class);

    private PostgresCluster cluster;
    private PostgresCluster.Database database;

    @Override
    public void beforeAll(ExtensionContext context) {
        // In the root store, which closes the cluster (AutoCloseable) once every test class has run.
        cluster = context.getRoot().getStore(NAMESPACE)
                .computeIfAbsent(PostgresCluster.class, type -> PostgresCluster.start(), PostgresCluster.class);
        database = cluster.createDatabase();
    }

    @Override
    public void afterAll(ExtensionContext context) {
        if (database != null) {
            cluster.dropDatabase(database);
            database = null;
        }
    }

    /** The database, its role and password. */
    public PostgresCluster.Database database() {
        return database;
    }

    /** The shared cluster, for what only its superuser may do. */
    public PostgresCluster cluster() {
        return cluster;
    }

    /** The JDBC address of the test class's database. */
    public String url() {
        return database.url();
    }

    /** A DataSource that logs in to the test class's database as its own role. */
    public DataSource dataSource() {
        PGSimpleDataSource source = new PGSimpleDataSource();
        source.setUrl(database.url());
        source.setUser(database.user());
        source.setPassword(database.password());
        return source;
    }

    /** A new connection as the test class's role. */
    public Connection connect() throws SQLException {
        return database.connect();
    }
}
