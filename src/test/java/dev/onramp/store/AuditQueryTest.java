package dev.onramp.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.onramp.model.AuditEvent;
import dev.onramp.model.Tenant;
import dev.onramp.model.TenantId;
import dev.onramp.testing.MutableClock;
import java.io.StringWriter;
import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Activity list's reads of the audit trail: newest first, a bounded page at a time, narrowed by
 * business, action and time, counted, exported in chunks; and the chain check reporting its progress.
 */
class AuditQueryTest {
    private static final Instant START = Instant.parse("2026-12-07T09:00:00Z");

    @TempDir
    Path dir;

    @Test
    void pages_listAppendedEntriesNewestFirst_andCountThemAll() {
        MutableClock clock = new MutableClock(START);
        try (TestStore store = TestStore.open(dir.resolve("data"), clock)) {
            TenantId acme = store.tenant("Acme").id();
            for (String action : List.of("one", "two", "three", "four", "five")) {
                store.append(acme, action);
                clock.advance(Duration.ofMinutes(1));
            }
            AuditQuery query = new AuditQuery(store.db);

            assertThat(query.newestFirst(AuditCriteria.ALL, 0, 2)).extracting(AuditEvent::action)
                    .containsExactly("five", "four");
            assertThat(query.newestFirst(AuditCriteria.ALL, 2, 2)).extracting(AuditEvent::action)
                    .containsExactly("three", "two");
            assertThat(query.newestFirst(AuditCriteria.ALL, 4, 2)).extracting(AuditEvent::action)
                    .containsExactly("one");
            assertThat(query.count(AuditCriteria.ALL)).isEqualTo(5);
            assertThat(query.actions()).containsExactly("five", "four", "one", "three", "two");
        }
    }

    @Test
    void filters_byBusinessActionAndTime_narrowBothThePageAndTheCount() {
        try (TestStore store = TestStore.open(dir.resolve("data"))) {
            Tenant acme = store.tenant("Acme");
            Tenant globex = store.tenant("Globex");
            // 30 entries, one an hour: Acme's on even numbers, connect.succeeded on every third.
            insert(store.db, 30, seq -> seq % 2 == 0 ? acme.id() : globex.id(),
                    seq -> seq % 3 == 0 ? "connect.succeeded" : "tenant.created");
            AuditQuery query = new AuditQuery(store.db);

            AuditCriteria acmeOnly = criteria(acme.id(), null, null, null);
            assertThat(query.count(acmeOnly)).isEqualTo(15);
            assertThat(query.newestFirst(acmeOnly, 0, 3)).extracting(AuditEvent::seq).containsExactly(30L, 28L, 26L);

            AuditCriteria connects = criteria(null, "connect.succeeded", null, null);
            assertThat(query.count(connects)).isEqualTo(10);
            assertThat(query.newestFirst(connects, 8, 5)).extracting(AuditEvent::seq).containsExactly(6L, 3L);

            AuditCriteria acmeConnects = criteria(acme.id(), "connect.succeeded", null, null);
            assertThat(query.newestFirst(acmeConnects, 0, 10)).extracting(AuditEvent::seq)
                    .containsExactly(30L, 24L, 18L, 12L, 6L);

            // Hours 10 to 19 after the start: entries 11 to 20 (entry n was written n-1 hours after the start).
            AuditCriteria tenHours = criteria(null, null, START.plus(Duration.ofHours(10)),
                    START.plus(Duration.ofHours(20)));
            assertThat(query.count(tenHours)).isEqualTo(10);
            assertThat(query.newestFirst(tenHours, 0, 500)).extracting(AuditEvent::seq)
                    .containsExactlyElementsOf(LongStream.iterate(20, seq -> seq >= 11, seq -> seq - 1).boxed().toList());

            AuditCriteria all = criteria(globex.id(), "tenant.created", START.plus(Duration.ofHours(10)),
                    START.plus(Duration.ofHours(20)));
            assertThat(query.newestFirst(all, 0, 10)).extracting(AuditEvent::seq).containsExactly(19L, 17L, 13L, 11L);
            assertThat(query.count(all)).isEqualTo(4);
        }
    }

