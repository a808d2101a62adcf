package dev.onramp.ui.hub;

import dev.onramp.connect.AlternativeWords;
import dev.onramp.catalog.Recommendation;
import dev.onramp.connect.ConnectionHealth;
import dev.onramp.model.AirbyteLocation;
import dev.onramp.model.Connection;
import javafx.collections.ObservableList;
import javafx.collections.FXCollections;
import dev.onramp.model.ConnectionId;
import dev.onramp.model.ConnectionStatus;
import dev.onramp.model.Provider;
import dev.onramp.ui.common.UiText;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;

/** One provider tile of the hub: what it shows about the provider and the business's connection to it. */
public final class TileModel {

    private final Provider provider;
    private final boolean recommended;
    private final String reason;
    private final List<String> alternatives;

    private List<Connection> connections = List.of();
    private Optional<Connection> connection = Optional.empty();
    /** The account a person picked among several; empty while none was. */
    private Optional<ConnectionId> chosenAccount = Optional.empty();
    private final ObservableList<String> accounts = FXCollections.observableArrayList();
    private final ObservableList<String> accountsView = FXCollections.unmodifiableObservableList(accounts);
    private final ReadOnlyBooleanWrapper severalAccounts = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyStringWrapper shownAccount = new ReadOnlyStringWrapper();
    /** Why the last check of the shown connection could not run; empty when it ran. */
    private Optional<String> checkProblem = Optional.empty();
    private final ReadOnlyBooleanWrapper rechecking = new ReadOnlyBooleanWrapper(false);
    /** How many checks of this tile's connections have not answered yet. */
    private int pendingChecks;
    private final ReadOnlyBooleanWrapper checkable = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyStringWrapper checked = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper checkedHint = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper showsChecked = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyStringWrapper statusDetail = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper problem = new ReadOnlyBooleanWrapper(false);
    private Instant now = Instant.now();
    /** The provider's disconnected connections, newest first; shown only while {@link #showDisconnected} is on. */
    private List<Connection> disconnected = List.of();
    private boolean showingDisconnected;
    private final ReadOnlyBooleanWrapper disconnectable = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyStringWrapper disconnectedNote = new ReadOnlyStringWrapper("");
    // The bindings below are made when a tile's view first asks (only tiles scrolled into view have one), and
    // held here: a binding only its own listeners refer to would be collected and fall silent.
    private BooleanBinding showsDisconnectRow;
    private final ReadOnlyBooleanWrapper checking = new ReadOnlyBooleanWrapper(true);
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper(checkingText());
    private final ReadOnlyBooleanWrapper connectable = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyBooleanWrapper connected = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyBooleanWrapper reconnectable = new ReadOnlyBooleanWrapper(false);
    private BooleanBinding offersConnect;
    private BooleanBinding offersReconnect;
    /** The business's connections whose credentials can be updated (typed in, with a source in Airbyte). */
    private final ObjectProperty<Set<ConnectionId>> updatable = new SimpleObjectProperty<>(Set.of());
    private BooleanBinding offersUpdate;

    /** What a tile says while its connection is being checked again; the start-up probe waits for none to say it. */
    public static String checkingText() {
        return UiText.get("ui.hub.tile.checking");
    }

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
    void showConnections(List<Connection> all) {
        connections = all.stream().filter(c -> c.providerId().equals(provider.id())).toList();
        List<Connection> live = connections.stream().filter(c -> !c.disconnected()).toList();
        // The account a person picked stays the tile's while it is there; else the best one is.
        connection = chosenAccount.flatMap(id -> live.stream().filter(c -> c.id().equals(id)).findFirst())
                .or(() -> live.stream().min(Comparator.comparing((Connection c) -> c.status() != ConnectionStatus.ACTIVE)));
        accounts.setAll(live.stream().map(Connection::accountLabel).toList());
        severalAccounts.set(live.size() > 1);
        shownAccount.set(connection.map(Connection::accountLabel).orElse(null));
        disconnected = connections.stream()
                .filter(Connection::disconnected)
                .sorted(Comparator.comparing((Connection c) -> c.disconnectedAt().orElse(Instant.EPOCH)).reversed())
                .toList();
        checkProblem = Optional.empty();
        checking.set(false);
        refresh();
    }

