package dev.onramp.demo;

import java.time.Duration;

/** The wait the simulator puts before each answer, so that the demo feels like a real Airbyte. */
final class SimulatedLatency {
    private SimulatedLatency() {}

    /** Sleeps {@code latency}; false when the simulator is shutting down meanwhile. */
    static boolean pause(Duration latency) {
        if (latency.isZero()) {
            return true;
        }
        try {
            Thread.sleep(latency);
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
