package dev.onramp.store;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.onramp.model.Connection;
import dev.onramp.model.ConnectionId;
import dev.onramp.model.ConnectionStatus;
import dev.onramp.model.Tenant;
import dev.onramp.model.TenantId;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The vault's keyset across reopening, a foreign key-encryption key, and decryption bound to table, column, tenant and row. */
class VaultTest {
    private static final byte[] SECRET = "{\"refresh_token\":\"rt-PLANTED-91b2\"}".getBytes(UTF_8);

    @TempDir
    Path dir;

    private final TenantId tenant = TenantId.random();
    private final ConnectionId connectionId = ConnectionId.random();

    @Test
    void secretWrittenBeforeClosing_decryptsAfterReopening() {
        Path kek = dir.resolve("kek");
        try (Database db = Database.open(dir.resolve("data"))) {
            storeSecret(db, Vault.open(db, new FileKekStore(kek)));
        }

        try (Database db = Database.open(dir.resolve("data"))) {
            ConnectionRepository connections = new ConnectionRepository(db, Vault.open(db, new FileKekStore(kek)));

            assertThat(connections.secretConfig(tenant, connectionId)).hasValue(SECRET);
        }
    }

    @Test
    void anotherKeyEncryptionKey_cannotUnlockTheStoredKeyset() {
        try (Database db = Database.open(dir.resolve("data"))) {
            Vault.open(db, new FileKekStore(dir.resolve("kek")));

            FileKekStore strangerKey = new FileKekStore(dir.resolve("other-kek"));
            assertThatThrownBy(() -> Vault.open(db, strangerKey))
                    .isInstanceOf(StoreException.class)
                    .hasMessageContaining("cannot unlock the secrets")
                    .hasMessageContaining(strangerKey.description());
        }
    }

    @Test
    void failedUnlock_leavesTheStoredKeysetUsable() {
        Path kek = dir.resolve("kek");
        try (Database db = Database.open(dir.resolve("data"))) {
            storeSecret(db, Vault.open(db, new FileKekStore(kek)));
            assertThatThrownBy(() -> Vault.open(db, new FileKekStore(dir.resolve("other-kek"))))
                    .isInstanceOf(StoreException.class);

            ConnectionRepository connections = new ConnectionRepository(db, Vault.open(db, new FileKekStore(kek)));

            assertThat(connections.secretConfig(tenant, connectionId)).hasValue(SECRET);
        }
    }

    @Test
    void ciphertextForOneSlot_doesNotDecryptInAnother() {
        try (Database db = Database.open(dir.resolve("data"))) {
            Vault vault = Vault.open(db, new FileKekStore(dir.resolve("kek")));
            SecretSlot slot = new SecretSlot("connection", "secret_config", tenant, "row-1");
            byte[] ciphertext = vault.encrypt(SECRET, slot);

            assertThat(vault.decrypt(ciphertext, slot)).isEqualTo(SECRET);
            assertThatThrownBy(() -> vault.decrypt(ciphertext,
                    new SecretSlot("connection", "secret_config", tenant, "row-2")))
                    .isInstanceOf(StoreException.class)
                    .hasMessageContaining("row-2")
                    .hasMessageNotContaining("rt-PLANTED");
        }
    }

    @Test
    void ciphertextForOneColumn_doesNotDecryptInAnother() {
        assertSlotsDoNotMix(new SecretSlot("connection", "secret_config", tenant, "row-1"),
                new SecretSlot("connection", "oauth_config", tenant, "row-1"));
    }

    @Test
    void ciphertextForOneTable_doesNotDecryptInAnother() {
        assertSlotsDoNotMix(new SecretSlot("connection", "secret_config", tenant, "row-1"),
                new SecretSlot("connect_flow", "secret_config", tenant, "row-1"));
    }

    @Test
    void ciphertextForOneTenant_doesNotDecryptForAnother() {
        assertSlotsDoNotMix(new SecretSlot("connection", "secret_config", tenant, "row-1"),
                new SecretSlot("connection", "secret_config", TenantId.random(), "row-1"));
    }

    @Test
    void slotNameWithTheSeparator_isRefused() {
        assertThatThrownBy(() -> new SecretSlot("connection|secret_config", "", tenant, "row-1"))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private void assertSlotsDoNotMix(SecretSlot written, SecretSlot readAs) {
        try (Database db = Database.open(dir.resolve("data"))) {
            Vault vault = Vault.open(db, new FileKekStore(dir.resolve("kek")));
            byte[] ciphertext = vault.encrypt(SECRET, written);

            assertThat(vault.decrypt(ciphertext, written)).isEqualTo(SECRET);
            assertThatThrownBy(() -> vault.decrypt(ciphertext, readAs))
                    .isInstanceOf(StoreException.class)
                    .hasMessageContaining("does not belong to this row")
                    .hasMessageNotContaining("rt-PLANTED");
        }
    }

    private void storeSecret(Database db, Vault vault) {
        db.inTransaction(tx -> {
            new TenantRepository(db).insert(tx, new Tenant(tenant, "Acme", "online-shop", Optional.empty()));
            new ConnectionRepository(db, vault).insert(tx, tenant, new Connection(connectionId, tenant, "hubspot",
                    "source-1", "sales@acme.test", ConnectionStatus.ACTIVE, List.of("contacts"),
                    Instant.parse("2026-03-01T10:00:00Z"), Optional.empty(), Optional.empty()), SECRET);
            return null;
        });
    }
}