    @Test
    void hundredThousandEntries_arePagedToTheLastPageQuickly_andNoPageHoldsMoreThanTheLimit() {
        try (TestStore store = TestStore.open(dir.resolve("data"))) {
            Tenant acme = store.tenant("Acme");
            Tenant globex = store.tenant("Globex");
            int entries = 100_050;
            // One statement: Acme's on even numbers, connection.disconnected on every tenth, one an hour.
            store.db.withConnection(jdbc -> Sql.update(jdbc, """
                    INSERT INTO audit_log (seq, tenant_id, at, actor, action, resource, details, prev_mac, mac)
                    SELECT X, CASE WHEN MOD(X, 2) = 0 THEN CAST(? AS UUID) ELSE CAST(? AS UUID) END,
                           DATEADD(HOUR, X - 1, CAST(? AS TIMESTAMP(9) WITH TIME ZONE)), 'user:test',
                           CASE WHEN MOD(X, 10) = 0 THEN 'connection.disconnected' ELSE 'connect.succeeded' END,
                           'flow/' || X, 'provider=hubspot', X'00', X'00'
                    FROM SYSTEM_RANGE(1, ?)""", acme.id().value(), globex.id().value(), START, entries));
            AuditQuery query = new AuditQuery(store.db);

            long started = System.nanoTime();
            assertThat(query.count(AuditCriteria.ALL)).isEqualTo(entries);
            assertThat(query.newestFirst(AuditCriteria.ALL, 0, 200)).hasSize(200).first()
                    .extracting(AuditEvent::seq).isEqualTo((long) entries);
            List<AuditEvent> last = query.newestFirst(AuditCriteria.ALL, 100_000, 200);
            assertThat(last).hasSize(50);
            assertThat(last.getFirst().seq()).isEqualTo(50);
            assertThat(last.getLast().seq()).isEqualTo(1);
            AuditCriteria acmeDisconnects = criteria(acme.id(), "connection.disconnected", null, null);
            assertThat(query.count(acmeDisconnects)).isEqualTo(10_005);
            List<AuditEvent> lastOfAcme = query.newestFirst(acmeDisconnects, 10_000, 200);
            assertThat(lastOfAcme).extracting(AuditEvent::seq).containsExactly(50L, 40L, 30L, 20L, 10L);
            assertThat(query.newestFirst(criteria(globex.id(), null, null, null), 49_900, 200)).hasSize(125);
            assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(5));

            assertThatThrownBy(() -> query.newestFirst(AuditCriteria.ALL, 0, AuditQuery.MAX_PAGE + 1))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("1 to " + AuditQuery.MAX_PAGE);
            assertThatThrownBy(() -> query.newestFirst(AuditCriteria.ALL, -1, 10))
                    .isInstanceOf(IllegalArgumentException.class);
        }
    }

    @Test
    void export_writesTheMatchingEntriesOldestFirstInChunks_withOneHeader() throws Exception {
        try (TestStore store = TestStore.open(dir.resolve("data"))) {
            Tenant acme = store.tenant("Acme");
            Tenant globex = store.tenant("Globex");
            int entries = AuditQuery.EXPORT_CHUNK * 2 + 500;
            insert(store.db, entries, seq -> seq % 2 == 0 ? acme.id() : globex.id(), seq -> "connect.succeeded");
            AuditQuery query = new AuditQuery(store.db);
            StringWriter csv = new StringWriter();

            long written = query.export(criteria(acme.id(), null, null, null), AuditFormat.CSV, csv);

            List<String> lines = csv.toString().lines().toList();
            assertThat(written).isEqualTo(entries / 2);
            assertThat(lines).hasSize(entries / 2 + 1);
            assertThat(lines.getFirst()).isEqualTo("seq,tenant_id,business,at,actor,action,resource,details");
            assertThat(lines.get(1)).startsWith("2," + acme.id() + ",Acme,");
            assertThat(lines.getLast()).startsWith(entries + "," + acme.id() + ",Acme,");
            assertThat(lines.stream().filter(line -> line.startsWith("seq,"))).hasSize(1);
        }
    }

    @Test
    void verify_tellsItsProgress_andStopsWhenAskedTo() {
        try (TestStore store = TestStore.open(dir.resolve("data"))) {
            TenantId acme = store.tenant("Acme").id();
            for (int i = 0; i < 5; i++) {
                store.append(acme, "connect.succeeded");
            }
            List<long[]> heard = new CopyOnWriteArrayList<>();

            assertThat(store.audit.verify((checked, total) -> heard.add(new long[] {checked, total})))
                    .isEqualTo(new AuditVerification.Intact(5, 5));
            assertThat(heard).singleElement().satisfies(step -> assertThat(step).containsExactly(5, 5));
            assertThatThrownBy(() -> store.audit.verify((checked, total) -> false))
                    .isInstanceOf(CancellationException.class).hasMessageContaining("cancelled after 5 entries");
        }
    }

    private static AuditCriteria criteria(TenantId tenant, String action, Instant from, Instant until) {
        return new AuditCriteria(Optional.ofNullable(tenant), Optional.ofNullable(action), Optional.ofNullable(from),
                Optional.ofNullable(until));
    }

    /**
     * Writes {@code count} entries straight into the table in batches, one an hour from {@link #START}: what
     * the page queries read, without the chain's MACs, which they do not look at.
     */
    static void insert(Database db, int count, java.util.function.LongFunction<TenantId> tenant,
            java.util.function.LongFunction<String> action) {
        db.inTransaction(tx -> db.within(tx, jdbc -> {
            try (PreparedStatement insert = jdbc.prepareStatement("INSERT INTO audit_log (seq, tenant_id, at, actor,"
                    + " action, resource, details, prev_mac, mac) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
                for (long seq = 1; seq <= count; seq++) {
                    insert.setLong(1, seq);
                    insert.setObject(2, tenant.apply(seq).value());
                    insert.setObject(3, OffsetDateTime.ofInstant(START.plus(Duration.ofHours(seq - 1)), ZoneOffset.UTC));
                    insert.setString(4, "user:test");
                    insert.setString(5, action.apply(seq));
                    insert.setString(6, "flow/" + seq);
                    insert.setString(7, "provider=hubspot");
                    insert.setBytes(8, new byte[32]);
                    insert.setBytes(9, new byte[32]);
                    insert.addBatch();
                    if (seq % 5_000 == 0) {
                        insert.executeBatch();
                    }
                }
                insert.executeBatch();
            }
            return null;
        }));
    }
}
