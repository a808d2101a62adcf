package dev.onramp.ui.hub;

import dev.onramp.catalog.Recommendation;
import dev.onramp.model.Connection;
import dev.onramp.model.ConnectionStatus;
import dev.onramp.model.Provider;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

/** One provider tile of the hub: what it shows about the provider and the business's connection to it. */
public final class TileModel {
    static final String CREDENTIALS_NOTE = "Connects with API credentials you type in";
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMM uuuu", Locale.ENGLISH);

    private final Provider provider;
    private final boolean recommended;
    private final String reason;
    private final List<String> alternatives;

    private Optional<Connection> connection = Optional.empty();
    /** The provider's disconnected connections, newest first; shown only while {@link #showDisconnected} is on. */
    private List<Connection> disconnected = List.of();
    private boolean showingDisconnected;
    private final ReadOnlyBooleanWrapper disconnectable = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyStringWrapper disconnectedNote = new ReadOnlyStringWrapper("");
    private final BooleanBinding showsDisconnectRow = disconnectable.or(disconnectedNote.isNotEmpty());
    private final ReadOnlyBooleanWrapper checking = new ReadOnlyBooleanWrapper(true);
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper("Checking…");
    private final ReadOnlyBooleanWrapper connectable = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyBooleanWrapper connected = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyBooleanWrapper reconnectable = new ReadOnlyBooleanWrapper(false);
    // Held here: a binding only its own listeners refer to would be collected and fall silent.
    private final BooleanBinding offersConnect = connectable.and(reconnectable.not());
    private final BooleanBinding offersReconnect = reconnectable.and(connected.not());

    /**
     * @param alternatives for a provider that signs in through Airbyte's OAuth, the credentials a
     *     person may type instead (e.g. "API Password"); empty otherwise
     */
    TileModel(Provider provider, boolean recommended, String reason, List<String> alternatives) {
        this.provider = provider;
        this.recommended = recommended;
        this.reason = reason;
        this.alternatives = List.copyOf(alternatives);
    }

    static TileModel of(Recommendation recommendation, List<String> alternatives) {
        return new TileModel(recommendation.provider(), recommendation.recommended(), recommendation.reason(),
                alternatives);
    }

    /** A tile shown before the business is known, so without a recommendation. */
    static TileModel unranked(Provider provider, List<String> alternatives) {
        return new TileModel(provider, false, "", alternatives);
    }

    /**
     * Shows the business's connection to this provider, picked from all its connections; disconnected
     * ones are not it, and show only while {@link #showDisconnected} is on.
     */
    void showConnections(List<Connection> connections) {
        connection = connections.stream()
                .filter(c -> c.providerId().equals(provider.id()) && !c.disconnected())
                .min(Comparator.comparing((Connection c) -> c.status() != ConnectionStatus.ACTIVE));
        disconnected = connections.stream()
                .filter(c -> c.providerId().equals(provider.id()) && c.disconnected())
                .sorted(Comparator.comparing((Connection c) -> c.disconnectedAt().orElse(Instant.EPOCH)).reversed())
                .toList();
        checking.set(false);
        refresh();
    }

    void showConnected(Connection created) {
        showConnections(List.of(created));
    }

    /** Shows the provider alone when no business could be loaded: nothing to check, nothing to connect for. */
    void showWithoutBusiness() {
        connection = Optional.empty();
        checking.set(false);
        connected.set(false);
        connectable.set(false);
        reconnectable.set(false);
        status.set("");
    }

    /** Shows that the connections could not be checked; connecting stays possible. */
    void showUnknown() {
        connection = Optional.empty();
        checking.set(false);
        refresh();
        status.set("Could not check the connection");
    }

    private void refresh() {
        boolean active = connection.map(c -> c.status() == ConnectionStatus.ACTIVE).orElse(false);
        connected.set(active);
        connectable.set(!checking.get() && !active);
        // A source Airbyte no longer has cannot sign in again: it is connected anew.
        reconnectable.set(provider.connectsByOAuth() && connection.filter(c -> c.status() != ConnectionStatus.DISCONNECTED
                && c.status() != ConnectionStatus.MISSING).isPresent());
        status.set(connection.map(TileModel::describe).orElse(""));
        disconnectable.set(connection.isPresent());
        showDisconnectedNote();
    }

    /** Shows or hides the provider's disconnected connections ("Show disconnected"). */
    void showDisconnected(boolean show) {
        showingDisconnected = show;
        showDisconnectedNote();
    }

