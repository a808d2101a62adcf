package dev.onramp.store;

import dev.onramp.model.RedirectSettings;
import dev.onramp.model.RedirectSettings.Host;
import dev.onramp.model.TenantId;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/** Keeps the loopback redirect each business's sign-ins use, and the default for every business. */
public final class RedirectRepository {
    /** Stands for "every business" where a row or an audit entry needs a business. */
    public static final TenantId EVERY_BUSINESS = new TenantId(new UUID(0, 0));

    private static final String TABLE = "loopback_redirect";

    private final Database db;
    private final Clock clock;

    public RedirectRepository(Database db, Clock clock) {
        this.db = Objects.requireNonNull(db, "db");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** The redirect saved for {@code scope} (a business, or {@link #EVERY_BUSINESS}); empty when none was. */
    public Optional<RedirectSettings> find(TenantId scope) {
        return db.withConnection(jdbc -> Sql.queryOne(jdbc,
                "SELECT host, first_port, port_count FROM " + TABLE + " WHERE tenant_id = ?",
                RedirectRepository::settings, scope.value()));
    }

    /** Saves the redirect of {@code scope} in place of the one it had. */
    public void save(Tx tx, TenantId scope, RedirectSettings settings) {
        db.within(tx, jdbc -> Sql.update(jdbc, "MERGE INTO " + TABLE
                        + " (tenant_id, host, first_port, port_count, updated_at) KEY (tenant_id) VALUES (?, ?, ?, ?, ?)",
                scope.value(), settings.host().text(), settings.firstPort(), settings.portCount(), clock.instant()));
    }

    /** Forgets the redirect of {@code scope}, which then follows the default; true when there was one. */
    public boolean delete(Tx tx, TenantId scope) {
        return db.within(tx, jdbc -> Sql.update(jdbc, "DELETE FROM " + TABLE + " WHERE tenant_id = ?", scope.value())) > 0;
    }

    private static RedirectSettings settings(ResultSet row) throws SQLException {
        return new RedirectSettings(Host.parse(row.getString("host")), row.getInt("first_port"), row.getInt("port_count"));
    }
}
