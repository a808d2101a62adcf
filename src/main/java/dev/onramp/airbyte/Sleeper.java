package dev.onramp.airbyte;

import java.time.Duration;

/** Waits between retries; tests pass one that records the wait and moves a test clock instead. */
@FunctionalInterface
public interface Sleeper {
    /** The real wait, on the calling (virtual) thread. */
    Sleeper SYSTEM = Thread::sleep;

    void sleep(Duration duration) throws InterruptedException;
}
