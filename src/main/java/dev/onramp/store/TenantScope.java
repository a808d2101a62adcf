package dev.onramp.store;

import dev.onramp.model.TenantId;
import dev.onramp.text.Text;

/** The rule every tenant-owned read and write starts with: it names the business it works for. */
final class TenantScope {
    private TenantScope() {}

    /** Throws before any database work when the caller named no business. */
    static TenantId require(TenantId tenant) {
        if (tenant == null) {
            throw new IllegalArgumentException("No business was named for reading or writing its data;"
                    + " Onramp refuses to guess which one is meant.");
        }
        return tenant;
    }

    /** Refuses a record whose own tenant differs from the business the call is made for. */
    static void requireSame(TenantId context, TenantId inPayload, String what) {
        require(context);
        if (!context.equals(inPayload)) {
            throw new StoreException(Text.of("store.tenantScope.otherBusiness", what, inPayload, context));
        }
    }
}
