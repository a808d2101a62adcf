package dev.onramp.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.onramp.model.Tenant;
import dev.onramp.model.TenantId;
import dev.onramp.text.Messages;
import dev.onramp.text.Text;
import java.nio.file.Path;
import java.util.Locale;
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
    void nameTaken_isSaidInGermanAndFrench() {
        insert(new Tenant(TenantId.random(), "Acme Bikes", "online-shop", Optional.empty()));

        Throwable refusal = catchThrowable(() -> insert(new Tenant(TenantId.random(), "Acme Bikes", "agency",
                Optional.empty())));

        assertThat(Messages.of(Locale.GERMAN).message(refusal))
                .isEqualTo("Ein Unternehmen namens Acme Bikes gibt es bereits.");
        assertThat(Messages.of(Locale.FRENCH).message(refusal))
                .isEqualTo("Une entreprise nommée Acme Bikes existe déjà.");
    }

    @Test
    void diskFull_saysWhatFailedInTheSameLanguage() {
        StoreException full = new DiskFullException(dir, Text.of("store.database.full.open"), null);

        assertThat(full).hasMessage("The disk holding Onramp's data folder (" + dir + ") is full: Onramp could not open"
                + " its database. Free some space on that disk, then try again.");
        assertThat(Messages.of(Locale.GERMAN).render(full.text())).isEqualTo("Der Datenträger mit Onramps Datenordner ("
                + dir + ") ist voll: Onramp konnte seine Datenbank nicht öffnen. Geben Sie auf diesem Datenträger"
                + " Speicherplatz frei und versuchen Sie es dann erneut.");
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
