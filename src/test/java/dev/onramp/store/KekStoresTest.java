package dev.onramp.store;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import dev.onramp.model.TenantId;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Where no system key store answers, the key file is used, quickly, with a reason a person can act on. */
class KekStoresTest {
    private static final Duration TIMEOUT = Duration.ofSeconds(1);
    private static final SecretSlot SLOT = new SecretSlot("connection", "secret_config", TenantId.random(), "row-1");

    @TempDir
    Path dir;

    @Test
    void noSessionBus_fallsBackToTheKeyFileAndSaysToStartFromADesktop() {
        KekStore store = KekStores.choose(dir, "Linux", Map.of(), TIMEOUT);

        assertThat(store).isInstanceOf(FileKekStore.class);
        assertThat(store.fallbackReason()).hasValueSatisfying(reason -> assertThat(reason)
                .contains("No D-Bus session").contains("start Onramp from a desktop session"));
    }

    @Test
    void busWithNobodyListening_fallsBackAndSaysNoSecretServiceAnswered() {
        KekStore store = KekStores.choose(dir, "Linux", bus(dir.resolve("nobody")), TIMEOUT);

        assertThat(store).isInstanceOf(FileKekStore.class);
        assertThat(store.fallbackReason()).hasValueSatisfying(reason -> assertThat(reason)
                .contains("No Secret Service answered on D-Bus").contains("GNOME Keyring"));
    }

    @Test
    void busThatNeverAnswers_fallsBackWithinTheTimeout() throws Exception {
        Path socket = dir.resolve("silent");
        try (ServerSocketChannel silent = ServerSocketChannel.open(StandardProtocolFamily.UNIX)) {
            silent.bind(UnixDomainSocketAddress.of(socket));
            Thread.ofVirtual().start(() -> acceptAndSayNothing(silent));
            long start = System.nanoTime();

            KekStore store = KekStores.choose(dir, "Linux", bus(socket), TIMEOUT);

            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(TIMEOUT.multipliedBy(2));
            assertThat(store.fallbackReason()).hasValueSatisfying(reason -> assertThat(reason)
                    .contains("did not answer within 1 s"));
        }
    }

    @Test
    void systemWithoutAKnownKeyStore_fallsBackToTheKeyFile() {
        KekStore store = KekStores.choose(dir, "Plan 9", Map.of(), TIMEOUT);

        assertThat(store.fallbackReason()).hasValue("Onramp knows no key store on Plan 9.");
    }

    @Test
    void windowsNameWithoutWindowsDpapi_fallsBackToTheKeyFile() {
        assumeFalse(osIs("windows"), "Off Windows only: there Crypt32 is present");

        KekStore store = KekStores.choose(dir, "Windows 11", Map.of(), TIMEOUT);

        assertThat(store.fallbackReason()).hasValueSatisfying(reason -> assertThat(reason)
                .contains("Data Protection API (Crypt32.dll) could not be loaded"));
    }

    @Test
    void macNameWithoutTheSecurityTool_fallsBackToTheKeyFile() {
        assumeFalse(Files.exists(Path.of(MacKeychain.TOOL)), "Off macOS only: there the tool is present");

        KekStore store = KekStores.choose(dir, "Mac OS X", Map.of(), TIMEOUT);

        assertThat(store.fallbackReason()).hasValueSatisfying(reason -> assertThat(reason)
                .contains("/usr/bin/security is missing"));
    }

    @Test
    void keyFileAskedForByTheSystemProperty_isUsedAndSaysSo() {
        String before = System.setProperty(KekStores.CHOICE_PROPERTY, "file");
        try {
            KekStore store = KekStores.forThisSystem(dir);

            assertThat(store.fallbackReason()).hasValue("The key file was asked for (onramp.keyStore=file).");
        } finally {
            // The build may set it for every test, so that none leaves keys in a developer's keyring.
            if (before == null) {
                System.clearProperty(KekStores.CHOICE_PROPERTY);
            } else {
                System.setProperty(KekStores.CHOICE_PROPERTY, before);
            }
        }
    }

    @Test
    void keyFileFromBefore_stillOpensItsVaultWhenNoKeyStoreAnswers() {
        Path data = dir.resolve("data");
        byte[] ciphertext;
        try (Database db = Database.open(data)) {
            ciphertext = Vault.open(db, new FileKekStore(data.resolve("keys/onramp.kek"))).encrypt(secret(), SLOT);
        }

        try (Database db = Database.open(data)) {
            KekStore store = KekStores.choose(data, "Linux", Map.of(), TIMEOUT);

            assertThat(Vault.open(db, store).decrypt(ciphertext, SLOT)).isEqualTo(secret());
        }
    }

    @Test
    void keyInAKeyStoreThatDoesNotAnswer_isAnErrorAndNoNewKeyFileIsMade() throws Exception {
        Path mark = Files.createDirectories(dir.resolve("keys")).resolve("onramp.kek.in-system-store");
        Files.writeString(mark, "The key-encryption key of this data folder is in the Secret Service.\n");

        KekStore store = KekStores.choose(dir, "Linux", Map.of(), TIMEOUT);

        assertThatThrownBy(store::keyEncryptionKey).isInstanceOf(StoreException.class)
                .hasMessageContaining("Onramp keeps the key to this data folder in")
                .hasMessageContaining("No D-Bus session");
        assertThat(dir.resolve("keys/onramp.kek")).doesNotExist();
    }

    private static Map<String, String> bus(Path socket) {
        return Map.of("DBUS_SESSION_BUS_ADDRESS", "unix:path=" + socket);
    }

    private static void acceptAndSayNothing(ServerSocketChannel server) {
        try (SocketChannel ignored = server.accept()) {
            Thread.sleep(Duration.ofSeconds(30));
        } catch (Exception e) {
            // The test is over: the server closed or the thread was stopped.
        }
    }

    private static boolean osIs(String name) {
        return System.getProperty("os.name", "").toLowerCase(Locale.ROOT).startsWith(name);
    }

    private static byte[] secret() {
        return "{\"api_key\":\"k-PLANTED-77\"}".getBytes(UTF_8);
    }
}
