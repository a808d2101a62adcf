package dev.onramp.connect;

import dev.onramp.model.Tenant;
import java.util.List;

/** Lists and creates the businesses being onboarded. */
public final class TenantService {
    /** All tenants by name; on first run this creates the demo business so the list is never empty. */
    public List<Tenant> tenantsCreatingDemoIfNone() {
        throw new UnsupportedOperationException("not built yet");
    }

    /** Creates a business; a blank or duplicate name is refused with a clear message. */
    public Tenant create(String name, String businessTypeId) {
        throw new UnsupportedOperationException("not built yet");
    }
}
