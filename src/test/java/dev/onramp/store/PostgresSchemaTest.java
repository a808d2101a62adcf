package dev.onramp.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.onramp.testing.PostgresDatabase;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.MigrationState;
import org.flywaydb.core.api.output.MigrateResult;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Onramp's whole Flyway history on a real, empty PostgreSQL database (docs/adr/0033), through the same
 * Flyway set-up the H2 store uses: it applies, validates, and gives the tables, columns and rules H2 has.
 */
class PostgresSchemaTest {
    private static final Instant NOW = Instant.parse("2026-01-05T09:00:00.123456Z");

    @RegisterExtension
    static final PostgresDatabase pg = new PostgresDatabase();

    private static MigrateResult migrated;

    @BeforeAll
    static void migrate() {
        migrated = Migrations.flyway(pg.dataSource()).migrate();
    }

    @Test
    void theWholeHistory_migratesAnEmptyPostgresDatabase_andValidates() {
        assertThat(migrated.success).isTrue();
        assertThat(migrated.database).isEqualTo(pg.database().name());
        Flyway flyway = Migrations.flyway(pg.dataSource());
        assertThat(flyway.info().applied()).extracting(info -> info.getVersion().getVersion())
                .containsExactly("1", "2", "3", "4", "5", "6", "7", "8", "9", "10", "12");
        assertThat(flyway.info().applied()).extracting(MigrationInfo::getState).containsOnly(MigrationState.SUCCESS);
        assertThat(flyway.info().pending()).isEmpty();
        assertThat(flyway.validateWithResult().validationSuccessful).as("flyway validate").isTrue();
    }

    @Test
    void thePostgresSchema_hasTheTablesColumnsTypesAndConstraintsOfTheH2One(@TempDir Path dataDir) throws SQLException {
        Map<String, String> onH2;
        try (Database h2 = Database.open(dataDir)) {
            onH2 = h2.withConnection(jdbc -> schema(jdbc, "PUBLIC"));
        }
        Map<String, String> onPostgres;
        try (Connection jdbc = pg.connect()) {
            onPostgres = schema(jdbc, "public");
        }

        assertThat(onPostgres).containsOnlyKeys(onH2.keySet()).isEqualTo(onH2);
    }

    @Test
    void aBusinessName_isFoundWhateverItsLetterCase_andTakenInAnyLetterCase() throws SQLException {
        UUID acme = UUID.randomUUID();
        try (Connection jdbc = pg.connect()) {
            Sql.update(jdbc, "INSERT INTO tenant (id, name, business_type) VALUES (?, ?, ?)", acme, "Acme Ölwerke", "shop");

            // The repositories' own statements, parameters bound as they bind them.
            assertThat(Sql.queryOne(jdbc, "SELECT id FROM tenant WHERE name = ?", row -> Sql.uuid(row, "id"),
                    "aCME ölWERKE")).contains(acme);
            SQLException taken = catchThrowableOfType(SQLException.class, () -> Sql.update(jdbc,
                    "INSERT INTO tenant (id, name, business_type) VALUES (?, ?, ?)", UUID.randomUUID(), "ACME ÖLWERKE",
                    "shop"));
            assertThat(taken.getSQLState()).as("unique violation").isEqualTo("23505");
            assertThat(taken.getMessage()).contains("tenant_name_unique");
            assertThat(Sql.queryOne(jdbc, "SELECT id FROM tenant WHERE name = ?", row -> Sql.uuid(row, "id"),
                    "Acme Olwerke")).as("accents still count, as on H2").isEmpty();
        }
    }

