package dev.onramp.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.onramp.model.FlowId;
import dev.onramp.model.FlowKind;
import dev.onramp.model.FlowRecord;
import dev.onramp.model.FlowState;
import dev.onramp.model.Tenant;
import dev.onramp.model.TenantId;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The store on a disk that fills up (the {@link FullDisk} stand-in for ENOSPC): a commit is on the disk
 * before it is reported, one that cannot be written is refused whole with one sentence, and the audit
 * log stays intact, with no checkpoint vouching for what was never saved.
 */
class DiskFullTest {
    private static final Instant NOW = Instant.parse("2026-03-01T10:00:00Z");
    private static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);
    private static final TenantId TENANT = TenantId.random();

    @TempDir
    Path dir;

    private Path dataDir;
    private Database db;
    private AuditLog audit;

    @BeforeEach
    void openOnTheStandIn() {
        FullDisk.healthy();
        dataDir = dir.resolve("data");
        reopen(FullDisk.SCHEME);
    }

    @AfterEach
    void closeAndHeal() {
        close();
        FullDisk.healthy();
    }

    @Test
    void aCommit_isSyncedToTheDiskBeforeItReturnsAndBeforeItsCheckpointIsWritten() {
        FullDisk.healthy();

        db.inTransaction(tx -> {
            audit.append(tx, TENANT, "user:test", "connect.stored", "flow/1", "step");
            tx.afterCommit(() -> FullDisk.note("after-commit"));
            return null;
        });

        List<String> events = FullDisk.events();
        assertThat(events).contains("write", "sync", "after-commit");
        assertThat(events.lastIndexOf("sync")).as("a sync after the commit's last write: %s", events)
                .isGreaterThan(events.lastIndexOf("write"));
        assertThat(events.indexOf("after-commit")).as("the checkpoint only once synced: %s", events)
                .isGreaterThan(events.lastIndexOf("sync"));
    }

    @Test
    void aCommitTheDiskHasNoRoomFor_isRefusedWithOneSentence_andLeavesNoCheckpointForIt() throws IOException {
        db.inTransaction(tx -> {
            new TenantRepository(db).insert(tx, new Tenant(TENANT, "Acme", "online-shop", Optional.empty()));
            return null;
        });
        append("tenant.created");
        String checkpointsBefore = Files.readString(checkpoints());
        FullDisk.fullAfter(0);

        FlowId flow = FlowId.random();
        assertThatThrownBy(() -> db.inTransaction(tx -> {
            new FlowJournal(db, CLOCK).start(tx, TENANT, new FlowRecord(flow, TENANT, "stripe", FlowState.STARTED,
                    Optional.empty(), Optional.empty(), NOW, NOW, FlowKind.CONNECT, Optional.empty()));
            audit.append(tx, TENANT, "user:test", "connect.started", "flow/" + flow, "step");
            return null;
        })).isInstanceOf(DiskFullException.class)
                .hasMessage("The disk holding Onramp's data folder (" + dataDir.toAbsolutePath() + ") is full: Onramp"
                        + " could not save this change, so it was not made. Free some space on that disk, then try again.");
        close();
        assertThat(Files.readString(checkpoints())).isEqualTo(checkpointsBefore);

        FullDisk.healthy();
        reopen("file");
        assertThat(new FlowJournal(db, CLOCK).find(TENANT, flow)).isEmpty();
        assertThat(audit.verify()).isEqualTo(new AuditVerification.Intact(1, 1));
    }

    @Test
    void aFullDisk_stillOpensAMigratedDatabaseAndVerifiesItsAuditLog() {
        append("tenant.created");
        append("connect.stored");
        close();
        FullDisk.fullAfter(0);

        reopen(FullDisk.SCHEME);

        assertThat(audit.verify()).isEqualTo(new AuditVerification.Intact(2, 2));
        assertThat(FullDisk.events()).doesNotContain("write failed");
    }

    @Test
    void aCheckpointLineAFullDiskCutShort_isDroppedBeforeTheNextOne_soTheLogStaysIntact() throws IOException {
        append("tenant.created");
        // What a full disk leaves when only part of the next line fits.
        Files.writeString(checkpoints(), "{\"seq\":2,\"mac\":\"AQ", StandardCharsets.UTF_8, StandardOpenOption.APPEND);

        append("connect.stored");

        assertThat(audit.verify()).isEqualTo(new AuditVerification.Intact(2, 2));
        assertThat(Files.readString(checkpoints())).endsWith("\n").doesNotContain("\"AQ{");
    }

    @Test
    void aFullDisk_isRecognisedHoweverItsFailureIsWrapped() {
        SQLException h2 = new SQLException("General error: \"org.h2.mvstore.MVStoreException: Writing to"
                + " sun.nio.ch.FileChannelImpl@1 failed; length 4096 at 69632 [2.5.252/2]\"");
        IOException enospc = new IOException(FullDisk.ENOSPC);
        RuntimeException store = new RuntimeException("Writing failed", enospc);
        h2.addSuppressed(store);
        h2.initCause(new SQLException("The database has been closed", store));

        assertThat(DiskFullException.causedIt(h2)).isTrue();
        assertThat(DiskFullException.causedIt(new FileSystemException("/data/x", null, "No space left on device")))
                .isTrue();
        assertThat(DiskFullException.causedIt(new IOException("There is not enough space on the disk"))).isTrue();
        assertThat(DiskFullException.causedIt(new SQLException("The database has been closed"))).isFalse();
    }

    private void append(String action) {
        db.inTransaction(tx -> {
            audit.append(tx, TENANT, "user:test", action, "tenant/" + TENANT, "step " + action);
            return null;
        });
    }

    private Path checkpoints() {
        return dataDir.resolve(AuditCheckpoints.FILE_NAME);
    }

    private void reopen(String scheme) {
        db = scheme.equals("file") ? Database.open(dataDir) : Database.openOn(scheme, dataDir);
        audit = AuditLog.open(db, new FileKekStore(dir.resolve("keys/kek")), CLOCK);
    }

    private void close() {
        if (db != null) {
            audit.close();
            db.close();
            db = null;
        }
    }
}
