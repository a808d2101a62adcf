package dev.onramp;

import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import sun.misc.Signal;

/**
 * Closes the open {@link AppContext}s when the process is asked to stop (Ctrl+C, SIGTERM) before the
 * JVM's exit begins, so that a cancelled flow records its end while the database is still open.
 */
final class StopSignals {
    /** How long a command gets to end by itself, with its own exit code, once its context is closed. */
    private static final long GRACE_MILLIS = 2_000;

    private static final Set<AppContext> OPEN = ConcurrentHashMap.newKeySet();
    private static final AtomicBoolean INSTALLED = new AtomicBoolean();
    private static final AtomicBoolean STOPPING = new AtomicBoolean();

    private StopSignals() {}

    /** Closes {@code context} first when a stop signal comes; H2 would otherwise close its file in the JVM's exit. */
    static void closeOnStop(AppContext context) {
        if (INSTALLED.compareAndSet(false, true)) {
            for (String name : List.of("INT", "TERM")) {
                try {
                    Signal.handle(new Signal(name), StopSignals::stop);
                } catch (IllegalArgumentException notOnThisSystem) {
                    // The JVM's own handling stays.
                }
            }
        }
        OPEN.add(context);
    }

    /** Forgets a context that was closed. */
    static void forget(AppContext context) {
        OPEN.remove(context);
    }

    private static void stop(Signal signal) {
        int exit = 128 + signal.getNumber();
        if (!STOPPING.compareAndSet(false, true)) {
            Runtime.getRuntime().exit(exit); // asked twice: stop now
            return;
        }
        Thread.ofPlatform().name("onramp-stop").start(() -> {
            List.copyOf(OPEN).forEach(AppContext::close);
            try {
                Thread.sleep(GRACE_MILLIS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            Runtime.getRuntime().exit(exit);
        });
    }
}
