package dev.onramp.store;

import dev.onramp.model.TenantId;
import java.nio.charset.StandardCharsets;
import java.util.Objects;

/** Where a ciphertext belongs (table, column, tenant, row): the associated data of its encryption. */
public record SecretSlot(String table, String column, TenantId tenant, String rowId) {
    /** The separator may not appear in a name, or two different slots could share their associated data. */
    public SecretSlot {
        for (String name : new String[] {table, column, rowId}) {
            if (name.contains("|")) {
                throw new IllegalArgumentException("A secret slot's names may not contain '|': " + name);
            }
        }
        Objects.requireNonNull(tenant, "tenant");
    }

    public byte[] associatedData() {
        return String.join("|", "onramp-v1", table, column, tenant.toString(), rowId)
                .getBytes(StandardCharsets.UTF_8);
    }
}
