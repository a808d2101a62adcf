package dev.onramp.model;

import java.util.Objects;

/** An Airbyte workspace as a person picks it in Settings: its id and its name. */
public record AirbyteWorkspace(String id, String name) {
    public AirbyteWorkspace {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(name, "name");
    }
}
