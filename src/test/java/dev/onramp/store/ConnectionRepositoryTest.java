package dev.onramp.store;

import static java.nio.charset.StandardCharsets.ISO_8859_1;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.onramp.model.Connection;
import dev.onramp.model.ConnectionId;
import dev.onramp.model.ConnectionStatus;
import dev.onramp.model.Tenant;
import dev.onramp.model.TenantId;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Connections in a real H2 file: encrypted configuration, tenant isolation and ciphertexts bound to their row. */
class ConnectionRepositoryTest {
    private static final String SECRET = "sk_live_PLANTED_SECRET_4f9a1c";
    private static final Instant CREATED = Instant.parse("2026-03-01T10:15:30.123456789Z");

    @TempDir
    Path dir;

    private Database db;
    private ConnectionRepository connections;
    private final TenantId acme = TenantId.random();
    private final TenantId globex = TenantId.random();

    @BeforeEach
    void open() {
        db = Database.open(dir.resolve("data"));
        connections = new ConnectionRepository(db, Vault.open(db, new FileKekStore(dir.resolve("keys/kek"))));
        TenantRepository tenants = new TenantRepository(db);
        db.inTransaction(tx -> {
            tenants.insert(tx, new Tenant(acme, "Acme", "online-shop", Optional.empty()));
            tenants.insert(tx, new Tenant(globex, "Globex", "agency", Optional.empty()));
            return null;
        });
    }

    @AfterEach
    void close() {
        db.close();
    }

    @Test
    void insertedConnection_readsBackWithItsDecryptedConfig() {
        Connection stripe = connection(acme, "stripe", CREATED, Optional.of(CREATED.plusSeconds(5)));

        insert(stripe, config(SECRET));

        assertThat(connections.find(acme, stripe.id())).contains(stripe);
        assertThat(connections.secretConfig(acme, stripe.id())).hasValueSatisfying(
                bytes -> assertThat(new String(bytes, UTF_8)).isEqualTo(config(SECRET)));
    }

    @Test
    void list_showsTheTenantsConnectionsNewestFirst() {
        Connection older = insert(connection(acme, "stripe", CREATED, Optional.empty()), config("a"));
        Connection newer = insert(connection(acme, "hubspot", CREATED.plusSeconds(60), Optional.empty()), config("b"));
        insert(connection(globex, "shopify", CREATED.plusSeconds(30), Optional.empty()), config("c"));

        assertThat(connections.list(acme)).containsExactly(newer, older);
    }

    @Test
    void anotherTenantsConnection_isInvisibleEvenById() {
        Connection globexShop = insert(connection(globex, "shopify", CREATED, Optional.empty()), config(SECRET));

        assertThat(connections.find(acme, globexShop.id())).isEmpty();
        assertThat(connections.secretConfig(acme, globexShop.id())).isEmpty();
        assertThat(connections.list(acme)).isEmpty();
    }

    @Test
    void databaseFile_neverHoldsTheConfigInPlaintext() throws Exception {
        Connection stripe = insert(connection(acme, "stripe", CREATED, Optional.empty()), config(SECRET));
        db.close();

        String file = new String(Files.readAllBytes(db.file()), ISO_8859_1);

        assertThat(file).contains(stripe.accountLabel()).doesNotContain(SECRET);
    }

    @Test
    void ciphertextCopiedToAnotherRow_doesNotDecrypt() {
        Connection stripe = insert(connection(acme, "stripe", CREATED, Optional.empty()), config(SECRET));
        Connection hubspot = insert(connection(acme, "hubspot", CREATED, Optional.empty()), config("other"));
        copySecretConfig(stripe, hubspot);

        assertThatThrownBy(() -> connections.secretConfig(acme, hubspot.id()))
                .isInstanceOf(StoreException.class)
                .hasMessageContaining("does not belong to this row")
                .hasMessageNotContaining(SECRET);
    }

