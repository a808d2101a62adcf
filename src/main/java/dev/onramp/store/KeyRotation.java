package dev.onramp.store;

import dev.onramp.model.ConnectionId;
import dev.onramp.model.TenantId;
import dev.onramp.store.ConnectionRepository.ReencryptedPage;
import dev.onramp.store.ConnectionRepository.RowKey;
import dev.onramp.text.Messages;
import dev.onramp.text.Text;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;

/**
 * Rotates the vault's key: adds a new primary key, then re-encrypts every stored secret under it in
 * batches of one transaction each. Each batch records how far it got, so a rotation cut short by a
 * crash continues where it stopped on the next run; until then the older keys still open the rest.
 * A secret that does not decrypt is left as it is, audited, and named in the report with the command
 * that removes its connection; the rotation then stays unfinished, and the next run walks the rows
 * again (adding no key) and completes once no such secret is left.
 */
public final class KeyRotation {
    private final Database db;
    private final Vault vault;
    private final ConnectionRepository connections;
    private final AuditLog audit;
    private final Clock clock;
    private final String actor;

    public KeyRotation(Database db, Vault vault, ConnectionRepository connections, AuditLog audit, Clock clock,
            String actor) {
        this.db = Objects.requireNonNull(db, "db");
        this.vault = Objects.requireNonNull(vault, "vault");
        this.connections = Objects.requireNonNull(connections, "connections");
        this.audit = Objects.requireNonNull(audit, "audit");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.actor = Objects.requireNonNull(actor, "actor");
    }

    /** The rotation an earlier run started and did not finish, if any. */
    public Optional<RotationProgress> unfinished() {
        return unfinishedRun().map(Run::progress);
    }

    /**
     * Continues an unfinished rotation, or else adds a new primary key and starts one; then
     * re-encrypts {@code batchSize} rows per transaction until every row is walked. {@code onBatch} hears
     * of every committed batch. The report names the connections whose secret could not be read; while
     * there are any, the rotation stays unfinished.
     */
    public RotationReport rotate(int batchSize, Consumer<RotationProgress> onBatch) {
        if (batchSize < 1) {
            throw new IllegalArgumentException("The batch size must be at least 1, not " + batchSize + ".");
        }
        Optional<Run> earlier = unfinishedRun();
        Run run = earlier.orElseGet(this::start);
        long before = run.progress().reencrypted();
        List<UnreadableSecret> unreadable = new ArrayList<>();
        boolean walked = false;
        while (!walked) {
            Batch batch = nextBatch(run, batchSize, !unreadable.isEmpty());
            run = batch.run();
            walked = batch.walked();
            unreadable.addAll(batch.unreadable());
            onBatch.accept(run.progress());
        }
        return new RotationReport(run.progress().primaryKeyId(), earlier.isPresent(),
                run.progress().reencrypted() - before, run.progress().reencrypted(), vault.keyCount(),
                List.copyOf(unreadable));
    }

    private Optional<Run> unfinishedRun() {
        return db.withConnection(jdbc -> Sql.queryOne(jdbc, """
                SELECT id, primary_key_id, started_at, after_tenant_id, after_row_id, reencrypted FROM key_rotation
                WHERE keyset_id = ? AND finished_at IS NULL ORDER BY started_at DESC LIMIT 1""",
                row -> new Run(Sql.uuid(row, "id"), cursor(row),
                        new RotationProgress(row.getInt("primary_key_id"), Sql.instant(row, "started_at"),
                                row.getLong("reencrypted"), false)),
                Vault.KEYSET_ID));
    }

    private static Optional<RowKey> cursor(ResultSet row) throws SQLException {
        UUID tenant = Sql.uuid(row, "after_tenant_id");
        return tenant == null ? Optional.empty() : Optional.of(new RowKey(tenant, Sql.uuid(row, "after_row_id")));
    }