    void showConnected(Connection created) {
        List<Connection> others = connections.stream().filter(c -> !c.id().equals(created.id())).toList();
        showConnections(java.util.stream.Stream.concat(java.util.stream.Stream.of(created), others.stream()).toList());
    }

    /** Says that the tile's connections are being checked again, until each has its answer; false for a tile without one. */
    boolean startRechecking() {
        return startRechecking((int) connections.stream().filter(c -> c.status() != ConnectionStatus.DISCONNECTED).count());
    }

    /** Says that one of the tile's connections is being checked again (Check now); false for a tile without one. */
    boolean startRecheckingOne() {
        return startRechecking(connection.filter(c -> c.status() != ConnectionStatus.DISCONNECTED).isPresent() ? 1 : 0);
    }

    private boolean startRechecking(int checks) {
        pendingChecks = checks;
        rechecking.set(checks > 0);
        refresh();
        return checks > 0;
    }

    /** Shows what a check of one of this provider's connections found; a check of another provider is ignored. */
    void showHealth(ConnectionHealth health) {
        if (!health.connection().providerId().equals(provider.id())) {
            return;
        }
        Connection found = health.checked()
                ? new Connection(health.connection().id(), health.connection().tenantId(), health.connection().providerId(),
                        health.connection().sourceId(), health.connection().accountLabel(), health.status(),
                        health.connection().streams(), health.connection().createdAt(), Optional.of(health.checkedAt()),
                        health.error(), health.connection().airbyte())
                : health.connection();
        if (health.checkedAt().isAfter(now)) {
            now = health.checkedAt();
        }
        showConnected(found);
        checkProblem = health.checked() ? Optional.empty() : health.error();
        pendingChecks = Math.max(0, pendingChecks - 1);
        rechecking.set(pendingChecks > 0);
        refresh();
    }

    /** Ends a check of this tile that could not be run, with why. */
    void showCheckFailed(String why) {
        if (rechecking.get()) {
            checkProblem = Optional.of(why);
            pendingChecks = 0;
            rechecking.set(false);
            refresh();
        }
    }

    /** Brings "checked 2 min ago" up to {@code time}. */
    void showTimesAt(Instant time) {
        now = time;
        refreshChecked();
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
        status.set(UiText.get("ui.hub.tile.status.unknown"));
    }

    private void refresh() {
        Optional<Connection> live = connection.filter(c -> c.status() != ConnectionStatus.DISCONNECTED);
        boolean active = live.map(c -> c.status() == ConnectionStatus.ACTIVE).orElse(false);
        connected.set(active);
        connectable.set(!checking.get() && !active);
        // A source Airbyte no longer has, or one in another Airbyte, cannot sign in again here: it is connected anew.
        reconnectable.set(provider.connectsByOAuth() && live.filter(c -> c.status() != ConnectionStatus.MISSING
                && c.status() != ConnectionStatus.OTHER_AIRBYTE).isPresent());
        checkable.set(live.isPresent() && !rechecking.get());
        status.set(live.map(TileModel::describe).orElse(""));
        statusDetail.set(live.map(TileModel::explain).orElse(""));
        problem.set(live.isPresent() && !active);
        disconnectable.set(connection.isPresent());
        showDisconnectedNote();
        refreshChecked();
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
        disconnectedNote.set(account + latest.disconnectedAt()
                .map(at -> UiText.get("ui.hub.tile.disconnectedOnNote", earlier, at))
                .orElseGet(() -> UiText.get("ui.hub.tile.disconnectedNote", earlier)));
    }

