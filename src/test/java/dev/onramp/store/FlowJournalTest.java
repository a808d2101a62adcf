package dev.onramp.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.onramp.model.FlowId;
import dev.onramp.model.FlowRecord;
import dev.onramp.model.FlowState;
import dev.onramp.model.Tenant;
import dev.onramp.model.TenantId;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The connect-flow journal: start, advance with the clock's time, tenant scoping and recovery order. */
class FlowJournalTest {
    private static final Instant START = Instant.parse("2026-03-01T10:00:00.000000001Z");

    @TempDir
    Path dir;

    private Database db;
    private final TenantId acme = TenantId.random();
    private final TenantId globex = TenantId.random();

    @BeforeEach
    void open() {
        db = Database.open(dir);
        TenantRepository tenants = new TenantRepository(db);
        db.inTransaction(tx -> {
            tenants.insert(tx, new Tenant(acme, "Acme", "online-shop", Optional.empty()));
            tenants.insert(tx, new Tenant(globex, "Globex", "agency", Optional.empty()));
            return null;
        });
    }

    @AfterEach
    void close() {
        db.close();
    }

    @Test
    void startedFlow_isFoundAsWritten() {
        FlowRecord flow = start(journalAt(START), acme, START);

        assertThat(journalAt(START).find(acme, flow.id())).contains(flow);
    }

    @Test
    void startedFlow_isInvisibleToAnotherTenant() {
        FlowRecord flow = start(journalAt(START), acme, START);

        assertThat(journalAt(START).find(globex, flow.id())).isEmpty();
    }

    @Test
    void advance_recordsStateSourceAndTheClocksTime() {
        FlowRecord flow = start(journalAt(START), acme, START);
        Instant later = START.plusSeconds(42);

        advance(journalAt(later), flow, FlowState.SOURCE_CREATED, Optional.of("source-9"), Optional.empty());

        assertThat(journalAt(later).find(acme, flow.id())).hasValueSatisfying(found -> {
            assertThat(found.state()).isEqualTo(FlowState.SOURCE_CREATED);
            assertThat(found.sourceId()).contains("source-9");
            assertThat(found.startedAt()).isEqualTo(START);
            assertThat(found.updatedAt()).isEqualTo(later);
        });
    }

    @Test
    void advanceWithEmptySourceAndReason_keepsTheEarlierOnes() {
        FlowRecord flow = start(journalAt(START), acme, START);
        advance(journalAt(START), flow, FlowState.SOURCE_CREATED, Optional.of("source-9"), Optional.of("first"));

        advance(journalAt(START), flow, FlowState.TESTED, Optional.empty(), Optional.empty());

        assertThat(journalAt(START).find(acme, flow.id())).hasValueSatisfying(found -> {
            assertThat(found.state()).isEqualTo(FlowState.TESTED);
            assertThat(found.sourceId()).contains("source-9");
            assertThat(found.reason()).contains("first");
        });
    }

    @Test
    void advanceOfAnotherTenantsFlow_fails() {
        FlowRecord flow = start(journalAt(START), acme, START);

        assertThatThrownBy(() -> db.inTransaction(tx -> {
            journalAt(START).advance(tx, globex, flow.id(), FlowState.FAILED, Optional.empty(), Optional.empty());
            return null;
        })).isInstanceOf(StoreException.class).hasMessageContaining("has no connect flow");
        assertThat(journalAt(START).find(acme, flow.id()).map(FlowRecord::state)).contains(FlowState.STARTED);
    }

    @Test
    void unfinished_listsFlowsOfEveryTenantNotAtAnEnd_oldestFirst() {
        FlowJournal journal = journalAt(START);
        FlowRecord newest = start(journal, acme, START.plusSeconds(30));
        FlowRecord oldest = start(journal, globex, START);
        FlowRecord middle = start(journal, acme, START.plusSeconds(10));
        advance(journal, middle, FlowState.SOURCE_CREATED, Optional.of("source-1"), Optional.empty());
        for (FlowState end : new FlowState[] {FlowState.STORED, FlowState.FAILED, FlowState.CANCELLED,
                FlowState.TIMED_OUT}) {
            advance(journal, start(journal, acme, START.plusSeconds(5)), end, Optional.empty(), Optional.of("done"));
        }

        assertThat(journal.unfinished()).extracting(FlowRecord::id)
                .containsExactly(oldest.id(), middle.id(), newest.id());
    }

    @Test
    void recent_listsTheLatestUpdatedFlowsOfEveryTenant_newestFirstUpToTheLimit() {
        FlowJournal journal = journalAt(START);
        FlowRecord first = start(journal, acme, START);
        FlowRecord second = start(journal, globex, START.plusSeconds(10));
        start(journal, acme, START.plusSeconds(5));
        advance(journalAt(START.plusSeconds(60)), first, FlowState.FAILED, Optional.empty(), Optional.of("declined"));

        assertThat(journal.recent(2)).extracting(FlowRecord::id).containsExactly(first.id(), second.id());
    }

    private FlowJournal journalAt(Instant now) {
        return new FlowJournal(db, Clock.fixed(now, ZoneOffset.UTC));
    }

    private FlowRecord start(FlowJournal journal, TenantId tenant, Instant at) {
        FlowRecord flow = new FlowRecord(FlowId.random(), tenant, "hubspot", FlowState.STARTED, Optional.empty(),
                Optional.empty(), at, at);
        db.inTransaction(tx -> {
            journal.start(tx, tenant, flow);
            return null;
        });
        return flow;
    }

    private void advance(FlowJournal journal, FlowRecord flow, FlowState state, Optional<String> sourceId,
            Optional<String> reason) {
        db.inTransaction(tx -> {
            journal.advance(tx, flow.tenantId(), flow.id(), state, sourceId, reason);
            return null;
        });
    }
}
