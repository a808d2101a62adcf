package dev.onramp.store;

import static org.assertj.core.api.Assertions.assertThat;

import dev.onramp.model.AuditEvent;
import dev.onramp.model.TenantId;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Appends from several threads at once, each in a transaction of its own. */
class AuditLogConcurrencyTest {
    private static final int THREADS = 6;
    private static final int APPENDS_PER_THREAD = 20;

    @TempDir
    Path dir;

    @Test
    void concurrentAppends_queueIntoOneUnbrokenChain() throws Exception {
        try (TestStore store = TestStore.open(dir.resolve("data"))) {
            List<TenantId> tenants = new ArrayList<>();
            CountDownLatch start = new CountDownLatch(1);
            ExecutorService threads = Executors.newFixedThreadPool(THREADS);
            try {
                List<Future<?>> done = new ArrayList<>();
                for (int t = 0; t < THREADS; t++) {
                    TenantId tenant = TenantId.random();
                    tenants.add(tenant);
                    done.add(threads.submit(() -> {
                        start.await();
                        for (int i = 0; i < APPENDS_PER_THREAD; i++) {
                            int n = i;
                            store.db.inTransaction(tx -> {
                                store.audit.append(tx, tenant, "worker", "step." + n, "tenant/" + tenant, null);
                                return null;
                            });
                        }
                        return null;
                    }));
                }
                start.countDown();
                for (Future<?> each : done) {
                    each.get(60, TimeUnit.SECONDS);
                }
            } finally {
                threads.shutdownNow();
            }

            long total = THREADS * APPENDS_PER_THREAD;
            assertThat(store.audit.verify()).isInstanceOfSatisfying(AuditVerification.Intact.class,
                    intact -> assertThat(intact.entries()).isEqualTo(total));
            List<Long> seqs = tenants.stream().flatMap(t -> store.audit.list(t).stream()).map(AuditEvent::seq)
                    .sorted().toList();
            assertThat(seqs).containsExactlyElementsOf(LongStream.rangeClosed(1, total).boxed().toList());
            for (TenantId tenant : tenants) {
                assertThat(store.audit.list(tenant)).extracting(AuditEvent::action)
                        .containsExactlyElementsOf(LongStream.range(0, APPENDS_PER_THREAD).mapToObj(i -> "step." + i)
                                .toList());
            }
        }
    }
}