    /** The new key and the record of the rotation in one transaction: a crash leaves both or neither. */
    private Run start() {
        Instant now = clock.instant();
        UUID id = UUID.randomUUID();
        return db.inTransaction(tx -> {
            int keyId = vault.rotate(tx);
            db.within(tx, jdbc -> Sql.update(jdbc,
                    "INSERT INTO key_rotation (id, keyset_id, primary_key_id, started_at) VALUES (?, ?, ?, ?)",
                    id, Vault.KEYSET_ID, keyId, now));
            return new Run(id, Optional.empty(), new RotationProgress(keyId, now, 0, false));
        });
    }

    /**
     * One page in one transaction, with an audit entry for each secret it could not read. Once the last
     * page is walked the rotation is finished, unless a secret could not be read: then the cursor goes
     * back to the first row, so that the next run checks every row again.
     */
    private Batch nextBatch(Run run, int batchSize, boolean unreadableBefore) {
        return db.inTransaction(tx -> {
            ReencryptedPage page = connections.reencryptPage(tx, run.after(), batchSize);
            boolean walked = page.examined() < batchSize;
            boolean finished = walked && !unreadableBefore && page.unreadable().isEmpty();
            Optional<RowKey> cursor = walked && !finished ? Optional.empty() : page.last();
            long reencrypted = run.progress().reencrypted() + page.rewritten();
            db.within(tx, jdbc -> Sql.update(jdbc, """
                    UPDATE key_rotation SET after_tenant_id = ?, after_row_id = ?, reencrypted = ?, finished_at = ?
                    WHERE id = ?""",
                    cursor.map(RowKey::tenant), cursor.map(RowKey::id), reencrypted,
                    finished ? Optional.of(clock.instant()) : Optional.empty(), run.id()));
            for (UnreadableSecret secret : page.unreadable()) {
                audit.append(tx, secret.tenant(), actor, "keys.rotate.secret-unreadable",
                        "connection/" + secret.connection(), "provider=" + secret.provider()
                                + secret.account().map(label -> " account=" + label).orElse("")
                                + " not re-encrypted: its secret does not decrypt; removed by: " + secret.removal());
            }
            return new Batch(new Run(run.id(), cursor, new RotationProgress(run.progress().primaryKeyId(),
                    run.progress().startedAt(), reencrypted, finished)), walked, page.unreadable());
        });
    }

    /** How far a rotation got: its new primary key, when it started, the secrets re-encrypted so far. */
    public record RotationProgress(int primaryKeyId, Instant startedAt, long reencrypted, boolean finished) {}

    /**
     * What a run did: the primary key, whether it continued an earlier run, the secrets it re-encrypted
     * itself and in all, how many keys the vault now holds, and the connections whose secret it could
     * not read (none when the rotation is complete).
     */
    public record RotationReport(int primaryKeyId, boolean resumed, long reencryptedNow, long reencryptedInAll,
            int keyCount, List<UnreadableSecret> unreadable) {
        /** True when every stored secret is under the primary key now. */
        public boolean complete() {
            return unreadable.isEmpty();
        }
    }

    /**
     * A connection whose stored secret does not decrypt (altered, or moved from another row), named as a
     * person knows it, with the command line that removes it from Onramp without needing that secret.
     *
     * @param removal the {@code onramp disconnect … --local-only --yes} line, as a person types it
     */
    public record UnreadableSecret(TenantId tenant, String business, ConnectionId connection, String provider,
            Optional<String> account, String removal) {

        /** The connection as words for a sentence: "the stripe connection (account acct_2) of business Acme". */
        public Text described() {
            return account.map(label -> Text.of("store.keyRotation.connectionWithAccount", provider, label, business))
                    .orElseGet(() -> Text.of("store.keyRotation.connection", provider, business));
        }

        /** {@link #described()} in English. */
        public String description() {
            return Messages.english().render(described());
        }

        /**
         * The sentence for a person when Onramp needs this secret and cannot read it: what is wrong, and the command
         * that removes the connection.
         */
        Text unusable() {
            return Text.of("store.keyRotation.unusable", described(), removal);
        }
    }

    /** A committed page: the run after it, whether it was the last, and the secrets it could not read. */
    private record Batch(Run run, boolean walked, List<UnreadableSecret> unreadable) {}

    /** A rotation's row in key_rotation and the last connection row it finished. */
    private record Run(UUID id, Optional<RowKey> after, RotationProgress progress) {}
}
