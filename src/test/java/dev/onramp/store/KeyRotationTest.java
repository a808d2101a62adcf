package dev.onramp.store;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.onramp.model.Connection;
import dev.onramp.model.TenantId;
import dev.onramp.store.KeyRotation.RotationProgress;
import dev.onramp.store.KeyRotation.RotationReport;
import dev.onramp.store.KeyRotation.UnreadableSecret;
import dev.onramp.text.Messages;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Rotating the vault's key: a new primary key, lazy and batched re-encryption, and a rotation cut short. */
class KeyRotationTest {
    @TempDir
    Path dir;

    private Path dataDir;
    private TestStore store;
    private TenantId acme;
    private TenantId globex;
    private final List<Connection> stored = new ArrayList<>();

    /** Five secrets of two businesses, all under the first key. */
    @BeforeEach
    void storeFiveSecrets() {
        dataDir = dir.resolve("data");
        store = TestStore.open(dataDir);
        acme = store.tenant("Acme").id();
        globex = store.tenant("Globex").id();
        for (int i = 0; i < 5; i++) {
            stored.add(store.connection(i % 2 == 0 ? acme : globex, "provider-" + i, secret(i)));
        }
    }

    @AfterEach
    void close() {
        store.close();
    }

    @Test
    void rotate_addsANewPrimaryKeyAndKeepsTheOldOne() {
        int firstKey = store.vault.primaryKeyId();

        RotationReport report = store.keyRotation.rotate(100, progress -> {});

        assertThat(report.primaryKeyId()).isNotEqualTo(firstKey).isEqualTo(store.vault.primaryKeyId());
        assertThat(report.keyCount()).isEqualTo(2);
        assertThat(report.resumed()).isFalse();
    }

    @Test
    void newPrimaryKey_isStoredAndSurvivesReopening() {
        RotationReport report = store.keyRotation.rotate(100, progress -> {});
        reopen();

        assertThat(store.vault.primaryKeyId()).isEqualTo(report.primaryKeyId());
        assertThat(store.vault.keyCount()).isEqualTo(2);
    }

    @Test
    void rotate_reencryptsEveryStoredSecretUnderTheNewKeyInBatches() {
        List<RotationProgress> batches = new ArrayList<>();

        RotationReport report = store.keyRotation.rotate(2, batches::add);

        assertThat(batches).extracting(RotationProgress::reencrypted).containsExactly(2L, 4L, 5L);
        assertThat(report.reencryptedNow()).isEqualTo(5);
        for (Connection connection : stored) {
            assertThat(store.vault.needsReencryption(store.rawSecretConfig(connection))).isFalse();
        }
        assertThat(store.keyRotation.unfinished()).isEmpty();
    }

    @Test
    void reencryptedSecrets_stillDecryptInTheirOwnSlot() {
        store.keyRotation.rotate(2, progress -> {});

        for (int i = 0; i < stored.size(); i++) {
            Connection connection = stored.get(i);
            assertThat(store.connections.secretConfig(connection.tenantId(), connection.id()))
                    .hasValue(secret(i).getBytes(UTF_8));
        }
    }

    @Test
    void rotationCutShortByACrash_continuesWhereItStoppedOnTheNextRun() {
        assertThatThrownBy(() -> store.keyRotation.rotate(2, progress -> {
            throw new IllegalStateException("power cut");
        })).hasMessage("power cut");
        reopen();
        assertThat(store.keyRotation.unfinished()).hasValueSatisfying(progress ->
                assertThat(progress.reencrypted()).isEqualTo(2));
        List<RotationProgress> batches = new ArrayList<>();

        RotationReport report = store.keyRotation.rotate(2, batches::add);

        assertThat(report.resumed()).isTrue();
        assertThat(report.reencryptedNow()).isEqualTo(3);
        assertThat(report.reencryptedInAll()).isEqualTo(5);
        assertThat(report.keyCount()).as("no second new key").isEqualTo(2);
        assertThat(batches).extracting(RotationProgress::reencrypted).containsExactly(4L, 5L);
        for (Connection connection : stored) {
            assertThat(store.vault.needsReencryption(store.rawSecretConfig(connection))).isFalse();
        }
    }

