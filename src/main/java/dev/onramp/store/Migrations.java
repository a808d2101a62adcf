package dev.onramp.store;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.flywaydb.core.api.MigrationVersion;

/**
 * Onramp's one Flyway history, for H2 and PostgreSQL alike: the migrations every database runs
 * ({@code db/migration}) and, under the same version numbers, those written for one kind of database
 * ({@code db/specific/h2}, {@code db/specific/postgresql}), where its SQL must differ (docs/adr/0033).
 */
final class Migrations {
    private static final String EVERY_DATABASE = "classpath:db/migration";
    private static final String ONE_KIND = "classpath:db/specific/";

    private Migrations() {}

    /** Flyway on {@code database} with Onramp's whole history, then the migrations under {@code testLocations}. */
    static Flyway flyway(DataSource database, String... testLocations) {
        return flyway(database, MigrationVersion.LATEST, testLocations);
    }

    /** Flyway on {@code database}, migrating up to {@code target}. */
    static Flyway flyway(DataSource database, MigrationVersion target, String... testLocations) {
        List<String> locations = new ArrayList<>(List.of(EVERY_DATABASE, ONE_KIND + kind(database)));
        locations.addAll(List.of(testLocations));
        return Flyway.configure().dataSource(database).locations(locations.toArray(String[]::new)).target(target)
                .load();
    }

    /** The folder of {@code db/specific} for the kind of database behind {@code database}. */
    static String kind(DataSource database) {
        String product;
        try (Connection jdbc = database.getConnection()) {
            product = jdbc.getMetaData().getDatabaseProductName();
        } catch (SQLException e) {
            throw new FlywayException("Could not tell what kind of database to migrate: " + e.getMessage(), e);
        }
        return switch (product) {
            case "H2" -> "h2";
            case "PostgreSQL" -> "postgresql";
            default -> throw new FlywayException("Onramp keeps its data in H2 or PostgreSQL, not in " + product);
        };
    }
}
