package dev.onramp.connect;

/** Hears the steps of a disconnect, on the thread that runs it; the step's journal row is committed first. */
@FunctionalInterface
public interface DisconnectListener {
    /** A listener that ignores every step. */
    DisconnectListener NONE = step -> {};

    void onStep(DisconnectStep step);
}
