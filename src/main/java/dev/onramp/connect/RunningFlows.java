package dev.onramp.connect;

import dev.onramp.model.TenantId;
import dev.onramp.text.Text;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The flows running now, one per business and provider whatever their kind (connect, reconnect,
 * credentials): a newer attempt cancels the older one, and {@link #close()} cancels them all.
 */
final class RunningFlows implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(RunningFlows.class);
    /** How long {@link #close()} waits for cancelled flows to undo their work and record their end. */
    private static final Duration CLOSE_WAIT = Duration.ofSeconds(5);

    private final Executor executor;
    private final Map<FlowKey, FlowRun> running = new ConcurrentHashMap<>();

    RunningFlows(Executor executor) {
        this.executor = executor;
    }

    /**
     * Makes {@code run} the one flow of its business and provider, cancelling the flow it replaces,
     * and runs it on the executor; it is forgotten once it ends.
     */
    ConnectFlow start(FlowRun run) {
        FlowKey key = new FlowKey(run.tenantId(), run.providerId());
        FlowRun replaced = running.put(key, run);
        if (replaced != null) {
            replaced.cancel(Text.of("connect.flow.replaced", replaced.providerName()));
        }
        run.outcome().whenComplete((outcome, failure) -> running.remove(key, run));
        CompletableFuture.runAsync(run::execute, executor);
        return run;
    }

    /**
     * Cancels every running flow and waits a few seconds for each to undo what it created and
     * record its end; what is still unfinished then is ended by the next start's recovery.
     */
    @Override
    public void close() {
        List<FlowRun> runs = List.copyOf(running.values());
        runs.forEach(ConnectFlow::cancel);
        long deadline = System.nanoTime() + CLOSE_WAIT.toNanos();
        for (FlowRun run : runs) {
            try {
                run.outcome().get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (ExecutionException | TimeoutException e) {
                LOG.warn("Connect flow {} did not end before Onramp closed; the next start ends it", run.id());
            }
        }
    }

    /** The business and provider a flow connects; at most one flow runs per key. */
    private record FlowKey(TenantId tenant, String providerId) {}
}