    @Test
    void theAuditLog_refusesUpdateDeleteAndTruncate_withTheSqlStateAndSentenceOfH2() throws SQLException {
        try (Connection jdbc = pg.connect()) {
            Sql.update(jdbc, "INSERT INTO audit_log (seq, tenant_id, at, actor, action, resource, prev_mac, mac)"
                    + " VALUES (1, ?, ?, 'user:kim', 'tenant.created', 'tenant/1', ?, ?)", UUID.randomUUID(), NOW,
                    new byte[32], new byte[32]);
            Sql.update(jdbc, "UPDATE audit_head SET seq = 1");

            for (String change : List.of("UPDATE audit_log SET actor = 'someone else'", "DELETE FROM audit_log",
                    "TRUNCATE audit_log CASCADE")) {
                SQLException refused = catchThrowableOfType(SQLException.class, () -> Sql.update(jdbc, change));
                assertThat((Throwable) refused).as(change).isNotNull();
                assertThat(refused.getSQLState()).as(change).isEqualTo(AppendOnlyTrigger.SQL_STATE);
                assertThat(refused.getMessage()).as(change)
                        .contains("Onramp's audit log is append-only: its entries cannot be changed or deleted.");
            }
            assertThat(Sql.queryOne(jdbc, "SELECT count(*) FROM audit_log", row -> row.getLong(1))).contains(1L);
        }
    }

    @Test
    void aConnection_keepsItsSecretUntilDisconnected_andNoneAfter() throws SQLException {
        UUID beta = UUID.randomUUID();
        try (Connection jdbc = pg.connect()) {
            Sql.update(jdbc, "INSERT INTO tenant (id, name, business_type) VALUES (?, ?, ?)", beta, "Beta", "shop");
            String insert = "INSERT INTO connection (id, tenant_id, provider_id, source_id, status, secret_config,"
                    + " streams, stream_count, created_at, disconnected_at) VALUES (?, ?, 'stripe', 'source-1', ?, ?, ?,"
                    + " 2, ?, ?)";

            Sql.update(jdbc, insert, UUID.randomUUID(), beta, "DISCONNECTED", null, List.of("charges", "customers"),
                    NOW, NOW);
            SQLException withoutSecret = catchThrowableOfType(SQLException.class, () -> Sql.update(jdbc, insert,
                    UUID.randomUUID(), beta, "ACTIVE", null, List.of("charges", "customers"), NOW, null));

            assertThat(withoutSecret.getSQLState()).as("check violation").isEqualTo("23514");
            assertThat(withoutSecret.getMessage()).contains("connection_secret_until_disconnected");
            assertThat(Sql.queryOne(jdbc, "SELECT streams FROM connection WHERE tenant_id = ?",
                    row -> Sql.strings(row, "streams"), beta)).contains(List.of("charges", "customers"));
        }
    }

    /**
     * Each table's columns (name, type, nullable) and named rules (primary and foreign keys, unique and check
     * constraints), lower-case, with H2's two type names that PostgreSQL spells otherwise (VARBINARY: BYTEA,
     * VARCHAR_IGNORECASE: VARCHAR in the collation onramp_ignore_case) said alike.
     */
    private static Map<String, String> schema(Connection jdbc, String schema) throws SQLException {
        Map<String, String> found = new TreeMap<>();
        for (List<String> column : Sql.query(jdbc, "SELECT table_name, column_name, data_type, is_nullable,"
                + " COALESCE(collation_name, '') FROM information_schema.columns"
                + " WHERE table_schema = ? AND LOWER(table_name) <> 'flyway_schema_history'",
                row -> List.of(row.getString(1), row.getString(2), row.getString(3), row.getString(4), row.getString(5)),
                schema)) {
            String type = column.get(2).toLowerCase(Locale.ROOT)
                    .replace("binary varying", "bytea")
                    .replace("varchar_ignorecase", "character varying ignoring case")
                    + (column.get(4).equals("onramp_ignore_case") ? " ignoring case" : "");
            found.put((column.get(0) + "." + column.get(1)).toLowerCase(Locale.ROOT),
                    type + (column.get(3).equals("YES") ? "" : " not null"));
        }
        for (List<String> constraint : Sql.query(jdbc, "SELECT table_name, constraint_name, constraint_type"
                + " FROM information_schema.table_constraints WHERE table_schema = ?"
                + " AND LOWER(table_name) <> 'flyway_schema_history' AND constraint_name NOT LIKE '%\\_not\\_null'",
                row -> List.of(row.getString(1), row.getString(2), row.getString(3)), schema)) {
            found.put((constraint.get(0) + " " + constraint.get(1)).toLowerCase(Locale.ROOT),
                    constraint.get(2).toLowerCase(Locale.ROOT));
        }
        return found;
    }
}
