package dev.onramp.model;

import java.util.Objects;
import java.util.UUID;

/** Identifies one business (tenant) whose data sources Onramp connects. */
public record TenantId(UUID value) {
    public TenantId {
        Objects.requireNonNull(value, "value");
    }

    public static TenantId random() {
        return new TenantId(UUID.randomUUID());
    }

    public static TenantId parse(String text) {
        return new TenantId(UUID.fromString(text));
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
