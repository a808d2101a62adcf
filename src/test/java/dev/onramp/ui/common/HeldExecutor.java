package dev.onramp.ui.common;

import java.util.ArrayDeque;
import java.util.Queue;
import java.util.concurrent.Executor;

/** Holds background work until the test runs it, so the test decides what happens when. */
public final class HeldExecutor implements Executor {
    private final Queue<Runnable> held = new ArrayDeque<>();

    @Override
    public void execute(Runnable command) {
        held.add(command);
    }

    /** Runs the oldest held task. */
    public void runOne() {
        held.remove().run();
    }

    /** Runs held tasks, and those they hand over, until none is left. */
    public void runAll() {
        while (!held.isEmpty()) {
            held.remove().run();
        }
    }
}
