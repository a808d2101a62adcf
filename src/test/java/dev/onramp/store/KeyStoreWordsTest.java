package dev.onramp.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.onramp.text.Messages;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Where a key store keeps the key is said in the person's language inside German and French sentences, while
 * {@code description()} and exceptions' messages stay English for logs.
 */
class KeyStoreWordsTest {
    private static final Messages GERMAN = Messages.of(Locale.GERMAN);
    private static final Messages FRENCH = Messages.of(Locale.FRENCH);

    @TempDir
    Path dir;

    @Test
    void eachKeyStore_isNamedInGermanAndFrench_withWhereItKeepsTheKey_andInEnglishForLogs() {
        Path data = dir.resolve("data");
        FileKekStore file = new FileKekStore(data.resolve("keys/onramp.kek"));
        SecretServiceKeyring secretService = new SecretServiceKeyring("unix:path=" + dir.resolve("no-bus"), data,
                Duration.ofSeconds(1));
        MacKeychain keychain = new MacKeychain(dir.resolve("security"), data, Duration.ofSeconds(1));
        DpapiKeyring dpapi = new DpapiKeyring(data);
        Path keyFile = data.resolve("keys/onramp.kek").toAbsolutePath();
        Path blob = data.resolve("keys/onramp.kek.dpapi").toAbsolutePath();

        assertThat(GERMAN.render(file.described())).isEqualTo("Datei (nur für diesen Benutzer lesbar): " + keyFile);
        assertThat(FRENCH.render(file.described())).isEqualTo("fichier (lisible par cet utilisateur seul) : " + keyFile);
        assertThat(GERMAN.render(secretService.described()))
                .startsWith("Secret Service (z. B. GNOME Keyring): Eintrag „Onramp key-encryption key (")
                .contains(data.toAbsolutePath().toString());
        assertThat(FRENCH.render(secretService.described())).startsWith("l’élément « Onramp key-encryption key (")
                .endsWith(") » du Secret Service (p. ex. GNOME Keyring)");
        assertThat(GERMAN.render(keychain.described()))
                .isEqualTo("macOS-Schlüsselbund: Kennwort „dev.onramp.key-encryption-key“, Account " + DataFolderId.of(data));
        assertThat(FRENCH.render(keychain.described())).isEqualTo("l’élément « dev.onramp.key-encryption-key » (compte "
                + DataFolderId.of(data) + ") du trousseau macOS");
        assertThat(GERMAN.render(dpapi.described()))
                .isEqualTo("Windows-Datenschutz (DPAPI) für diesen Windows-Benutzer: " + blob);

        assertThat(file.description()).isEqualTo("file (readable by this user only): " + keyFile);
        assertThat(keychain.description()).startsWith("the macOS Keychain: password \"dev.onramp.key-encryption-key\"");
        assertThat(dpapi.description()).isEqualTo("Windows Data Protection (DPAPI) for this Windows user: " + blob);
    }

    @Test
    void keyInAKeyStoreThatDoesNotAnswer_isSaidInGerman_whileTheMessageStaysEnglish() throws Exception {
        Path mark = Files.createDirectories(dir.resolve("keys")).resolve("onramp.kek.in-system-store");
        Files.writeString(mark, "The key-encryption key of this data folder is in the Secret Service.\n");
        KekStore store = KekStores.choose(dir, "Linux", Map.of(), Duration.ofSeconds(1));

        StoreException refused = catchThrowableOfType(StoreException.class, store::keyEncryptionKey);

        assertThat(GERMAN.message(refused)).startsWith("Onramp bewahrt den Schlüssel dieses Datenordners in dem"
                + " Schlüsselspeicher des Systems auf und konnte ihn nicht erreichen: Es wurde keine D-Bus-Sitzung"
                + " gefunden (DBUS_SESSION_BUS_ADDRESS ist nicht gesetzt)");
        assertThat(FRENCH.message(refused))
                .startsWith("Onramp garde la clé de ce dossier de données dans le trousseau du système, et n’a pas pu");
        assertThat(refused.getMessage()).startsWith("Onramp keeps the key to this data folder in the system's key store,");
    }