    @Test
    void secretsNotYetReencrypted_stillOpenUnderTheOldKey() {
        assertThatThrownBy(() -> store.keyRotation.rotate(2, progress -> {
            throw new IllegalStateException("power cut");
        })).hasMessage("power cut");
        reopen();
        List<Connection> notYet = stored.stream()
                .filter(connection -> store.vault.needsReencryption(store.rawSecretConfig(connection))).toList();
        assertThat(notYet).hasSize(3);

        for (Connection connection : notYet) {
            assertThat(store.connections.secretConfig(connection.tenantId(), connection.id()))
                    .hasValue(secret(stored.indexOf(connection)).getBytes(UTF_8));
        }
    }

    @Test
    void readingASecretUnderAnOldKey_rewritesItUnderThePrimaryKeyInTheSameRow() {
        Connection connection = stored.getFirst();
        byte[] underOldKey = store.rawSecretConfig(connection);
        store.db.inTransaction(tx -> store.vault.rotate(tx));

        assertThat(store.connections.secretConfig(acme, connection.id())).isPresent();

        byte[] rewritten = store.rawSecretConfig(connection);
        assertThat(rewritten).isNotEqualTo(underOldKey);
        assertThat(store.vault.needsReencryption(rewritten)).isFalse();
        assertThat(store.vault.decrypt(rewritten, ConnectionRepository.slot(acme, connection.id().value())))
                .isEqualTo(secret(0).getBytes(UTF_8));
        assertThat(store.connections.secretConfig(acme, connection.id())).isPresent();
        assertThat(store.rawSecretConfig(connection)).as("rewritten once only").isEqualTo(rewritten);
    }

    @Test
    void secretUnderThePrimaryKey_isNotRewrittenOnRead() {
        Connection connection = stored.getFirst();
        byte[] before = store.rawSecretConfig(connection);

        store.connections.secretConfig(acme, connection.id());

        assertThat(store.rawSecretConfig(connection)).isEqualTo(before);
    }

    @Test
    void rotationThatRolledBack_leavesTheVaultOnItsOldKey() {
        int firstKey = store.vault.primaryKeyId();

        assertThatThrownBy(() -> store.db.inTransaction(tx -> {
            store.vault.rotate(tx);
            throw new IllegalStateException("failed before commit");
        })).hasMessage("failed before commit");

        assertThat(store.vault.primaryKeyId()).isEqualTo(firstKey);
        reopen();
        assertThat(store.vault.primaryKeyId()).isEqualTo(firstKey);
        assertThat(store.vault.keyCount()).isEqualTo(1);
    }

    @Test
    void secondRotation_addsAThirdKeyAndOldestSecretsStillOpen() {
        store.db.inTransaction(tx -> store.vault.rotate(tx));
        store.keyRotation.rotate(100, progress -> {});

        assertThat(store.vault.keyCount()).isEqualTo(3);
        assertThat(store.connections.secretConfig(globex, stored.get(1).id())).isPresent();
    }

    private void reopen() {
        store.close();
        store = TestStore.open(dataDir);
    }

    private static String secret(int i) {
        return "{\"api_key\":\"sk_live_" + i + "\"}";
    }

    @Test
    void secretMovedToAnotherBusinessesRow_isNamedWithItsRemoval_andEveryOtherSecretIsReencrypted() {
        Connection moved = moveSecretToAnotherBusiness();

        RotationReport report = store.keyRotation.rotate(2, progress -> {});

        assertThat(report.complete()).isFalse();
        assertThat(report.unreadable()).singleElement().satisfies(secret -> {
            assertThat(secret.connection()).isEqualTo(moved.id());
            assertThat(secret.description()).isEqualTo(
                    "the provider-1 connection (account provider-1@example.test) of business Globex");
            assertThat(secret.removal()).isEqualTo("onramp disconnect provider-1 --tenant Globex"
                    + " --account provider-1@example.test --local-only --yes");
        });
        assertThat(report.reencryptedNow()).isEqualTo(4);
        for (Connection connection : stored) {
            assertThat(store.vault.needsReencryption(store.rawSecretConfig(connection)))
                    .as(connection.providerId()).isEqualTo(connection.equals(moved));
        }
        assertThat(store.keyRotation.unfinished()).as("not finished while a secret is left").isPresent();
        assertThat(store.audit.list(globex)).last().satisfies(entry -> {
            assertThat(entry.action()).isEqualTo("keys.rotate.secret-unreadable");
            assertThat(entry.resource()).isEqualTo("connection/" + moved.id());
            assertThat(entry.details()).contains("provider=provider-1", "onramp disconnect provider-1");
        });
    }

