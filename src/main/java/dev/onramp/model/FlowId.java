package dev.onramp.model;

import java.util.Objects;
import java.util.UUID;

/** Identifies one run of the connect flow in the journal. */
public record FlowId(UUID value) {
    public FlowId {
        Objects.requireNonNull(value, "value");
    }

    public static FlowId random() {
        return new FlowId(UUID.randomUUID());
    }

    public static FlowId parse(String text) {
        return new FlowId(UUID.fromString(text));
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
