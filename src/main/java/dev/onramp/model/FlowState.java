package dev.onramp.model;

/** The steps of the journaled connect flow; the last three and STORED are ends. */
public enum FlowState {
    STARTED,
    AWAITING_CONSENT,
    AUTHORIZED,
    SOURCE_CREATED,
    TESTED,
    STORED,
    FAILED,
    CANCELLED,
    TIMED_OUT;

    public boolean isEnd() {
        return this == STORED || this == FAILED || this == CANCELLED || this == TIMED_OUT;
    }
}