    @Test
    void rotationLeftUnfinishedByAnUnreadableSecret_namesItAgainWithoutAnotherKey_andCompletesOnceItIsRemoved() {
        Connection moved = moveSecretToAnotherBusiness();
        store.keyRotation.rotate(100, progress -> {});

        RotationReport again = store.keyRotation.rotate(100, progress -> {});
        assertThat(again.resumed()).isTrue();
        assertThat(again.keyCount()).as("no second new key").isEqualTo(2);
        assertThat(again.unreadable()).extracting(UnreadableSecret::connection).containsExactly(moved.id());

        store.db.inTransaction(tx -> store.connections.disconnected(tx, globex, moved.id(), TestStore.NOW));
        RotationReport done = store.keyRotation.rotate(100, progress -> {});

        assertThat(done.complete()).isTrue();
        assertThat(done.resumed()).isTrue();
        assertThat(done.keyCount()).isEqualTo(2);
        assertThat(store.keyRotation.unfinished()).isEmpty();
    }

    @Test
    void readingASecretThatDoesNotDecrypt_isSaidInGermanAndFrench() {
        Connection moved = moveSecretToAnotherBusiness();

        StoreException refused = catchThrowableOfType(StoreException.class,
                () -> store.connections.secretConfig(globex, moved.id()));

        assertThat(Messages.of(Locale.GERMAN).message(refused)).startsWith("Onramp konnte das für die"
                + " provider-1-Verbindung (Konto provider-1@example.test) des Unternehmens Globex gespeicherte Geheimnis"
                + " nicht entschlüsseln: ").contains("Entfernen Sie diese Verbindung aus Onramp, was kein Geheimnis"
                + " braucht: onramp disconnect provider-1 --tenant Globex");
        assertThat(Messages.of(Locale.FRENCH).message(refused)).startsWith("Onramp n’a pas pu déchiffrer le secret"
                + " enregistré pour la connexion provider-1 (compte provider-1@example.test) de l’entreprise Globex :");
    }

    @Test
    void readingASecretThatDoesNotDecrypt_namesItsConnectionAndTheRemoval_notConnectingAgain() {
        Connection moved = moveSecretToAnotherBusiness();

        assertThatThrownBy(() -> store.connections.secretConfig(globex, moved.id()))
                .isInstanceOf(StoreException.class)
                .hasMessageStartingWith("Onramp could not decrypt the secret stored for the provider-1 connection"
                        + " (account provider-1@example.test) of business Globex")
                .hasMessageContaining("onramp disconnect provider-1 --tenant Globex --account provider-1@example.test"
                        + " --local-only --yes")
                .hasMessageNotContaining("connect this account again")
                .hasMessageNotContaining("Connect this account again");
    }

    /** Puts Acme's first sealed secret into Globex's first row, as a row edited by hand would carry it. */
    private Connection moveSecretToAnotherBusiness() {
        Connection moved = stored.get(1);
        assertThat(moved.tenantId()).isEqualTo(globex);
        store.db.withConnection(jdbc -> Sql.update(jdbc, "UPDATE connection SET secret_config ="
                + " (SELECT secret_config FROM connection WHERE id = ?) WHERE id = ?", stored.get(0).id().value(),
                moved.id().value()));
        return moved;
    }

    @Test
    void disconnectedConnections_havingNoSecret_arePassedBy() {
        Connection gone = stored.get(1);
        store.db.inTransaction(tx -> store.connections.disconnected(tx, globex, gone.id(), TestStore.NOW));

        RotationReport report = store.keyRotation.rotate(2, progress -> {});

        assertThat(report.reencryptedNow()).isEqualTo(4);
        assertThat(store.connections.secretConfig(globex, gone.id())).isEmpty();
        assertThat(store.keyRotation.unfinished()).isEmpty();
    }

}
