package dev.onramp.store;

import dev.onramp.model.TenantId;
import java.nio.charset.StandardCharsets;

/** Where a ciphertext belongs (table, column, tenant, row): the associated data of its encryption. */
public record SecretSlot(String table, String column, TenantId tenant, String rowId) {
    public byte[] associatedData() {
        return String.join("|", "onramp-v1", table, column, tenant.toString(), rowId)
                .getBytes(StandardCharsets.UTF_8);
    }
}
