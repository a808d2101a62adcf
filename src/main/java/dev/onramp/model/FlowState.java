package dev.onramp.model;

/**
 * The steps of the journaled flows. A connect goes STARTED → AWAITING_CONSENT → AUTHORIZED →
 * SOURCE_CREATED → TESTED → STORED; a disconnect goes DISCONNECTING (its intent, before Airbyte is
 * asked) → SOURCE_DELETED → DISCONNECTED. STORED, DISCONNECTED, FAILED, CANCELLED and TIMED_OUT are ends.
 */
public enum FlowState {
    STARTED,
    AWAITING_CONSENT,
    AUTHORIZED,
    SOURCE_CREATED,
    TESTED,
    STORED,
    FAILED,
    CANCELLED,
    TIMED_OUT,
    /** A disconnect is recorded, and its source is about to be deleted in Airbyte (or is being deleted). */
    DISCONNECTING,
    /** Airbyte deleted the source (or no longer had it); the connection is not marked yet. */
    SOURCE_DELETED,
    /** The connection is marked disconnected, in the same transaction as its audit entry. */
    DISCONNECTED;

    public boolean isEnd() {
        return this == STORED || this == FAILED || this == CANCELLED || this == TIMED_OUT || this == DISCONNECTED;
    }
}
