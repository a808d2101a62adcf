package dev.onramp.store;

import dev.onramp.model.FlowId;
import dev.onramp.model.FlowRecord;
import dev.onramp.model.FlowState;
import dev.onramp.model.TenantId;
import java.util.List;
import java.util.Optional;

/** The connect_flow journal: one row per flow, moved forward before each next remote call. */
public final class FlowJournal {
    public FlowJournal(Database db, java.time.Clock clock) {}

    public void start(Tx tx, FlowRecord flow) {
        throw new UnsupportedOperationException("not built yet");
    }

    /** Moves a flow to {@code state}; a present sourceId or reason is recorded, an empty one keeps the old value. */
    public void advance(Tx tx, TenantId tenant, FlowId flow, FlowState state, Optional<String> sourceId,
            Optional<String> reason) {
        throw new UnsupportedOperationException("not built yet");
    }

    public Optional<FlowRecord> find(TenantId tenant, FlowId flow) {
        throw new UnsupportedOperationException("not built yet");
    }

    /** Flows of every tenant that have not reached an end, oldest first (for recovery at start-up). */
    public List<FlowRecord> unfinished() {
        throw new UnsupportedOperationException("not built yet");
    }
}
