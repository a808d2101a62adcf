package dev.onramp.store;

import dev.onramp.model.AuditEvent;
import dev.onramp.model.TenantId;
import dev.onramp.text.Text;
import java.io.IOException;
import java.io.Writer;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CancellationException;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The append-only, tamper-evident audit trail; details never hold a secret. Each entry is chained to
 * the one before by an HMAC ({@link AuditChain}), the database refuses UPDATE and DELETE on it
 * ({@link AppendOnlyTrigger}), and signed checkpoints outside the database ({@link AuditCheckpoints})
 * reveal entries cut off its end. {@link #verify()} checks all three, the database's rules included.
 */
public final class AuditLog implements AutoCloseable {
    private static final String COLUMNS = "SELECT seq, tenant_id, at, actor, action, resource, details FROM audit_log";
    private static final String LEGACY_TABLE = "AUDIT_LOG_V1";
    private static final Logger LOG = LoggerFactory.getLogger(AuditLog.class);
    /** How many entries {@link #verify(Progress)} reads at once. */
    static final int VERIFY_CHUNK = 2_000;

    private final Database db;
    private final AuditChain chain;
    private final AuditCheckpoints checkpoints;
    private final Clock clock;

    private AuditLog(Database db, AuditChain chain, AuditCheckpoints checkpoints, Clock clock) {
        this.db = Objects.requireNonNull(db, "db");
        this.chain = Objects.requireNonNull(chain, "chain");
        this.checkpoints = Objects.requireNonNull(checkpoints, "checkpoints");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /**
     * Opens the log of {@code db}: loads (on first use creates) its MAC and signing keys, kept encrypted
     * by {@code kek}, and chains in the entries an earlier release wrote without a chain. The signed
     * checkpoints go to {@value AuditCheckpoints#FILE_NAME} next to the database file.
     */
    public static AuditLog open(Database db, KekStore kek, Clock clock) {
        KeysetStore keysets = new KeysetStore(db, kek);
        AuditLog log = new AuditLog(db, AuditChain.open(keysets),
                AuditCheckpoints.open(db.file().resolveSibling(AuditCheckpoints.FILE_NAME), keysets, clock), clock);
        log.adoptUnchainedEntries();
        return log;
    }

    /**
     * Appends one entry stamped with the clock's current instant, in the caller's transaction. The
     * chain's head stays locked until that transaction ends, so concurrent appends queue up in order;
     * a signed checkpoint follows once it has committed.
     */
    public void append(Tx tx, TenantId tenant, String actor, String action, String resource, String details) {
        TenantScope.require(tenant);
        AuditRow row = db.within(tx, jdbc -> appendLocked(jdbc, tenant, clock.instant(), actor, action, resource,
                details));
        tx.afterCommit(() -> checkpoints.write(row.seq(), row.mac()));
    }

    /** The tenant's entries, oldest first. */
    public List<AuditEvent> list(TenantId tenant) {
        TenantScope.require(tenant);
        return db.withConnection(jdbc -> Sql.query(jdbc, COLUMNS + " WHERE tenant_id = ? ORDER BY seq",
                AuditLog::event, tenant.value()));
    }

    /** Writes the tenant's entries, oldest first, to {@code out}; returns how many. */
    public int exportTenant(TenantId tenant, AuditFormat format, Writer out) throws IOException {
        List<AuditEvent> entries = list(tenant);
        AuditExport.write(entries, businessNames(), format, out);
        return entries.size();
    }

    /** Writes every tenant's entries, oldest first, to {@code out}: for support, who sees every business anyway. */
    public int exportAll(AuditFormat format, Writer out) throws IOException {
        List<AuditEvent> entries = db.withConnection(jdbc -> Sql.query(jdbc, COLUMNS + " ORDER BY seq",
                AuditLog::event));
        AuditExport.write(entries, businessNames(), format, out);
        return entries.size();
    }

    /** Every business's name by its id, for exports to show beside the ids. */
    private Map<TenantId, String> businessNames() {
        return db.withConnection(jdbc -> Sql.query(jdbc, "SELECT id, name FROM tenant",
                row -> Map.entry(new TenantId(row.getObject("id", UUID.class)), row.getString("name"))))
                .stream().collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
    }

    /**
     * Checks every entry's MAC and link, that the numbers run without a gap up to the head, and that
     * every signed checkpoint matches: returns the first entry that is not as it was written. When all
     * are, checks that the database still refuses changes to them ({@link AuditProtection}).
     */
    public AuditVerification verify() {
        return verify((checked, total) -> true);
    }

    /**
     * As {@link #verify()}, reading {@value #VERIFY_CHUNK} entries at a time and telling {@code progress}
     * after each chunk; when it answers false the check stops with a {@link CancellationException}.
     */
    public AuditVerification verify(Progress progress) {
        Objects.requireNonNull(progress, "progress");
        // The checkpoints first: one is written only after its entry committed, so every checkpoint
        // read now names an entry the rows read next must contain.
        AuditCheckpoints.Reading reading = checkpoints.read();
        long head = db.withConnection(jdbc -> headSeq(jdbc, ""));
        long total = db.withConnection(jdbc -> Sql.queryOne(jdbc, "SELECT COUNT(*) FROM audit_log",
                row -> row.getLong(1))).orElse(0L);
        Walk walk = new Walk(reading);
        Optional<AuditVerification.Broken> broken = Optional.empty();
        long checked = 0;
        long last = 0;
        while (broken.isEmpty()) {
            long after = last;
            List<AuditRow> chunk = db.withConnection(jdbc -> Sql.query(jdbc, "SELECT seq, tenant_id, at, actor,"
                    + " action, resource, details, prev_mac, mac FROM audit_log WHERE seq > ? ORDER BY seq LIMIT ?",
                    row -> new AuditRow(event(row), row.getBytes("prev_mac"), row.getBytes("mac")), after,
                    VERIFY_CHUNK));
            if (chunk.isEmpty()) {
                break;
            }
            for (AuditRow row : chunk) {
                broken = walk.next(row);
                if (broken.isPresent()) {
                    break;
                }
            }
            checked += chunk.size();
            last = chunk.getLast().seq();
            if (!progress.checked(checked, Math.max(total, checked))) {
                throw new CancellationException("The check of the audit trail was cancelled after " + checked
                        + " entries.");
            }
        }
        List<AuditVerification.Broken> problems = new ArrayList<>();
        long newest = last;
        long entries = checked;
        broken.ifPresentOrElse(problems::add, () -> problems.addAll(missingTail(newest, head, reading)));
        reading.badLine().ifPresent(bad -> problems.add(new AuditVerification.Broken(bad.vouchedBefore() + 1,
                Text.of("store.audit.reason.badCheckpointLine", bad.lineNumber(), checkpoints.file().toString()))));
        if (!problems.isEmpty()) {
            return problems.stream().min(Comparator.comparingLong(AuditVerification.Broken::firstBadSeq)).orElseThrow();
        }
        List<Text> unprotected = db.withConnection(AuditProtection::missing);
        return unprotected.isEmpty() ? new AuditVerification.Intact(entries, reading.highestSeq())
                : new AuditVerification.Unprotected(entries, unprotected);
    }

    /** Hears how far a check of the log has come; answers false to stop it. */
    @FunctionalInterface
    public interface Progress {
        /** {@code checked} of about {@code total} entries are checked; false stops the check. */
        boolean checked(long checked, long total);
    }

    /**
     * Writes a signed checkpoint for the newest entry, in case the one after its append could not be
     * written. A head without its entry is left for {@link #verify()} to report. A reader of another
     * Onramp's database writes none. Once the disk is full the database can no longer be read; the
     * failure that said so was reported where it happened.
     */
    @Override
    public void close() {
        if (db.reader()) {
            return; // The Onramp that owns the database writes the checkpoints.
        }
        try {
            db.withConnection(jdbc -> Sql.queryOne(jdbc,
                    "SELECT log.seq, log.mac FROM audit_head head JOIN audit_log log ON log.seq = head.seq",
                    row -> new Link(row.getLong("seq"), row.getBytes("mac"))))
                    .ifPresent(newest -> checkpoints.write(newest.seq(), newest.mac()));
        } catch (DiskFullException e) {
            LOG.debug("No audit checkpoint written on closing: {}", e.getMessage());
        }
    }

    /** The walk from the oldest entry to the first whose number, link, MAC or checkpoint is wrong. */
    private final class Walk {
        private final Map<Long, List<AuditCheckpoints.Checkpoint>> vouched;
        private long expected = 1;
        private byte[] previousMac = AuditChain.GENESIS;

        Walk(AuditCheckpoints.Reading reading) {
            vouched = reading.checkpoints().stream().collect(Collectors.groupingBy(AuditCheckpoints.Checkpoint::seq));
        }

        /** What is wrong with {@code row}, the next entry read; empty when it is as it was written. */
        Optional<AuditVerification.Broken> next(AuditRow row) {
            long seq = row.seq();
            if (seq != expected) {
                return Optional.of(new AuditVerification.Broken(expected,
                        Text.of("store.audit.reason.missing", expected, seq)));
            }
            if (!Arrays.equals(row.prevMac(), previousMac)) {
                return Optional.of(new AuditVerification.Broken(seq,
                        Text.of("store.audit.reason.notFollowing", seq, seq - 1)));
            }
            if (!chain.matches(row)) {
                return Optional.of(new AuditVerification.Broken(seq, Text.of("store.audit.reason.changed", seq)));
            }
            for (AuditCheckpoints.Checkpoint checkpoint : vouched.getOrDefault(seq, List.of())) {
                if (!Arrays.equals(checkpoint.mac(), row.mac())) {
                    // The checkpoint's time stays an ISO-8601 instant in every language, as it was said before.
                    return Optional.of(new AuditVerification.Broken(seq, Text.of("store.audit.reason.notVouched", seq,
                            checkpoint.at().toString())));
                }
            }
            previousMac = row.mac();
            expected++;
            return Optional.empty();
        }
    }

    /** Entries missing after the newest one present, by the head's and by the signed checkpoints' account. */
    private List<AuditVerification.Broken> missingTail(long last, long head, AuditCheckpoints.Reading reading) {
        List<AuditVerification.Broken> problems = new ArrayList<>();
        if (head > last) {
            problems.add(new AuditVerification.Broken(last + 1,
                    Text.of("store.audit.reason.tailBeforeHead", last + 1, head)));
        }
        if (reading.highestSeq() > last) {
            problems.add(new AuditVerification.Broken(last + 1,
                    Text.of("store.audit.reason.tailBeforeCheckpoint", last + 1, reading.highestSeq())));
        }
        if (last > 0 && reading.checkpoints().isEmpty() && reading.badLine().isEmpty()) {
            problems.add(new AuditVerification.Broken(1,
                    Text.of("store.audit.reason.noCheckpoint", checkpoints.file().toString())));
        }
        return problems;
    }

    private AuditRow appendLocked(Connection jdbc, TenantId tenant, Instant at, String actor, String action,
            String resource, String details) throws SQLException {
        long head = headSeq(jdbc, " FOR UPDATE");
        byte[] prevMac = head == 0 ? AuditChain.GENESIS : macOf(jdbc, head);
        AuditEvent entry = new AuditEvent(head + 1, tenant, at, actor, action, resource, details);
        byte[] mac = chain.mac(prevMac, entry);
        Sql.update(jdbc, """
                INSERT INTO audit_log (seq, tenant_id, at, actor, action, resource, details, prev_mac, mac)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)""",
                entry.seq(), tenant.value(), at, actor, action, resource, details, prevMac, mac);
        Sql.update(jdbc, "UPDATE audit_head SET seq = ? WHERE id = 1", entry.seq());
        return new AuditRow(entry, prevMac, mac);
    }

    /** The newest entry's number, 0 for an empty log. */
    private static long headSeq(Connection jdbc, String lock) throws SQLException {
        return Sql.queryOne(jdbc, "SELECT seq FROM audit_head WHERE id = 1" + lock, row -> row.getLong("seq"))
                .orElseThrow(() -> new StoreException(Text.of("store.auditLog.headLost")));
    }

    private static byte[] macOf(Connection jdbc, long seq) throws SQLException {
        return Sql.queryOne(jdbc, "SELECT mac FROM audit_log WHERE seq = ?", row -> row.getBytes("mac"), seq)
                .orElseThrow(() -> new StoreException(Text.of("store.auditLog.entryMissing", String.valueOf(seq))));
    }

    /**
     * Entries written by a release without the chain wait in audit_log_v1; they are appended to the
     * chain in their order, with their original times, and removed from there in one transaction.
     */
    private void adoptUnchainedEntries() {
        if (!db.withConnection(AuditLog::legacyTableExists)) {
            return;
        }
        db.inTransaction(tx -> {
            Optional<AuditRow> last = db.within(tx, jdbc -> {
                List<AuditEvent> legacy = Sql.query(jdbc, "SELECT seq, tenant_id, at, actor, action, resource,"
                        + " details FROM audit_log_v1 ORDER BY seq", AuditLog::event);
                Optional<AuditRow> appended = Optional.empty();
                for (AuditEvent entry : legacy) {
                    appended = Optional.of(appendLocked(jdbc, entry.tenantId(), entry.at(), entry.actor(),
                            entry.action(), entry.resource(), entry.details()));
                }
                Sql.update(jdbc, "DELETE FROM audit_log_v1");
                return appended;
            });
            last.ifPresent(row -> tx.afterCommit(() -> checkpoints.write(row.seq(), row.mac())));
            return null;
        });
        // A crash before this line leaves an empty table, dropped on the next start.
        db.withConnection(jdbc -> Sql.update(jdbc, "DROP TABLE audit_log_v1"));
    }

    private static boolean legacyTableExists(Connection jdbc) throws SQLException {
        try (ResultSet tables = jdbc.getMetaData().getTables(null, "PUBLIC", LEGACY_TABLE, null)) {
            return tables.next();
        }
    }

    /** An entry's place in the chain. */
    private record Link(long seq, byte[] mac) {}

    private static AuditEvent event(ResultSet row) throws SQLException {
        return new AuditEvent(row.getLong("seq"), new TenantId(Sql.uuid(row, "tenant_id")), Sql.instant(row, "at"),
                row.getString("actor"), row.getString("action"), row.getString("resource"),
                row.getString("details"));
    }
}
