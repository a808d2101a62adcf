package dev.onramp.model;

import java.util.List;

/** A data stream an Airbyte source offers (orders, customers, ...) and how it can be synced. */
public record StreamInfo(String name, List<String> syncModes) {
    public StreamInfo {
        syncModes = List.copyOf(syncModes);
    }
}
