package dev.onramp.store;

import dev.onramp.store.SecretServiceApi.Collection;
import dev.onramp.store.SecretServiceApi.CreatedItem;
import dev.onramp.store.SecretServiceApi.FoundItems;
import dev.onramp.store.SecretServiceApi.Item;
import dev.onramp.store.SecretServiceApi.Secret;
import dev.onramp.store.SecretServiceApi.Service;
import dev.onramp.store.SecretServiceApi.Session;
import dev.onramp.text.Text;
import java.io.IOException;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.freedesktop.dbus.DBusPath;
import org.freedesktop.dbus.connections.impl.DBusConnection;
import org.freedesktop.dbus.connections.impl.DBusConnectionBuilder;
import org.freedesktop.dbus.exceptions.DBusException;
import org.freedesktop.dbus.exceptions.DBusExecutionException;
import org.freedesktop.dbus.interfaces.Properties;
import org.freedesktop.dbus.types.Variant;

/**
 * The key in the Linux desktop's Secret Service (GNOME Keyring, KWallet, KeePassXC) on the session
 * D-Bus: one item in the default collection, labelled "Onramp key-encryption key" and found by
 * attributes naming Onramp and a hash of the data folder's path, so two folders never share a key.
 */
final class SecretServiceKeyring implements SystemKeyring {
    static final String LABEL = "Onramp key-encryption key";
    private static final Text STORE = Text.of("store.keyring.secretService.name");
    private static final String SCHEMA = "dev.onramp.KeyEncryptionKey";
    private static final String CONTENT_TYPE = "application/octet-stream";
    private static final int ONE_CONNECTION_ATTEMPT_MS = 500;

    private final String busAddress;
    private final Map<String, String> attributes;
    private final String label;
    private final Duration timeout;

    /**
     * @param busAddress the session bus, as in DBUS_SESSION_BUS_ADDRESS
     * @param dataDir    the data folder whose key this is
     * @param timeout    how long any one call may take before Onramp gives up on the bus
     */
    SecretServiceKeyring(String busAddress, java.nio.file.Path dataDir, Duration timeout) {
        this.busAddress = Objects.requireNonNull(busAddress, "busAddress");
        this.attributes = Map.of("xdg:schema", SCHEMA, "application", "onramp",
                "data-folder", DataFolderId.of(dataDir));
        this.label = LABEL + " (" + dataDir.toAbsolutePath().normalize() + ")";
        this.timeout = Objects.requireNonNull(timeout, "timeout");
    }

    @Override
    public void probe() {
        call(bus -> {
            defaultCollection(bus);
            return null;
        });
    }

    @Override
    public Optional<byte[]> load() {
        return call(bus -> {
            FoundItems found = service(bus).searchItems(attributes);
            if (!found.locked.isEmpty()) {
                throw locked();
            }
            if (found.unlocked.isEmpty()) {
                return Optional.<byte[]>empty();
            }
            DBusPath session = openSession(bus);
            try {
                Item item = bus.getRemoteObject(SecretServiceApi.BUS_NAME, found.unlocked.getFirst().getPath(), Item.class);
                return Optional.of(item.getSecret(session).value);
            } finally {
                closeSession(bus, session);
            }
        });
    }

    @Override
    public void save(byte[] secret) {
        call(bus -> {
            DBusPath collectionPath = defaultCollection(bus);
            DBusPath session = openSession(bus);
            try {
                Collection collection = bus.getRemoteObject(SecretServiceApi.BUS_NAME, collectionPath.getPath(),
                        Collection.class);
                Map<String, Variant<?>> properties = Map.of(
                        "org.freedesktop.Secret.Item.Label", new Variant<>(label),
                        "org.freedesktop.Secret.Item.Attributes", new Variant<>(attributes, "a{ss}"));
                CreatedItem created = collection.createItem(properties,
                        new Secret(session, new byte[0], secret, CONTENT_TYPE), true);
                if (!SecretServiceApi.NONE.equals(created.prompt.getPath())) {
                    throw locked();
                }
                return null;
            } finally {
                closeSession(bus, session);
            }
        });
    }

    @Override
    public boolean delete() {
        return call(bus -> {
            FoundItems found = service(bus).searchItems(attributes);
            if (!found.locked.isEmpty()) {
                throw locked();
            }
            for (DBusPath path : found.unlocked) {
                Item item = bus.getRemoteObject(SecretServiceApi.BUS_NAME, path.getPath(), Item.class);
                if (!SecretServiceApi.NONE.equals(item.delete().getPath())) {
                    // A prompt means a password dialog, which Onramp does not open.
                    throw locked();
                }
            }
            return !found.unlocked.isEmpty();
        });
    }

    @Override
    public Text described() {
        return Text.of("store.keyStore.secretService", label);
    }

    private Service service(DBusConnection bus) throws DBusException {
        return bus.getRemoteObject(SecretServiceApi.BUS_NAME, SecretServiceApi.SERVICE_PATH, Service.class);
    }

    /** The default collection, checked to be unlocked: unlocking needs a password dialog Onramp does not open. */
    private DBusPath defaultCollection(DBusConnection bus) throws DBusException {
        DBusPath collection = service(bus).readAlias("default");
        if (SecretServiceApi.NONE.equals(collection.getPath())) {
            throw new KeyringUnavailableException(Text.of("store.keyring.secretService.noDefault"));
        }
        Properties properties = bus.getRemoteObject(SecretServiceApi.BUS_NAME, collection.getPath(),
                Properties.class);
        Boolean isLocked = properties.Get(SecretServiceApi.COLLECTION, "Locked");
        if (Boolean.TRUE.equals(isLocked)) {
            throw locked();
        }
        return collection;
    }

    /** The "plain" algorithm: the secret crosses only this user's session bus, to a daemon of this user. */
    private DBusPath openSession(DBusConnection bus) throws DBusException {
        return service(bus).openSession("plain", new Variant<>("")).session;
    }

    private static void closeSession(DBusConnection bus, DBusPath session) throws DBusException {
        bus.getRemoteObject(SecretServiceApi.BUS_NAME, session.getPath(), Session.class).close();
    }

    private static KeyringUnavailableException locked() {
        return new KeyringUnavailableException(Text.of("store.keyring.secretService.locked"));
    }

    private <T> T call(BusWork<T> work) {
        return SystemKeyring.within(timeout, STORE, () -> {
            // dbus-java retries a refused connection every 500 ms for the transport's timeout: one try is
            // enough for a session bus, whose socket exists before any program of the session starts.
            try (DBusConnection bus = DBusConnectionBuilder.forAddress(busAddress).withShared(false)
                    .transportConfig().withTimeout(ONE_CONNECTION_ATTEMPT_MS).back().build()) {
                return work.on(bus);
            } catch (DBusException | DBusExecutionException | IOException e) {
                throw new KeyringUnavailableException(Text.of("store.keyring.secretService.noAnswer", busAddress,
                        String.valueOf(e.getMessage())), e);
            }
        });
    }

    /** One conversation with the Secret Service on an open bus connection. */
    @FunctionalInterface
    private interface BusWork<T> {
        T on(DBusConnection bus) throws DBusException;
    }
}
