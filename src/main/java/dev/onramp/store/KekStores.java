package dev.onramp.store;

import dev.onramp.text.Text;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Picks where a data folder's key-encryption key lives: the operating system's key store when it
 * answers (Secret Service on Linux, Keychain on macOS, DPAPI on Windows), otherwise the key file only
 * this user can read, with the reason and the fix (ADR 0013).
 */
public final class KekStores {
    /** How long Onramp waits for a key store at start before it uses the file. */
    public static final Duration LOOKUP_TIMEOUT = Duration.ofSeconds(3);

    private static final Logger LOG = LoggerFactory.getLogger(KekStores.class);

    private KekStores() {}

    /**
     * The system property that, set to {@code file}, keeps the key in the key file: for computers without a
     * desktop, and for test runs that must not leave keys in the developer's own keyring.
     */
    public static final String CHOICE_PROPERTY = "onramp.keyStore";

    /** The key store for {@code dataDir} on this computer, asked for at most {@link #LOOKUP_TIMEOUT}. */
    public static KekStore forThisSystem(Path dataDir) {
        return choose(dataDir, () -> keyringOfThisSystem(dataDir));
    }

    /**
     * The operating system's key store that holds (or would hold) {@code dataDir}'s key, not asked anything yet;
     * throws {@link KeyringUnavailableException} when this system has none or the key file was asked for.
     */
    static SystemKeyring keyringOfThisSystem(Path dataDir) {
        if ("file".equals(System.getProperty(CHOICE_PROPERTY))) {
            throw KeyringUnavailableException.keyFileAskedFor(Text.of("store.keyring.keyFileAskedFor", CHOICE_PROPERTY));
        }
        return keyringFor(dataDir, System.getProperty("os.name", ""), System.getenv(), LOOKUP_TIMEOUT);
    }

    /**
     * The key store for {@code dataDir} on the system named {@code osName} with environment {@code env}: the
     * system's key store when it answers within {@code timeout}, else the key file with the reason.
     */
    static KekStore choose(Path dataDir, String osName, Map<String, String> env, Duration timeout) {
        return choose(dataDir, () -> keyringFor(dataDir, osName, env, timeout));
    }

    /** As above, with the system's key store from {@code keyringOfThisSystem}, which throws when there is none. */
    static KekStore choose(Path dataDir, Supplier<SystemKeyring> keyringOfThisSystem) {
        Path keys = dataDir.toAbsolutePath().resolve("keys");
        FileKekStore file = new FileKekStore(keys.resolve("onramp.kek"));
        Path mark = keys.resolve("onramp.kek.in-system-store");
        SystemKeyring keyring;
        try {
            keyring = keyringOfThisSystem.get();
            long start = System.nanoTime();
            keyring.probe();
            LOG.info("Key-encryption key: {} (it answered in {} ms)", keyring.description(),
                    (System.nanoTime() - start) / 1_000_000);
        } catch (KeyringUnavailableException e) {
            if (SystemKekStore.marked(mark) && !file.exists()) {
                // The key is in that store: a new key file would lock the saved secrets, so reopening must fail
                // with this reason instead.
                return new SystemKekStore(new Unreachable(e.text()), file, mark);
            }
            // For the log file only: the doctor says it to the person, and a key file made now says so once.
            LOG.info("Key-encryption key: in a file, not in the system's key store: {}", e.getMessage());
            return new FileKekStore(keys.resolve("onramp.kek"), e.text(), !e.keyFileAskedFor());
        }
        return new SystemKekStore(keyring, file, mark);
    }

    private static SystemKeyring keyringFor(Path dataDir, String osName, Map<String, String> env, Duration timeout) {
        String os = osName.toLowerCase(Locale.ROOT);
        if (os.startsWith("windows")) {
            return new DpapiKeyring(dataDir);
        }
        if (os.startsWith("mac")) {
            return new MacKeychain(Path.of(MacKeychain.TOOL), dataDir, timeout);
        }
        if (os.startsWith("linux") || os.contains("bsd")) {
            String bus = Optional.ofNullable(env.get("DBUS_SESSION_BUS_ADDRESS")).filter(a -> !a.isBlank())
                    .orElseThrow(() -> new KeyringUnavailableException(Text.of("store.keyring.noSessionBus")));
            return new SecretServiceKeyring(bus, dataDir, timeout);
        }
        throw new KeyringUnavailableException(Text.of("store.keyring.unknownSystem", osName));
    }

    /** Stands in for a key store that holds this folder's key but did not answer, and says why on every use. */
    private record Unreachable(Text reason) implements SystemKeyring {
        @Override
        public void probe() {
            throw new KeyringUnavailableException(reason);
        }

        @Override
        public Optional<byte[]> load() {
            throw new KeyringUnavailableException(reason);
        }

        @Override
        public void save(byte[] secret) {
            throw new KeyringUnavailableException(reason);
        }

        @Override
        public boolean delete() {
            throw new KeyringUnavailableException(reason);
        }

        @Override
        public Text described() {
            return Text.of("store.keyStore.system");
        }
    }
}
