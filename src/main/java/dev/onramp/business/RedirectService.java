package dev.onramp.business;

import dev.onramp.model.RedirectSettings;
import dev.onramp.model.TenantId;
import dev.onramp.store.AuditLog;
import dev.onramp.store.Database;
import dev.onramp.store.RedirectRepository;
import java.util.Optional;

/**
 * Shows and saves the loopback redirect sign-ins use: a business's own, or the default for every
 * business; each change is in the audit trail (a default's under the nil business id).
 */
public final class RedirectService {
    private final Database db;
    private final RedirectRepository redirects;
    private final AuditLog audit;
    private final String actor;

    public RedirectService(Database db, RedirectRepository redirects, AuditLog audit, String actor) {
        this.db = db;
        this.redirects = redirects;
        this.audit = audit;
        this.actor = actor;
    }

    /** The redirect the business's sign-ins use now: its own, else the default for every business. */
    public RedirectSettings effective(TenantId tenant) {
        return own(tenant).orElseGet(this::defaults);
    }

    /** The redirect chosen for this business alone, if any. */
    public Optional<RedirectSettings> own(TenantId tenant) {
        return redirects.find(tenant);
    }

    /** The redirect every business without its own uses. */
    public RedirectSettings defaults() {
        return redirects.find(RedirectRepository.EVERY_BUSINESS).orElse(RedirectSettings.DEFAULT);
    }

    /** Gives the business a redirect of its own. */
    public void save(TenantId tenant, RedirectSettings settings) {
        write(tenant, settings, "tenant/" + tenant);
    }

    /** Sets the redirect every business without its own uses. */
    public void saveDefault(RedirectSettings settings) {
        write(RedirectRepository.EVERY_BUSINESS, settings, "every-business");
    }

    /** Lets the business follow the default again; false when it had no redirect of its own. */
    public boolean useDefault(TenantId tenant) {
        String fallback = defaults().description();
        return db.inTransaction(tx -> {
            boolean had = redirects.delete(tx, tenant);
            if (had) {
                audit.append(tx, tenant, actor, "settings.redirect-changed", "tenant/" + tenant,
                        "redirect=default (" + fallback + ")");
            }
            return had;
        });
    }

    private void write(TenantId scope, RedirectSettings settings, String resource) {
        db.inTransaction(tx -> {
            redirects.save(tx, scope, settings);
            audit.append(tx, scope, actor, "settings.redirect-changed", resource, "redirect=" + settings.description());
            return null;
        });
    }
}
