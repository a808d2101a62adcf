package dev.onramp.store;

import dev.onramp.model.AirbyteSettings;
import dev.onramp.model.AirbyteSettings.Basic;
import dev.onramp.model.AirbyteSettings.ClientCredentials;
import dev.onramp.model.AirbyteSettings.Cloud;
import dev.onramp.model.AirbyteSettings.Demo;
import dev.onramp.model.AirbyteSettings.Login;
import dev.onramp.model.AirbyteSettings.SelfManaged;
import dev.onramp.model.TenantId;
import dev.onramp.text.Text;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.util.Objects;
import java.util.Optional;

/**
 * Keeps each business's Airbyte settings; logins (identifier and secret) are encrypted by the
 * {@link Vault}, so no credential of an Airbyte is ever written in clear.
 */
public final class SettingsRepository {
    private static final String TABLE = "tenant_settings";
    private static final String SEALED_COLUMN = "secret_login";

    private final Database db;
    private final Vault vault;
    private final Clock clock;

    public SettingsRepository(Database db, Vault vault, Clock clock) {
        this.db = Objects.requireNonNull(db, "db");
        this.vault = Objects.requireNonNull(vault, "vault");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** The business's settings; empty when none were saved (the business then uses the simulator). */
    public Optional<AirbyteSettings> find(TenantId tenant) {
        return db.withConnection(jdbc -> Sql.queryOne(jdbc,
                "SELECT target, airbyte_url, login, secret_login, workspace_id, relay_url FROM " + TABLE
                        + " WHERE tenant_id = ?",
                row -> settings(tenant, row), tenant.value()));
    }

    /** Saves the business's settings in place of the ones it had. */
    public void save(Tx tx, TenantId tenant, AirbyteSettings settings) {
        Optional<Sealed> login = switch (settings) {
            case Demo demo -> Optional.empty();
            case SelfManaged selfManaged -> selfManaged.login().map(SettingsRepository::sealed);
            case Cloud cloud -> Optional.of(new Sealed("CLIENT_CREDENTIALS", cloud.clientId(), cloud.clientSecret()));
        };
        Optional<byte[]> ciphertext = login.map(sealed -> vault.encrypt(sealed.bytes(), slot(tenant)));
        String target = switch (settings) {
            case Demo demo -> "DEMO";
            case SelfManaged selfManaged -> "SELF_MANAGED";
            case Cloud cloud -> "CLOUD";
        };
        Optional<String> url = switch (settings) {
            case Demo demo -> Optional.empty();
            case SelfManaged selfManaged -> Optional.of(selfManaged.url().toString());
            case Cloud cloud -> Optional.of(cloud.apiBase().toString());
        };
        Optional<String> workspace = settings instanceof Cloud cloud ? Optional.of(cloud.workspaceId()) : Optional.empty();
        Optional<String> relay = settings instanceof Cloud cloud ? Optional.of(cloud.relayUrl().toString()) : Optional.empty();
        db.within(tx, jdbc -> Sql.update(jdbc, "MERGE INTO " + TABLE
                        + " (tenant_id, target, airbyte_url, login, secret_login, workspace_id, relay_url, updated_at)"
                        + " KEY (tenant_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                tenant.value(), target, url, login.map(Sealed::kind).orElse("NONE"), ciphertext, workspace, relay,
                clock.instant()));
    }

    private AirbyteSettings settings(TenantId tenant, ResultSet row) throws SQLException {
        String target = row.getString("target");
        String loginKind = row.getString("login");
        Optional<Sealed> login = Optional.ofNullable(row.getBytes(SEALED_COLUMN))
                .map(ciphertext -> Sealed.of(loginKind, vault.decrypt(ciphertext, slot(tenant))));
        return switch (target) {
            case "DEMO" -> new Demo();
            case "SELF_MANAGED" -> new SelfManaged(URI.create(row.getString("airbyte_url")), login.map(Sealed::login));
            case "CLOUD" -> {
                Sealed sealed = login.orElseThrow(() -> new StoreException(
                        Text.of("store.settings.cloudWithoutClientId", tenant)));
                // Rows saved before Cloud's API base was kept have none: they meant Airbyte Cloud itself.
                URI apiBase = Optional.ofNullable(row.getString("airbyte_url")).map(URI::create).orElse(Cloud.AIRBYTE_CLOUD);
                yield new Cloud(apiBase, sealed.identity(), sealed.secret(), row.getString("workspace_id"),
                        URI.create(row.getString("relay_url")));
            }
            default -> throw new StoreException(Text.of("store.settings.unknownKind", tenant, target));
        };
    }

    private static Sealed sealed(Login login) {
        return switch (login) {
            case Basic basic -> new Sealed("BASIC", basic.username(), basic.password());
            case ClientCredentials client -> new Sealed("CLIENT_CREDENTIALS", client.clientId(), client.clientSecret());
        };
    }

    private static SecretSlot slot(TenantId tenant) {
        return new SecretSlot(TABLE, SEALED_COLUMN, tenant, tenant.toString());
    }

    /** A login as it is encrypted: its kind, who signs in, and the secret. */
    private record Sealed(String kind, String identity, String secret) {
        static Sealed of(String kind, byte[] plaintext) {
            try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(plaintext))) {
                return new Sealed(kind, in.readUTF(), in.readUTF());
            } catch (IOException e) {
                throw new StoreException(Text.of("store.settings.loginUnreadable"), e);
            }
        }

        byte[] bytes() {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            try (DataOutputStream out = new DataOutputStream(bytes)) {
                out.writeUTF(identity);
                out.writeUTF(secret);
            } catch (IOException e) {
                throw new UncheckedIOException("Writing to memory cannot fail", e);
            }
            return bytes.toByteArray();
        }

        Login login() {
            return kind.equals("BASIC") ? new Basic(identity, secret) : new ClientCredentials(identity, secret);
        }

        @Override
        public String toString() {
            return "Sealed[" + kind + "]";
        }
    }
}
