package dev.onramp.store;

import java.util.List;
import java.util.Map;
import org.freedesktop.dbus.DBusPath;
import org.freedesktop.dbus.Struct;
import org.freedesktop.dbus.Tuple;
import org.freedesktop.dbus.annotations.DBusInterfaceName;
import org.freedesktop.dbus.annotations.DBusMemberName;
import org.freedesktop.dbus.annotations.Position;
import org.freedesktop.dbus.interfaces.DBusInterface;
import org.freedesktop.dbus.types.Variant;

/**
 * The part of the freedesktop.org Secret Service D-Bus API that Onramp calls, as dbus-java types; public
 * only because dbus-java builds these through reflection.
 */
public final class SecretServiceApi {
    static final String BUS_NAME = "org.freedesktop.secrets";
    static final String SERVICE_PATH = "/org/freedesktop/secrets";
    static final String COLLECTION = "org.freedesktop.Secret.Collection";
    /** The path the API answers with for "none", e.g. no prompt needed or no such alias. */
    static final String NONE = "/";

    private SecretServiceApi() {}

    /** org.freedesktop.Secret.Service. */
    @DBusInterfaceName("org.freedesktop.Secret.Service")
    public interface Service extends DBusInterface {
        @DBusMemberName("OpenSession")
        OpenedSession openSession(String algorithm, Variant<?> input);

        @DBusMemberName("SearchItems")
        FoundItems searchItems(Map<String, String> attributes);

        @DBusMemberName("ReadAlias")
        DBusPath readAlias(String name);
    }

    /** org.freedesktop.Secret.Collection. */
    @DBusInterfaceName("org.freedesktop.Secret.Collection")
    public interface Collection extends DBusInterface {
        @DBusMemberName("CreateItem")
        CreatedItem createItem(Map<String, Variant<?>> properties, Secret secret, boolean replace);
    }

    /** org.freedesktop.Secret.Item. */
    @DBusInterfaceName("org.freedesktop.Secret.Item")
    public interface Item extends DBusInterface {
        @DBusMemberName("GetSecret")
        Secret getSecret(DBusPath session);

        /** Deletes the item; answers a prompt to show, or "/" when none is needed (an unlocked keyring). */
        @DBusMemberName("Delete")
        DBusPath delete();
    }

    /** org.freedesktop.Secret.Session. */
    @DBusInterfaceName("org.freedesktop.Secret.Session")
    public interface Session extends DBusInterface {
        @DBusMemberName("Close")
        void close();
    }

    /** OpenSession's answer: the algorithm's output and the new session. */
    public static final class OpenedSession extends Tuple {
        @Position(0)
        public final Variant<?> output;
        @Position(1)
        public final DBusPath session;

        public OpenedSession(Variant<?> output, DBusPath session) {
            this.output = output;
            this.session = session;
        }
    }

    /** SearchItems' answer: the matching items that are unlocked, and those that are locked. */
    public static final class FoundItems extends Tuple {
        @Position(0)
        public final List<DBusPath> unlocked;
        @Position(1)
        public final List<DBusPath> locked;

        public FoundItems(List<DBusPath> unlocked, List<DBusPath> locked) {
            this.unlocked = unlocked;
            this.locked = locked;
        }
    }

    /** CreateItem's answer: the item, or "/" and a prompt when the collection must be unlocked first. */
    public static final class CreatedItem extends Tuple {
        @Position(0)
        public final DBusPath item;
        @Position(1)
        public final DBusPath prompt;

        public CreatedItem(DBusPath item, DBusPath prompt) {
            this.item = item;
            this.prompt = prompt;
        }
    }

    /** A secret as the API carries it: its session, the algorithm's parameters, the value and its type. */
    public static final class Secret extends Struct {
        @Position(0)
        public final DBusPath session;
        @Position(1)
        public final byte[] parameters;
        @Position(2)
        public final byte[] value;
        @Position(3)
        public final String contentType;

        public Secret(DBusPath session, byte[] parameters, byte[] value, String contentType) {
            this.session = session;
            this.parameters = parameters;
            this.value = value;
            this.contentType = contentType;
        }
    }
}