    private void refreshChecked() {
        Optional<Connection> live = connection.filter(c -> c.status() != ConnectionStatus.DISCONNECTED);
        if (live.isEmpty()) {
            checked.set("");
            checkedHint.set("");
        } else if (rechecking.get()) {
            checked.set(checkingText());
            checkedHint.set("");
        } else if (checkProblem.isPresent()) {
            checked.set(live.get().lastChecked()
                    .map(at -> UiText.get("ui.hub.tile.checkFailedLastChecked", ago(at, now)))
                    .orElseGet(() -> UiText.get("ui.hub.tile.checkFailed")));
            checkedHint.set(checkProblem.get());
        } else {
            checked.set(live.get().lastChecked().map(at -> UiText.get("ui.hub.tile.checked", ago(at, now)))
                    .orElseGet(() -> UiText.get("ui.hub.tile.notChecked")));
            checkedHint.set(live.get().lastError().orElse(""));
        }
        showsChecked.set(!checked.get().isEmpty());
    }

    /**
     * "just now", "2 min ago", "3 h ago", "yesterday" or "on Dec 5, 2026", in the window's language (the date
     * as the language writes it, in this computer's time zone).
     */
    static String ago(Instant then, Instant now) {
        Duration since = Duration.between(then, now);
        if (since.toMinutes() < 1) {
            return UiText.get("ui.hub.ago.justNow");
        }
        if (since.toHours() < 1) {
            return UiText.get("ui.hub.ago.minutes", since.toMinutes());
        }
        if (since.toDays() < 1) {
            return UiText.get("ui.hub.ago.hours", since.toHours());
        }
        if (since.toDays() < 2) {
            return UiText.get("ui.hub.ago.yesterday");
        }
        return UiText.get("ui.hub.ago.on", then);
    }

    private static String describe(Connection c) {
        return switch (c.status()) {
            case ACTIVE -> UiText.get("ui.hub.tile.status.connected", c.streamCount());
            case NEEDS_REAUTH -> UiText.get("ui.hub.tile.status.needsReauth");
            case DISCONNECTED -> UiText.get("ui.hub.tile.status.disconnected");
            case FAILED -> UiText.get("ui.hub.tile.status.failed");
            case MISSING -> UiText.get("ui.hub.tile.status.missing");
            case OTHER_AIRBYTE -> UiText.get("ui.hub.tile.status.otherAirbyte");
        };
    }