    private void showDisconnectedNote() {
        if (!showingDisconnected || disconnected.isEmpty()) {
            disconnectedNote.set("");
            return;
        }
        Connection latest = disconnected.getFirst();
        String account = latest.accountLabel() == null || latest.accountLabel().isBlank()
                || latest.accountLabel().equalsIgnoreCase(provider.name()) ? "" : latest.accountLabel() + " · ";
        int earlier = disconnected.size() - 1;
        disconnectedNote.set(account + "Disconnected" + latest.disconnectedAt().map(at -> " on " + DAY.format(
                at.atZone(ZoneId.systemDefault()))).orElse("") + (earlier == 0 ? ""
                : " (and " + earlier + " earlier)"));
    }

    private static String describe(Connection c) {
        return switch (c.status()) {
            case ACTIVE -> "Connected · " + c.streamCount() + (c.streamCount() == 1 ? " stream" : " streams");
            case NEEDS_REAUTH -> "Needs to be connected again";
            case DISCONNECTED -> "Disconnected";
            case FAILED -> "Connection failed" + c.lastError().map(e -> ": " + e).orElse("");
            case MISSING -> "Missing in Airbyte: connect again";
        };
    }

    public Provider provider() {
        return provider;
    }

    public String name() {
        return provider.name();
    }

    public String category() {
        return provider.category();
    }

    public String summary() {
        return provider.summary();
    }

    public boolean recommended() {
        return recommended;
    }

    /** Why the provider is recommended; empty when it is not. */
    public String recommendedReason() {
        return recommended ? reason : "";
    }

    /** The note shown for providers that connect with typed credentials rather than a sign-in; empty otherwise. */
    public String credentialsNote() {
        return connectsWithForm() ? CREDENTIALS_NOTE : "";
    }

    /** True when Connect opens the credentials form rather than the provider's sign-in. */
    public boolean connectsWithForm() {
        return !provider.connectsByOAuth();
    }

    /**
     * The link that offers typed credentials instead of the sign-in, e.g. "Connect with API Password
     * instead"; empty when the provider has no such option.
     */
    public String alternativeLink() {
        return connectsWithForm() || alternatives.isEmpty() ? ""
                : "Connect with " + String.join(" or ", alternatives) + " instead";
    }

    /** The stream names of the active connection; empty when not connected. */
    public List<String> streams() {
        return connection.filter(c -> c.status() == ConnectionStatus.ACTIVE)
                .map(Connection::streams)
                .orElse(List.of());
    }

    public ReadOnlyBooleanProperty checkingProperty() {
        return checking.getReadOnlyProperty();
    }

    /** "Connected · 12 streams", a problem with the connection, or empty. */
    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }

    /** True when Connect applies: the business's connections are known and this provider is not connected yet. */
    public ReadOnlyBooleanProperty connectableProperty() {
        return connectable.getReadOnlyProperty();
    }

    /** The connection Reconnect signs in again; empty when there is none. */
    public Optional<Connection> connection() {
        return connection;
    }

    /**
     * True when Reconnect applies: the provider signs in through OAuth and the business has a
     * connection to it whose sign-in can be renewed (its tokens expired or were revoked).
     */
    public ReadOnlyBooleanProperty reconnectableProperty() {
        return reconnectable.getReadOnlyProperty();
    }

    /** True when the tile's own button is Connect: Connect applies and Reconnect does not. */
    public BooleanBinding offersConnectProperty() {
        return offersConnect;
    }

    /**
     * True when the tile's own button is Reconnect: the connection needs a new sign-in; a working one
     * offers Reconnect in its streams dialog instead.
     */
    public BooleanBinding offersReconnectProperty() {
        return offersReconnect;
    }

    public ReadOnlyBooleanProperty connectedProperty() {
        return connected.getReadOnlyProperty();
    }

    /** True when Disconnect… applies: the business has a connection to this provider, working or not. */
    public ReadOnlyBooleanProperty disconnectableProperty() {
        return disconnectable.getReadOnlyProperty();
    }

    /**
     * "acme@example.com · Disconnected on 7 Dec 2026" for the provider's latest disconnected
     * connection while "Show disconnected" is on; empty otherwise.
     */
    public ReadOnlyStringProperty disconnectedNoteProperty() {
        return disconnectedNote.getReadOnlyProperty();
    }

    /** True when the tile's row for Disconnect… and the disconnected note has something to show. */
    public BooleanBinding showsDisconnectRowProperty() {
        return showsDisconnectRow;
    }
}
