package dev.onramp.model;

import java.util.Objects;
import java.util.Optional;

/**
 * A business being onboarded: its name, what kind of business it is, and the Airbyte workspace
 * its sources go to once one is known.
 */
public record Tenant(TenantId id, String name, String businessTypeId, Optional<String> workspaceId) {
    public Tenant {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(businessTypeId, "businessTypeId");
        Objects.requireNonNull(workspaceId, "workspaceId");
    }

    public Tenant withWorkspace(String workspace) {
        return new Tenant(id, name, businessTypeId, Optional.of(workspace));
    }
}