    @Test
    void whyNoKeyStoreAnswered_isSaidInGermanAndFrench_andInEnglishForLogs() {
        KekStore noBus = KekStores.choose(dir, "Linux", Map.of(), Duration.ofSeconds(1));
        KekStore unknown = KekStores.choose(dir, "Plan 9", Map.of(), Duration.ofSeconds(1));
        KekStore silentBus = KekStores.choose(dir, "Linux",
                Map.of("DBUS_SESSION_BUS_ADDRESS", "unix:path=" + dir.resolve("nobody")), Duration.ofSeconds(1));

        assertThat(noBus.fallbackReasonText().map(GERMAN::render)).hasValueSatisfying(reason -> assertThat(reason)
                .startsWith("Es wurde keine D-Bus-Sitzung gefunden (DBUS_SESSION_BUS_ADDRESS ist nicht gesetzt), daher"
                        + " kann kein Secret Service wie GNOME Keyring antworten: Starten Sie Onramp aus einer"
                        + " Desktop-Sitzung"));
        assertThat(noBus.fallbackReasonText().map(FRENCH::render)).hasValueSatisfying(reason -> assertThat(reason)
                .startsWith("Aucune session D-Bus n’a été trouvée"));
        assertThat(unknown.fallbackReasonText().map(GERMAN::render))
                .hasValue("Onramp kennt keinen Schlüsselspeicher unter Plan 9.");
        assertThat(silentBus.fallbackReasonText().map(GERMAN::render)).hasValueSatisfying(reason -> assertThat(reason)
                .contains("Kein Secret Service hat auf D-Bus unter unix:path=" + dir.resolve("nobody") + " geantwortet")
                .endsWith(": Ist ein Schlüsselbund wie GNOME Keyring installiert und gestartet?"));
        assertThat(unknown.fallbackReason()).hasValue("Onramp knows no key store on Plan 9.");
    }

    @Test
    void missingKey_saysInGermanWhereItWasExpected() throws Exception {
        Path dataDir = dir.resolve("data");
        try (TestStore store = TestStore.open(dataDir)) {
            store.connection(store.tenant("Acme").id(), "stripe", "{\"api_key\":\"sk_live_1\"}");
        }
        Path keyFile = dir.resolve("data-keys").resolve("onramp.kek");
        Files.delete(keyFile);

        StoreException refused = catchThrowableOfType(StoreException.class,
                () -> MissingKeyCheck.requireKeyOfSavedSecrets(dataDir, TestStore.kek(dataDir)));

        assertThat(GERMAN.message(refused)).startsWith("Onramps Schlüsselverschlüsselungsschlüssel fehlt: Er wurde in"
                + " der Schlüsseldatei " + keyFile.toAbsolutePath() + " erwartet.");
        assertThat(FRENCH.message(refused)).startsWith("La clé de chiffrement des clés d’Onramp manque : elle était"
                + " attendue dans le fichier de clé " + keyFile.toAbsolutePath() + ".");
    }

    @Test
    void keyFileMadeBecauseNoKeyStoreAnswered_isToldInGermanAndFrench() {
        Path file = dir.resolve("keys").resolve("onramp.kek");
        FileKekStore store = new FileKekStore(file, "No D-Bus session was found.", true);
        store.keyEncryptionKey();

        assertThat(store.firstUseNotice()).hasValueSatisfying(notice -> {
            assertThat(GERMAN.render(notice)).startsWith("Onramp bewahrt den Schlüssel, der gespeicherte Geheimnisse"
                    + " schützt, in einer Datei auf, die nur Sie lesen können (" + file.toAbsolutePath() + ")");
            assertThat(FRENCH.render(notice)).endsWith("onramp doctor dit pourquoi et comment y déplacer la clé.");
        });
    }
}