    @Test
    void ciphertextCopiedToAnotherTenant_doesNotDecrypt() {
        Connection stripe = insert(connection(acme, "stripe", CREATED, Optional.empty()), config(SECRET));
        Connection shopify = insert(connection(globex, "shopify", CREATED, Optional.empty()), config("other"));
        copySecretConfig(stripe, shopify);

        assertThatThrownBy(() -> connections.secretConfig(globex, shopify.id()))
                .isInstanceOf(StoreException.class)
                .hasMessageNotContaining(SECRET);
    }

    @Test
    void disconnected_wipesTheSecretKeepsTheRowAndSaysWhen() {
        Connection stripe = insert(connection(acme, "stripe", CREATED, Optional.empty()), config(SECRET));
        Instant at = CREATED.plusSeconds(60);

        boolean first = db.inTransaction(tx -> connections.disconnected(tx, acme, stripe.id(), at));
        boolean second = db.inTransaction(tx -> connections.disconnected(tx, acme, stripe.id(), at.plusSeconds(5)));

        assertThat(first).isTrue();
        assertThat(second).as("disconnected once only").isFalse();
        Connection after = connections.find(acme, stripe.id()).orElseThrow();
        assertThat(after.status()).isEqualTo(ConnectionStatus.DISCONNECTED);
        assertThat(after.disconnectedAt()).contains(at);
        assertThat(after.sourceId()).isEqualTo(stripe.sourceId());
        assertThat(connections.secretConfig(acme, stripe.id())).isEmpty();
        Optional<Boolean> wiped = db.withConnection(jdbc -> Sql.queryOne(jdbc,
                "SELECT secret_config IS NULL FROM connection WHERE id = ?", row -> row.getBoolean(1),
                stripe.id().value()));
        assertThat(wiped).contains(true);
    }

    @Test
    void aCheckOfAConnectionDisconnectedMeanwhile_leavesItDisconnected() {
        Connection stripe = insert(connection(acme, "stripe", CREATED, Optional.empty()), config(SECRET));
        db.inTransaction(tx -> connections.disconnected(tx, acme, stripe.id(), CREATED));

        boolean recorded = db.inTransaction(tx -> connections.checked(tx, acme, stripe.id(), ConnectionStatus.ACTIVE,
                Optional.of(CREATED), Optional.empty()));

        assertThat(recorded).isFalse();
        assertThat(connections.find(acme, stripe.id()).orElseThrow().status()).isEqualTo(ConnectionStatus.DISCONNECTED);
    }

    @Test
    void theDatabaseRefusesADisconnectedRowWithASecretOrAnActiveOneWithout() {
        Connection stripe = insert(connection(acme, "stripe", CREATED, Optional.empty()), config(SECRET));

        assertThatThrownBy(() -> db.withConnection(jdbc -> Sql.update(jdbc,
                "UPDATE connection SET secret_config = NULL WHERE id = ?", stripe.id().value())))
                .hasMessageContaining("CONNECTION_SECRET_UNTIL_DISCONNECTED");
        assertThatThrownBy(() -> db.withConnection(jdbc -> Sql.update(jdbc,
                "UPDATE connection SET status = 'DISCONNECTED' WHERE id = ?", stripe.id().value())))
                .isInstanceOf(StoreException.class);
    }

    private void copySecretConfig(Connection from, Connection to) {
        db.withConnection(jdbc -> Sql.update(jdbc,
                "UPDATE connection SET secret_config = (SELECT secret_config FROM connection WHERE id = ?) WHERE id = ?",
                from.id().value(), to.id().value()));
    }

    private Connection insert(Connection connection, String config) {
        db.inTransaction(tx -> {
            connections.insert(tx, connection.tenantId(), connection, config.getBytes(UTF_8));
            return null;
        });
        return connection;
    }

    private static Connection connection(TenantId tenant, String provider, Instant created,
            Optional<Instant> lastChecked) {
        return new Connection(ConnectionId.random(), tenant, provider, "source-" + provider,
                provider + "-account-label", ConnectionStatus.ACTIVE, List.of("orders", "customers"), created,
                lastChecked, Optional.empty());
    }

    private static String config(String apiKey) {
        return "{\"api_key\":\"" + apiKey + "\"}";
    }
}
