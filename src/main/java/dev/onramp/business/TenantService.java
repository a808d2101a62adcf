package dev.onramp.business;

import dev.onramp.catalog.Catalog;
import dev.onramp.model.BusinessType;
import dev.onramp.model.InvalidInputException;
import dev.onramp.model.Tenant;
import dev.onramp.model.TenantId;
import dev.onramp.store.AuditLog;
import dev.onramp.store.Database;
import dev.onramp.store.TenantRepository;
import dev.onramp.text.Text;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Lists, creates, renames and retypes the businesses being onboarded. */
public final class TenantService {
    /** The business a first run starts with, so that the hub has something to show at once. */
    public static final String DEMO_NAME = "Demo Coffee Roasters";

    /** The type of the sample business: an online store. */
    public static final String DEMO_TYPE = "online-store";
    private static final int MAX_NAME = 120;

    private final Database db;
    private final TenantRepository tenants;
    private final AuditLog audit;
    private final Catalog catalog;
    private final String actor;

    public TenantService(Database db, TenantRepository tenants, AuditLog audit, Catalog catalog, String actor) {
        this.db = db;
        this.tenants = tenants;
        this.audit = audit;
        this.catalog = catalog;
        this.actor = actor;
    }

    /** All tenants by name; on first run this creates the demo business so the list is never empty. */
    public synchronized List<Tenant> tenantsCreatingDemoIfNone() {
        List<Tenant> all = tenants.list();
        if (!all.isEmpty()) {
            return all;
        }
        String type = catalog.businessType(DEMO_TYPE).isPresent() ? DEMO_TYPE
                : catalog.businessTypes().getFirst().id();
        create(DEMO_NAME, type);
        return tenants.list();
    }

    /** Creates a business; a blank or duplicate name is refused with a clear message. */
    public synchronized Tenant create(String name, String businessTypeId) {
        String trimmed = validName(name);
        if (catalog.businessType(businessTypeId).isEmpty()) {
            throw new InvalidInputException(Text.of("business.tenant.pickType", trimmed));
        }
        if (tenants.findByName(trimmed).isPresent()) {
            throw new InvalidInputException(Text.of("business.tenant.exists", trimmed));
        }
        Tenant tenant = new Tenant(TenantId.random(), trimmed, businessTypeId, Optional.empty());
        db.inTransaction(tx -> {
            tenants.insert(tx, tenant);
            audit.append(tx, tenant.id(), actor, "tenant.created", "tenant/" + tenant.id(),
                    "name=" + trimmed + " type=" + businessTypeId);
            return null;
        });
        return tenant;
    }

    /**
     * Gives the business another name, audited; a blank name, or one another business has in any letter
     * case, is refused with a sentence and changes nothing. A change of letter case alone is a rename.
     */
    public synchronized Tenant rename(TenantId id, String name) {
        Tenant tenant = existing(id);
        String trimmed = validName(name);
        if (trimmed.equals(tenant.name())) {
            return tenant;
        }
        Optional<Tenant> holder = tenants.findByName(trimmed).filter(other -> !other.id().equals(id));
        if (holder.isPresent()) {
            throw new InvalidInputException(Text.of("business.tenant.nameTaken", holder.get().name()));
        }
        db.inTransaction(tx -> {
            tenants.rename(tx, id, trimmed);
            audit.append(tx, id, actor, "tenant.renamed", "tenant/" + id,
                    "from=" + tenant.name() + " to=" + trimmed);
            return null;
        });
        return new Tenant(id, trimmed, tenant.businessTypeId(), tenant.workspaceId());
    }

    /**
     * Records what kind of business it is, audited, so that its recommendations follow; a type the
     * catalog does not know is refused with the ones it does.
     */
    public synchronized Tenant retype(TenantId id, String businessTypeId) {
        Tenant tenant = existing(id);
        if (catalog.businessType(businessTypeId).isEmpty()) {
            throw new InvalidInputException(Text.of("business.tenant.unknownType", businessTypeId,
                    String.join(", ", catalog.businessTypes().stream().map(BusinessType::id).toList())));
        }
        if (businessTypeId.equals(tenant.businessTypeId())) {
            return tenant;
        }
        db.inTransaction(tx -> {
            tenants.retype(tx, id, businessTypeId);
            audit.append(tx, id, actor, "tenant.retyped", "tenant/" + id,
                    "from=" + tenant.businessTypeId() + " to=" + businessTypeId);
            return null;
        });
        return new Tenant(id, tenant.name(), businessTypeId, tenant.workspaceId());
    }

    /** The business with this id, or a sentence saying it is gone. */
    public Tenant existing(TenantId id) {
        return tenants.find(id).orElseThrow(() -> new InvalidInputException(Text.of("business.tenant.gone")));
    }

    private static String validName(String name) {
        String trimmed = name == null ? "" : name.strip();
        if (trimmed.isEmpty()) {
            throw new InvalidInputException(Text.of("business.tenant.blankName"));
        }
        if (trimmed.length() > MAX_NAME) {
            throw new InvalidInputException(Text.of("business.tenant.nameTooLong", MAX_NAME));
        }
        if (trimmed.chars().anyMatch(Character::isISOControl)) {
            throw new InvalidInputException(Text.of("business.tenant.controlCharacter"));
        }
        return trimmed;
    }

    /**
     * All businesses by name, and the one to show first: the one the window showed last, else the first
     * by name. On first run this creates the demo business, so the list is never empty.
     */
    public synchronized Businesses businessesToShow() {
        List<Tenant> all = tenantsCreatingDemoIfNone();
        Optional<TenantId> last = tenants.lastUsed();
        Tenant first = all.stream().filter(tenant -> last.filter(tenant.id()::equals).isPresent()).findFirst()
                .orElse(all.getFirst());
        return new Businesses(all, first);
    }

    /** Notes that the window shows {@code tenant} now, so that it reopens on it; not an action to audit. */
    public void markUsed(TenantId tenant) {
        db.inTransaction(tx -> {
            tenants.markUsed(tx, tenant, Instant.now());
            return null;
        });
    }

    /** The businesses the window lists, and the one it shows first. */
    public record Businesses(List<Tenant> all, Tenant first) {
        public Businesses {
            all = List.copyOf(all);
        }
    }

    /** The business with this name (ignoring case). */
    public Optional<Tenant> byName(String name) {
        return tenants.findByName(name.strip());
    }
}
