package dev.onramp.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.crypto.tink.KeysetHandle;
import com.google.crypto.tink.Mac;
import com.google.crypto.tink.RegistryConfiguration;
import com.google.crypto.tink.mac.MacConfig;
import com.google.crypto.tink.mac.PredefinedMacParameters;
import dev.onramp.model.AuditEvent;
import dev.onramp.model.TenantId;
import dev.onramp.text.Messages;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.SQLException;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Attacks on the audit log by someone who can change the database file but holds no key: every change
 * is found by {@link AuditLog#verify()}, which names the first entry that is not as it was written.
 */
class AuditLogTamperTest {
    @TempDir
    Path dir;

    private Path dataDir;
    private final TenantId acme = TenantId.random();
    private final TenantId globex = TenantId.random();

    /** Five entries of two businesses, then Onramp closes. */
    @BeforeEach
    void writeFiveEntries() {
        dataDir = dir.resolve("data");
        try (TestStore store = TestStore.open(dataDir)) {
            store.append(acme, "tenant.created");
            store.append(globex, "tenant.created");
            store.append(acme, "connect.succeeded");
            store.append(acme, "connect.failed");
            store.append(globex, "connect.succeeded");
        }
    }

    @Test
    void untouchedLog_isIntact() {
        assertThat(verify()).isEqualTo(new AuditVerification.Intact(5, 5));
    }

    @Test
    void updateDeleteAndTruncate_areRefusedByTheDatabaseItself() throws SQLException {
        try (Attacker attacker = Attacker.on(dataDir)) {
            assertThatThrownBy(() -> attacker.run("UPDATE audit_log SET details = 'nothing happened' WHERE seq = 3"))
                    .hasMessageContaining("append-only");
            assertThatThrownBy(() -> attacker.run("DELETE FROM audit_log WHERE seq = 3"))
                    .hasMessageContaining("append-only");
            assertThatThrownBy(() -> attacker.run("TRUNCATE TABLE audit_log")).isInstanceOf(SQLException.class);
        }

        assertThat(verify()).isEqualTo(new AuditVerification.Intact(5, 5));
    }

    @Test
    void droppedAppendOnlyTrigger_isReportedAsMissingProtectionThoughEveryEntryIsIntact() throws SQLException {
        try (Attacker attacker = Attacker.on(dataDir)) {
            attacker.dropAppendOnlyTrigger();
        }

        assertThat(verify()).isInstanceOfSatisfying(AuditVerification.Unprotected.class, unprotected -> {
            assertThat(unprotected.entries()).isEqualTo(5);
            assertThat(unprotected.missing()).singleElement().asString()
                    .contains("trigger", AppendOnlyTrigger.class.getName(), "is gone");
            assertThat(unprotected.message()).startsWith("The database's protection of the audit trail is missing")
                    .contains("run onramp audit export").endsWith(".");
        });
    }

    @Test
    void appendOnlyTriggerReplacedByOneThatAllowsChanges_isReportedAsMissingProtection() throws SQLException {
        try (Attacker attacker = Attacker.on(dataDir)) {
            attacker.dropAppendOnlyTrigger().run("CREATE TRIGGER audit_log_append_only BEFORE UPDATE, DELETE ON"
                    + " audit_log FOR EACH ROW CALL \"" + AllowingTrigger.class.getName() + "\"");
        }

        assertThat(verify()).isInstanceOf(AuditVerification.Unprotected.class);
    }

    @Test
    void triggerGuardingOnlyUpdates_isReportedAsMissingProtection() throws SQLException {
        try (Attacker attacker = Attacker.on(dataDir)) {
            attacker.dropAppendOnlyTrigger().run("CREATE TRIGGER audit_log_append_only BEFORE UPDATE ON audit_log"
                    + " FOR EACH ROW CALL \"" + AppendOnlyTrigger.class.getName() + "\"");
        }

        assertThat(verify()).isInstanceOf(AuditVerification.Unprotected.class);
    }

    @Test
    void droppedHeadForeignKey_isReportedAsMissingProtection() throws SQLException {
        try (Attacker attacker = Attacker.on(dataDir)) {
            attacker.run("ALTER TABLE audit_head DROP CONSTRAINT audit_head_entry_fk");
        }

        assertThat(verify()).isInstanceOfSatisfying(AuditVerification.Unprotected.class, unprotected ->
                assertThat(unprotected.missing()).singleElement().asString().contains("foreign key"));
    }

    @Test
    void headForeignKeyRecreatedToClearTheHead_isReportedAsMissingProtection() throws SQLException {
        try (Attacker attacker = Attacker.on(dataDir)) {
            attacker.run("ALTER TABLE audit_head DROP CONSTRAINT audit_head_entry_fk")
                    .run("ALTER TABLE audit_head ADD CONSTRAINT audit_head_entry_fk FOREIGN KEY (seq)"
                            + " REFERENCES audit_log (seq) ON DELETE SET NULL");
        }

        assertThat(verify()).isInstanceOf(AuditVerification.Unprotected.class);
    }

    @Test
    void editedMiddleEntry_isReportedAtItsSequenceNumber() throws SQLException {
        try (Attacker attacker = Attacker.on(dataDir)) {
            attacker.dropAppendOnlyTrigger().run("UPDATE audit_log SET action = 'connect.succeeded' WHERE seq = 4");
        }

        assertThat(verify()).isInstanceOfSatisfying(AuditVerification.Broken.class, broken -> {
            assertThat(broken.firstBadSeq()).isEqualTo(4);
            assertThat(broken.reason()).contains("changed after it was written");
        });
    }

    @Test
    void deletedMiddleEntry_isReportedInGermanAndFrench() throws SQLException {
        try (Attacker attacker = Attacker.on(dataDir)) {
            attacker.dropAppendOnlyTrigger().run("DELETE FROM audit_log WHERE seq = 2");
        }

        assertThat(verify()).isInstanceOfSatisfying(AuditVerification.Broken.class, broken -> {
            assertThat(Messages.of(Locale.GERMAN).render(broken.text()))
                    .isEqualTo("Das Prüfprotokoll wurde bei Eintrag 2 manipuliert: Eintrag 2 fehlt (der nächste Eintrag"
                            + " ist 3).");
            assertThat(Messages.of(Locale.FRENCH).render(broken.text()))
                    .isEqualTo("Le journal d’audit a été falsifié à l’entrée 2 : l’entrée 2 manque (l’entrée suivante"
                            + " est la 3).");
        });
    }

    @Test
    void entryMovedToAnotherBusiness_isReportedAtItsSequenceNumber() throws SQLException {
        try (Attacker attacker = Attacker.on(dataDir)) {
            attacker.dropAppendOnlyTrigger().run("UPDATE audit_log SET tenant_id = ? WHERE seq = 3", globex.value());
        }

        assertThat(firstBadSeq()).isEqualTo(3);
    }

    @Test
    void deletedMiddleEntry_isReportedAsMissing() throws SQLException {
        try (Attacker attacker = Attacker.on(dataDir)) {
            attacker.dropAppendOnlyTrigger().run("DELETE FROM audit_log WHERE seq = 2");
        }

        assertThat(verify()).isInstanceOfSatisfying(AuditVerification.Broken.class, broken -> {
            assertThat(broken.firstBadSeq()).isEqualTo(2);
            assertThat(broken.reason()).contains("entry 2 is missing");
        });
    }

    @Test
    void deletedMiddleEntryWithTheRestRenumbered_isReportedWhereTheChainBreaks() throws SQLException {
        try (Attacker attacker = Attacker.on(dataDir)) {
            attacker.dropAppendOnlyTrigger()
                    .run("UPDATE audit_head SET seq = NULL")
                    .run("DELETE FROM audit_log WHERE seq = 2")
                    .run("UPDATE audit_log SET seq = seq - 1 WHERE seq > 2")
                    .run("UPDATE audit_head SET seq = 4");
        }

        assertThat(firstBadSeq()).isEqualTo(2);
    }

    @Test
    void deletedTailWithTheHeadMovedBack_isCaughtByTheSignedCheckpoint() throws SQLException {
        try (Attacker attacker = Attacker.on(dataDir)) {
            attacker.dropAppendOnlyTrigger()
                    .run("UPDATE audit_head SET seq = 3")
                    .run("DELETE FROM audit_log WHERE seq > 3");
        }

        assertThat(verify()).isInstanceOfSatisfying(AuditVerification.Broken.class, broken -> {
            assertThat(broken.firstBadSeq()).isEqualTo(4);
            assertThat(broken.reason()).contains("a signed checkpoint vouches for entry 5");
        });
    }

    @Test
    void deletedTailBehindTheHeadsBack_isReportedFromTheHead() throws SQLException {
        try (Attacker attacker = Attacker.on(dataDir)) {
            attacker.dropAppendOnlyTrigger()
                    .run("ALTER TABLE audit_head DROP CONSTRAINT audit_head_entry_fk")
                    .run("DELETE FROM audit_log WHERE seq > 3");
        }

        assertThat(verify()).isInstanceOfSatisfying(AuditVerification.Broken.class, broken -> {
            assertThat(broken.firstBadSeq()).isEqualTo(4);
            assertThat(broken.reason()).contains("the log's head names entry 5");
        });
    }

    @Test
    void reorderedEntries_areReportedAtTheFirstMovedOne() throws SQLException {
        try (Attacker attacker = Attacker.on(dataDir)) {
            attacker.dropAppendOnlyTrigger()
                    .run("UPDATE audit_head SET seq = NULL")
                    .run("UPDATE audit_log SET seq = 100 WHERE seq = 3")
                    .run("UPDATE audit_log SET seq = 3 WHERE seq = 4")
                    .run("UPDATE audit_log SET seq = 4 WHERE seq = 100")
                    .run("UPDATE audit_head SET seq = 5");
        }

        assertThat(firstBadSeq()).isEqualTo(3);
    }

    @Test
    void chainRecomputedWithAnotherKey_isReportedAtTheFirstChangedEntry() throws Exception {
        AuditChain forged = new AuditChain(attackersOwnKey());
        try (Attacker attacker = Attacker.on(dataDir)) {
            attacker.dropAppendOnlyTrigger().run("UPDATE audit_log SET details = 'harmless' WHERE seq = 3");
            List<AuditRow> rows = attacker.query("SELECT * FROM audit_log ORDER BY seq", row -> new AuditRow(
                    new AuditEvent(row.getLong("seq"), new TenantId(Sql.uuid(row, "tenant_id")),
                            Sql.instant(row, "at"), row.getString("actor"), row.getString("action"),
                            row.getString("resource"), row.getString("details")),
                    row.getBytes("prev_mac"), row.getBytes("mac")));
            byte[] previous = rows.get(1).mac();
            for (AuditRow row : rows.subList(2, rows.size())) {
                byte[] mac = forged.mac(previous, row.event());
                attacker.run("UPDATE audit_log SET prev_mac = ?, mac = ? WHERE seq = ?", previous, mac, row.seq());
                previous = mac;
            }
        }

        assertThat(verify()).isInstanceOfSatisfying(AuditVerification.Broken.class, broken -> {
            assertThat(broken.firstBadSeq()).isEqualTo(3);
            assertThat(broken.reason()).contains("MAC does not match");
        });
    }

    @Test
    void checkpointSignedByAnotherKey_isReported() throws Exception {
        Path file = dataDir.resolve(AuditCheckpoints.FILE_NAME);
        List<String> lines = Files.readAllLines(file);
        String forged = lines.getLast().replace("\"seq\":5", "\"seq\":9");
        Files.writeString(file, forged + "\n", StandardOpenOption.APPEND);

        assertThat(verify()).isInstanceOfSatisfying(AuditVerification.Broken.class, broken -> {
            assertThat(broken.firstBadSeq()).isEqualTo(6);
            assertThat(broken.reason()).contains("line " + (lines.size() + 1), "not signed by this Onramp");
        });
    }

    @Test
    void missingCheckpointFile_isReported() throws Exception {
        Files.delete(dataDir.resolve(AuditCheckpoints.FILE_NAME));

        assertThat(verify()).isInstanceOfSatisfying(AuditVerification.Broken.class, broken ->
                assertThat(broken.reason()).contains("no signed checkpoint"));
    }

    @Test
    void checkpointLineCutShortByACrash_isIgnored() throws Exception {
        Files.writeString(dataDir.resolve(AuditCheckpoints.FILE_NAME), "{\"seq\":6,\"mac\":\"AAE",
                StandardCharsets.UTF_8, StandardOpenOption.APPEND);

        assertThat(verify()).isEqualTo(new AuditVerification.Intact(5, 5));
    }

    private AuditVerification verify() {
        try (TestStore store = TestStore.open(dataDir)) {
            return store.audit.verify();
        }
    }

    private long firstBadSeq() {
        AuditVerification result = verify();
        assertThat(result).isInstanceOf(AuditVerification.Broken.class);
        return ((AuditVerification.Broken) result).firstBadSeq();
    }

    private static Mac attackersOwnKey() throws Exception {
        MacConfig.register();
        return KeysetHandle.generateNew(PredefinedMacParameters.HMAC_SHA256_256BITTAG)
                .getPrimitive(RegistryConfiguration.get(), Mac.class);
    }

    /** A trigger an attacker could put in the append-only one's place: it lets every change through. */
    public static final class AllowingTrigger implements org.h2.api.Trigger {
        @Override
        public void fire(java.sql.Connection jdbc, Object[] oldRow, Object[] newRow) {
            // Lets the change through.
        }
    }
}
