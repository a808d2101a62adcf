package dev.onramp.business;

import dev.onramp.catalog.Catalog;
import dev.onramp.model.InvalidInputException;
import dev.onramp.model.Tenant;
import dev.onramp.model.TenantId;
import dev.onramp.store.AuditLog;
import dev.onramp.store.Database;
import dev.onramp.store.TenantRepository;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Lists and creates the businesses being onboarded. */
public final class TenantService {
    /** The business a first run starts with, so that the hub has something to show at once. */
    public static final String DEMO_NAME = "Demo Coffee Roasters";

    private static final String DEMO_TYPE = "online-store";
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
        String trimmed = name == null ? "" : name.strip();
        if (trimmed.isEmpty()) {
            throw new InvalidInputException("Give the business a name.");
        }
        if (trimmed.length() > MAX_NAME) {
            throw new InvalidInputException("A business name can be at most " + MAX_NAME + " characters long.");
        }
        if (catalog.businessType(businessTypeId).isEmpty()) {
            throw new InvalidInputException("Pick what kind of business " + trimmed + " is.");
        }
        if (tenants.findByName(trimmed).isPresent()) {
            throw new InvalidInputException("A business named " + trimmed + " already exists.");
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
