package dev.onramp.connect;

import dev.onramp.airbyte.AirbyteGateway;
import dev.onramp.model.AirbyteLocation;
import dev.onramp.model.InvalidInputException;
import dev.onramp.model.Tenant;
import dev.onramp.store.AuditLog;
import dev.onramp.store.ConnectionRepository;
import dev.onramp.store.Database;
import dev.onramp.store.FlowJournal;
import dev.onramp.store.TenantRepository;
import dev.onramp.text.Text;
import java.time.Clock;

/** What every journaled flow reads and records into, with the clock and the actor its audit entries name. */
record FlowStores(Database db, TenantRepository tenants, ConnectionRepository connections, FlowJournal journal,
        AuditLog audit, Clock clock, String actor) {

    /**
     * Where the business's connections go now: {@code airbyte} (the gateway to the Airbyte it uses)
     * and the workspace its settings name or it remembers, when known; asks Airbyte nothing.
     */
    AirbyteLocation locationNow(Tenant tenant, AirbyteGateway airbyte) {
        return new AirbyteLocation(airbyte.address(), airbyte.settingsWorkspace().or(tenant::workspaceId));
    }

    /** The business's workspace in its Airbyte: the one it has, else the first there is (remembered). */
    String workspaceOf(Tenant tenant, AirbyteGateway airbyte) {
        if (tenant.workspaceId().isPresent()) {
            return tenant.workspaceId().get();
        }
        String workspace = airbyte.listWorkspaces().stream().findFirst()
                .orElseThrow(() -> new InvalidInputException(Text.of("connect.noWorkspaceYet")))
                .id();
        db.inTransaction(tx -> {
            tenants.setWorkspace(tx, tenant.id(), workspace);
            return null;
        });
        return workspace;
    }
}