    /** What a person does about a connection that is not connected, in a sentence; empty when it is. */
    private static String explain(Connection c) {
        return switch (c.status()) {
            case ACTIVE, DISCONNECTED -> "";
            case NEEDS_REAUTH -> UiText.get("ui.hub.tile.explain.needsReauth");
            case FAILED -> c.lastError().orElseGet(() -> UiText.get("ui.hub.tile.explain.failed"));
            case MISSING -> UiText.get("ui.hub.tile.explain.missing");
            case OTHER_AIRBYTE -> c.lastError().orElseGet(() -> c.airbyte().map(AirbyteLocation::describe)
                    .map(where -> UiText.get("ui.hub.tile.explain.otherAirbyte", where))
                    .orElseGet(() -> UiText.get("ui.hub.tile.explain.otherAirbyteUnknown")));
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
        return connectsWithForm() ? UiText.get("ui.hub.tile.credentialsNote") : "";
    }

    /** True when Connect opens the credentials form rather than the provider's sign-in. */
    public boolean connectsWithForm() {
        return !provider.connectsByOAuth();
    }

    /**
     * The link that offers typed credentials instead of the sign-in in plain words, e.g. "Use an API
     * password instead"; empty when the provider has no such option.
     */
    public String alternativeLink() {
        return connectsWithForm() ? "" : AlternativeWords.link(alternatives).map(UiText::render).orElse("");
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

    /** The labels of the business's live accounts of this provider, in the order shown. */
    public ObservableList<String> accounts() {
        return accountsView;
    }

    /** True when the business has more than one live account of this provider: the tile then offers a choice. */
    public ReadOnlyBooleanProperty severalAccountsProperty() {
        return severalAccounts.getReadOnlyProperty();
    }

    /** The label of the account the tile shows (and its buttons act on); null without one. */
    public ReadOnlyStringProperty shownAccountProperty() {
        return shownAccount.getReadOnlyProperty();
    }

    /** Shows the account labelled {@code label}, which the tile's buttons then act on; another label is ignored. */
    public void showAccount(String label) {
        connections.stream().filter(c -> !c.disconnected() && c.accountLabel().equals(label)).findFirst()
                .ifPresent(chosen -> {
                    chosenAccount = Optional.of(chosen.id());
                    showConnections(connections);
                });
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
        if (offersConnect == null) {
            offersConnect = connectable.and(reconnectable.not());
        }
        return offersConnect;
    }

    /**
     * True when the tile's own button is Reconnect: the connection needs a new sign-in; a working one
     * offers Reconnect in its streams dialog instead.
     */
    public BooleanBinding offersReconnectProperty() {
        if (offersReconnect == null) {
            offersReconnect = reconnectable.and(connected.not());
        }
        return offersReconnect;
    }

    /** True when Check now applies: the tile has a connection that is not being checked already. */
    public ReadOnlyBooleanProperty checkableProperty() {
        return checkable.getReadOnlyProperty();
    }

    /** "Checked 2 min ago", "Checking…", "Could not check", "Not checked yet", or empty without a connection. */
    public ReadOnlyStringProperty checkedProperty() {
        return checked.getReadOnlyProperty();
    }

    /** What to do about a connection that is not connected ("Airbyte no longer has this source: …"); empty otherwise. */
    public ReadOnlyStringProperty statusDetailProperty() {
        return statusDetail.getReadOnlyProperty();
    }

    /** True when the tile's connection is there but not connected (needs reconnecting, failing, missing …). */
    public ReadOnlyBooleanProperty problemProperty() {
        return problem.getReadOnlyProperty();
    }

    /** True when the tile has a connection, so says when it was checked and offers Check now. */
    public ReadOnlyBooleanProperty showsCheckedProperty() {
        return showsChecked.getReadOnlyProperty();
    }

    /** What the last check said beyond the status (Airbyte's reason, or why it could not run); empty when nothing. */
    public ReadOnlyStringProperty checkedHintProperty() {
        return checkedHint.getReadOnlyProperty();
    }

    /**
     * Shows which of the business's connections can take new credentials (those typed into the form;
     * a sign-in is renewed by Reconnect instead), as the credentials service found them.
     */
    void showUpdatable(Set<ConnectionId> connections) {
        updatable.set(Set.copyOf(connections));
    }

    /** Adds a connection just made or updated with typed credentials to those that can take new ones. */
    void addUpdatable(ConnectionId connection) {
        Set<ConnectionId> more = new HashSet<>(updatable.get());
        more.add(connection);
        updatable.set(Set.copyOf(more));
    }

    /**
     * True when "Update credentials…" applies: the tile's connection was made with typed credentials
     * and Airbyte still has its source.
     */
    public BooleanBinding offersUpdateProperty() {
        if (offersUpdate == null) {
            offersUpdate = Bindings.createBooleanBinding(() -> connection
                    .filter(c -> c.status() != ConnectionStatus.DISCONNECTED && c.status() != ConnectionStatus.MISSING)
                    .filter(c -> updatable.get().contains(c.id())).isPresent(), updatable, status, connected, checking);
        }
        return offersUpdate;
    }

    public ReadOnlyBooleanProperty connectedProperty() {
        return connected.getReadOnlyProperty();
    }

    /** True when Disconnect… applies: the business has a connection to this provider, working or not. */
    public ReadOnlyBooleanProperty disconnectableProperty() {
        return disconnectable.getReadOnlyProperty();
    }

    /**
     * "acme@example.com · Disconnected on Dec 7, 2026" for the provider's latest disconnected
     * connection while "Show disconnected" is on; empty otherwise.
     */
    public ReadOnlyStringProperty disconnectedNoteProperty() {
        return disconnectedNote.getReadOnlyProperty();
    }

    /** True when the tile's row for Disconnect… and the disconnected note has something to show. */
    public BooleanBinding showsDisconnectRowProperty() {
        if (showsDisconnectRow == null) {
            showsDisconnectRow = disconnectable.or(disconnectedNote.isNotEmpty());
        }
        return showsDisconnectRow;
    }
}
