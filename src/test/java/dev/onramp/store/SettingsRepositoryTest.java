package dev.onramp.store;

import static java.nio.charset.StandardCharsets.ISO_8859_1;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.onramp.model.AirbyteSettings;
import dev.onramp.model.AirbyteSettings.Basic;
import dev.onramp.model.AirbyteSettings.ClientCredentials;
import dev.onramp.model.AirbyteSettings.Cloud;
import dev.onramp.model.AirbyteSettings.Demo;
import dev.onramp.model.AirbyteSettings.SelfManaged;
import dev.onramp.model.Tenant;
import dev.onramp.model.TenantId;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Per-business Airbyte settings in a real H2 file: every kind round-trips, logins only ever encrypted. */
class SettingsRepositoryTest {
    private static final String PLANTED_SECRET = "cloud-secret-PLANTED-7c41e9";
    private static final String PLANTED_CLIENT = "client-id-PLANTED-51b0";

    @TempDir
    Path dir;

    private Database db;
    private SettingsRepository settings;
    private final TenantId acme = TenantId.random();
    private final TenantId globex = TenantId.random();

    @BeforeEach
    void open() {
        db = Database.open(dir.resolve("data"));
        Vault vault = Vault.open(db, new FileKekStore(dir.resolve("keys/kek")));
        settings = new SettingsRepository(db, vault, Clock.fixed(Instant.parse("2026-04-01T09:00:00Z"), ZoneOffset.UTC));
        TenantRepository tenants = new TenantRepository(db);
        db.inTransaction(tx -> {
            tenants.insert(tx, new Tenant(acme, "Acme", "online-store", Optional.empty()));
            tenants.insert(tx, new Tenant(globex, "Globex", "agency", Optional.empty()));
            return null;
        });
    }

    @AfterEach
    void close() {
        db.close();
    }

    @Test
    void businessWithoutSettings_hasNone() {
        assertThat(settings.find(acme)).isEmpty();
    }

    @Test
    void cloudSettings_readBackWithTheirSecret() {
        Cloud cloud = new Cloud(PLANTED_CLIENT, PLANTED_SECRET, "ws-1", URI.create("https://relay.example.org/onramp/"));

        save(acme, cloud);

        assertThat(settings.find(acme)).contains(cloud);
    }

    @Test
    void cloudSettingsOfAnotherApiBase_readBackWithIt() {
        Cloud region = new Cloud(URI.create("https://api.eu.airbyte.example/v1"), PLANTED_CLIENT, PLANTED_SECRET, "ws-1",
                URI.create("https://relay.example.org/onramp/"));

        save(acme, region);

        assertThat(settings.find(acme)).contains(region);
    }

    @Test
    void cloudSettingsSavedWithoutAnApiBase_meanAirbyteCloudItself() {
        save(acme, new Cloud(PLANTED_CLIENT, PLANTED_SECRET, "ws-1", URI.create("https://relay.example.org/")));
        db.withConnection(jdbc -> Sql.update(jdbc, "UPDATE tenant_settings SET airbyte_url = NULL WHERE tenant_id = ?",
                acme.value()));

        assertThat(settings.find(acme)).get().isInstanceOfSatisfying(Cloud.class,
                cloud -> assertThat(cloud.apiBase()).isEqualTo(Cloud.AIRBYTE_CLOUD));
    }

    @Test
    void selfManagedSettings_readBackWithEachKindOfLogin() {
        SelfManaged open = new SelfManaged(URI.create("http://localhost:8000/api"), Optional.empty());
        SelfManaged basic = new SelfManaged(URI.create("http://airbyte:8000/api"), Optional.of(new Basic("admin", "pw-1")));
        SelfManaged client = new SelfManaged(URI.create("https://airbyte.corp/api"),
                Optional.of(new ClientCredentials("app-1", "app-secret-1")));

        save(acme, open);
        assertThat(settings.find(acme)).contains(open);
        save(acme, basic);
        assertThat(settings.find(acme)).contains(basic);
        save(acme, client);
        assertThat(settings.find(acme)).contains(client);
    }

    @Test
    void savingDemo_replacesEarlierSettingsAndForgetsTheirLogin() {
        save(acme, new SelfManaged(URI.create("http://airbyte:8000/api"), Optional.of(new Basic("admin", "pw-1"))));

        save(acme, new Demo());

        assertThat(settings.find(acme)).contains(new Demo());
        Optional<Boolean> loginGone = db.withConnection(jdbc -> Sql.queryOne(jdbc,
                "SELECT secret_login IS NULL FROM tenant_settings WHERE tenant_id = ?", row -> row.getBoolean(1),
                acme.value()));
        assertThat(loginGone).contains(true);
    }

    @Test
    void settingsOfOneBusiness_areNotThoseOfAnother() {
        save(acme, new Cloud("acme-client", "acme-secret", "ws-a", URI.create("https://relay.example.org/")));

        assertThat(settings.find(globex)).isEmpty();
    }

    @Test
    void databaseFile_neverHoldsTheLoginInClear() throws Exception {
        save(acme, new Cloud(PLANTED_CLIENT, PLANTED_SECRET, "ws-visible", URI.create("https://relay.example.org/")));
        db.close();

        String file = new String(Files.readAllBytes(db.file()), ISO_8859_1);

        assertThat(file).contains("ws-visible").doesNotContain(PLANTED_SECRET).doesNotContain(PLANTED_CLIENT);
    }

    @Test
    void loginCopiedToAnotherBusiness_doesNotDecrypt() {
        save(acme, new Cloud("acme-client", PLANTED_SECRET, "ws-a", URI.create("https://relay.example.org/")));
        save(globex, new Cloud("globex-client", "globex-secret", "ws-g", URI.create("https://relay.example.org/")));
        db.withConnection(jdbc -> Sql.update(jdbc, "UPDATE tenant_settings SET secret_login ="
                + " (SELECT secret_login FROM tenant_settings WHERE tenant_id = ?) WHERE tenant_id = ?",
                acme.value(), globex.value()));

        assertThatThrownBy(() -> settings.find(globex)).isInstanceOf(StoreException.class)
                .hasMessageContaining("does not belong to this row").hasMessageNotContaining(PLANTED_SECRET);
    }

    @Test
    void settingsPrinted_showNoSecret() {
        AirbyteSettings cloud = new Cloud("client", PLANTED_SECRET, "ws", URI.create("https://relay.example.org/"));
        AirbyteSettings basic = new SelfManaged(URI.create("http://a/api"), Optional.of(new Basic("admin", PLANTED_SECRET)));

        assertThat(cloud.toString()).doesNotContain(PLANTED_SECRET);
        assertThat(basic.toString()).doesNotContain(PLANTED_SECRET).contains("admin");
    }

    private void save(TenantId tenant, AirbyteSettings value) {
        db.inTransaction(tx -> {
            settings.save(tx, tenant, value);
            return null;
        });
    }
}
