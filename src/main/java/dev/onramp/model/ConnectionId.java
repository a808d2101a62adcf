package dev.onramp.model;

import java.util.Objects;
import java.util.UUID;

/** Identifies one stored connection between a tenant and a provider. */
public record ConnectionId(UUID value) {
    public ConnectionId {
        Objects.requireNonNull(value, "value");
    }

    public static ConnectionId random() {
        return new ConnectionId(UUID.randomUUID());
    }

    public static ConnectionId parse(String text) {
        return new ConnectionId(UUID.fromString(text));
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
