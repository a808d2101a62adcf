package dev.onramp.business;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.onramp.catalog.Catalog;
import dev.onramp.model.AuditEvent;
import dev.onramp.model.InvalidInputException;
import dev.onramp.model.Tenant;
import dev.onramp.store.AuditLog;
import dev.onramp.store.Database;
import dev.onramp.store.TenantRepository;
import dev.onramp.text.Messages;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Creating and listing businesses on a real H2 file. */
class TenantServiceTest {
    @TempDir
    Path dataDir;

    private Database db;
    private AuditLog audit;
    private TenantService service;

    @BeforeEach
    void setUp() {
        db = Database.open(dataDir);
        audit = AuditLog.open(db, new dev.onramp.store.FileKekStore(dataDir.resolve("keys/onramp.kek")), Clock.systemUTC());
        service = new TenantService(db, new TenantRepository(db), audit, Catalog.bundled(), "test");
    }

    @AfterEach
    void tearDown() {
        db.close();
    }

    @Test
    void firstRun_createsTheDemoBusinessOnce() {
        List<Tenant> first = service.tenantsCreatingDemoIfNone();
        List<Tenant> second = service.tenantsCreatingDemoIfNone();

        assertThat(first).extracting(Tenant::name).containsExactly(TenantService.DEMO_NAME);
        assertThat(second).isEqualTo(first);
    }

    @Test
    void aRefusedName_isSaidInThePersonsLanguage_whileItsMessageStaysEnglish() {
        Tenant taken = service.create("Acme Outdoor", "online-store");

        assertThatThrownBy(() -> service.create("   ", "online-store"))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> {
                    assertThat(e).hasMessage("Give the business a name.");
                    assertThat(Messages.of(Locale.GERMAN).message(e)).isEqualTo("Geben Sie dem Unternehmen einen Namen.");
                    assertThat(Messages.of(Locale.FRENCH).message(e)).isEqualTo("Donnez un nom à l’entreprise.");
                });
        assertThatThrownBy(() -> service.rename(service.create("Beta", "online-store").id(), "ACME outdoor"))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(Messages.of(Locale.GERMAN).message(e))
                        .isEqualTo("Ein anderes Unternehmen heißt bereits " + taken.name() + " (Namen unterscheiden keine"
                                + " Groß- und Kleinschreibung): Wählen Sie einen Namen, den kein anderes Unternehmen hat."));
    }

    @Test
    void create_storesTheBusinessAndAuditsIt() {
        Tenant tenant = service.create("  Acme Outdoor  ", "online-store");

        assertThat(tenant.name()).isEqualTo("Acme Outdoor");
        assertThat(service.byName("acme outdoor")).contains(tenant);
        assertThat(audit.list(tenant.id())).extracting(AuditEvent::action).containsExactly("tenant.created");
    }

    @Test
    void blankName_isRefusedWithWhatToDo() {
        assertThatThrownBy(() -> service.create("   ", "online-store"))
                .isInstanceOf(InvalidInputException.class).hasMessage("Give the business a name.");
    }

    @Test
    void duplicateNameIgnoringCase_isRefusedAndNothingIsAdded() {
        service.create("Acme Outdoor", "online-store");

        assertThatThrownBy(() -> service.create("ACME OUTDOOR", "saas"))
                .isInstanceOf(InvalidInputException.class).hasMessage("A business named ACME OUTDOOR already exists.");
        assertThat(service.tenantsCreatingDemoIfNone()).hasSize(1);
    }

    @Test
    void unknownBusinessType_isRefused() {
        assertThatThrownBy(() -> service.create("Acme Outdoor", "spaceship-yard"))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("what kind of business");
    }

    @Test
    void renamingChangesTheName_andIsAudited_fromAndTo() {
        Tenant acme = service.create("Acme Outdoor", "online-store");

        Tenant renamed = service.rename(acme.id(), "  Acme Outdoor Gear ");

        assertThat(renamed.name()).isEqualTo("Acme Outdoor Gear");
        assertThat(service.byName("acme outdoor gear")).map(Tenant::id).contains(acme.id());
        AuditEvent entry = audit.list(acme.id()).getLast();
        assertThat(entry.action()).isEqualTo("tenant.renamed");
        assertThat(entry.details()).isEqualTo("from=Acme Outdoor to=Acme Outdoor Gear");
    }

    @Test
    void renamingToAnotherBusinessesNameInAnyCase_isRefused_andChangesNothing() {
        Tenant acme = service.create("Acme Outdoor", "online-store");
        service.create("Bolt Bikes", "online-store");

        assertThatThrownBy(() -> service.rename(acme.id(), "BOLT bikes"))
                .isInstanceOf(InvalidInputException.class)
                .hasMessage("Another business is already called Bolt Bikes (names ignore letter case): pick a name no"
                        + " other business has.");
        assertThatThrownBy(() -> service.rename(acme.id(), "   ")).hasMessage("Give the business a name.");
        assertThat(service.byName("Acme Outdoor")).isPresent();
        assertThat(audit.list(acme.id())).extracting(AuditEvent::action).containsExactly("tenant.created");
    }

    @Test
    void renamingToTheSameNameInOtherLetterCase_isARename() {
        Tenant acme = service.create("acme outdoor", "online-store");

        assertThat(service.rename(acme.id(), "Acme Outdoor").name()).isEqualTo("Acme Outdoor");
        assertThat(service.byName("ACME OUTDOOR")).map(Tenant::name).contains("Acme Outdoor");
    }

    @Test
    void changingTheType_isKept_andAudited_anUnknownTypeIsRefusedWithTheKnownOnes() {
        Tenant acme = service.create("Acme Outdoor", "online-store");
        String other = Catalog.bundled().businessTypes().stream().map(type -> type.id())
                .filter(id -> !id.equals("online-store")).findFirst().orElseThrow();

        assertThat(service.retype(acme.id(), other).businessTypeId()).isEqualTo(other);

        assertThat(service.byName("Acme Outdoor")).map(Tenant::businessTypeId).contains(other);
        assertThat(audit.list(acme.id()).getLast().details()).isEqualTo("from=online-store to=" + other);
        assertThatThrownBy(() -> service.retype(acme.id(), "spaceport"))
                .hasMessageStartingWith("Onramp knows no business type \"spaceport\"; the types are ");
    }
}
