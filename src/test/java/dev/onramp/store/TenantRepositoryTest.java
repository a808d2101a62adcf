package dev.onramp.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.onramp.model.Tenant;
import dev.onramp.model.TenantId;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Tenants in a real H2 file: lookups, case-insensitive names, workspaces and ordering. */
class TenantRepositoryTest {
    @TempDir
    Path dir;

    private Database db;
    private TenantRepository tenants;

    @BeforeEach
    void open() {
        db = Database.open(dir);
        tenants = new TenantRepository(db);
    }

    @AfterEach
    void close() {
        db.close();
    }

    @Test
    void insertedTenant_isFoundById() {
        Tenant acme = new Tenant(TenantId.random(), "Acme Bikes", "online-shop", Optional.empty());

        insert(acme);

        assertThat(tenants.find(acme.id())).contains(acme);
    }

    @Test
    void findByName_ignoresLetterCase() {
        Tenant acme = insert(new Tenant(TenantId.random(), "Acme Bikes", "online-shop", Optional.empty()));

        assertThat(tenants.findByName("aCME bIKES")).contains(acme);
        assertThat(tenants.findByName("Acme")).isEmpty();
    }

    @Test
    void unknownId_isAbsent() {
        assertThat(tenants.find(TenantId.random())).isEmpty();
    }

    @Test
    void nameTakenInAnotherCase_isRefusedWithClearMessage() {
        insert(new Tenant(TenantId.random(), "Acme Bikes", "online-shop", Optional.empty()));

        assertThatThrownBy(() -> insert(new Tenant(TenantId.random(), "ACME BIKES", "agency", Optional.empty())))
                .isInstanceOf(StoreException.class)
                .hasMessage("A business named ACME BIKES already exists.");
        assertThat(tenants.list()).hasSize(1);
    }

    @Test
    void setWorkspace_recordsTheAirbyteWorkspace() {
        Tenant acme = insert(new Tenant(TenantId.random(), "Acme Bikes", "online-shop", Optional.empty()));

        db.inTransaction(tx -> {
            tenants.setWorkspace(tx, acme.id(), "ws-123");
            return null;
        });

        assertThat(tenants.find(acme.id())).contains(acme.withWorkspace("ws-123"));
    }

    @Test
    void setWorkspaceOfUnknownTenant_fails() {
        assertThatThrownBy(() -> db.inTransaction(tx -> {
            tenants.setWorkspace(tx, TenantId.random(), "ws-123");
            return null;
        })).isInstanceOf(StoreException.class).hasMessageContaining("has no business");
    }

    @Test
    void list_isOrderedByNameIgnoringCase() {
        insert(new Tenant(TenantId.random(), "zeta", "agency", Optional.empty()));
        insert(new Tenant(TenantId.random(), "Beta", "agency", Optional.of("ws-1")));
        insert(new Tenant(TenantId.random(), "alpha", "agency", Optional.empty()));

        assertThat(tenants.list()).extracting(Tenant::name).containsExactly("alpha", "Beta", "zeta");
    }

    private Tenant insert(Tenant tenant) {
        db.inTransaction(tx -> {
            tenants.insert(tx, tenant);
            return null;
        });
        return tenant;
    }
}
