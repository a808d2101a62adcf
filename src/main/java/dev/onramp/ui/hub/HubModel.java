package dev.onramp.ui.hub;

import dev.onramp.business.TenantService;
import dev.onramp.catalog.Catalog;
import dev.onramp.catalog.CatalogWords;
import dev.onramp.catalog.Recommendation;
import dev.onramp.connect.ProviderList;
import dev.onramp.model.Provider;
import dev.onramp.connect.AccountChoice;
import dev.onramp.connect.ConnectionHealth;
import dev.onramp.connect.DisconnectService;
import dev.onramp.model.Connection;
import dev.onramp.model.Tenant;
import dev.onramp.ui.common.Failures;
import dev.onramp.ui.common.UiText;
import dev.onramp.ui.common.UiServices;
import dev.onramp.ui.connect.ConnectModel;
import dev.onramp.ui.credentials.CredentialsModel;
import dev.onramp.ui.settings.ReadinessModel;
import dev.onramp.ui.settings.IdleResetSettingModel;
import dev.onramp.ui.settings.RedirectModel;
import dev.onramp.ui.settings.SettingsModel;
import dev.onramp.ui.summary.SummaryModel;
import dev.onramp.connect.summary.OnboardingSummaries;
import java.time.Clock;
import java.time.ZoneId;
import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.StringExpression;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import javafx.util.Subscription;

/**
 * The hub's state: the businesses, the chosen one, and a tile per provider in recommendation
 * order with the business's connections. The catalog is there at once, the services may arrive
 * later (while the store opens); they are called on their {@code background} executor, and every
 * state change happens on {@code fx}.
 */
public final class HubModel {
    private final StringProperty demoScenarioNote = new SimpleStringProperty(this, "demoScenarioNote", "");

    private final Catalog catalog;
    private final CompletionStage<UiServices> pending;
    private final Executor fx;
    private Optional<UiServices> services = Optional.empty();
    private boolean active;

    private final ObservableList<Tenant> tenants = FXCollections.observableArrayList();
    private final ObservableList<Tenant> tenantsView = FXCollections.unmodifiableObservableList(tenants);
    private final ObjectProperty<Tenant> selectedTenant = new SimpleObjectProperty<>(this, "selectedTenant");
    private final ObservableList<TileModel> tiles = FXCollections.observableArrayList();
    private final ObservableList<TileModel> tilesView = FXCollections.unmodifiableObservableList(tiles);
    private final ReadOnlyBooleanWrapper loading = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyBooleanWrapper opening = new ReadOnlyBooleanWrapper(true);
    private final ReadOnlyStringWrapper problem = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper problemPointsAtSettings = new ReadOnlyBooleanWrapper(false);
    private final Subscription problemWatch = problem.subscribe(text ->
            problemPointsAtSettings.set(Failures.pointsAtSettings(text)));
    private final ReadOnlyBooleanWrapper demo;
    private final ReadOnlyStringWrapper airbyteDescription;
    private Subscription subscriptions = Subscription.EMPTY;
    private final BooleanProperty showDisconnected = new SimpleBooleanProperty(this, "showDisconnected", false);
    /** Hears what the hub says to screen readers; the view's announcer once it is shown. */
    private Consumer<String> announcements = sentence -> { };
    /** What each OAuth provider takes instead of a sign-in (Shopify's API password), read once the services are there. */
    private Map<String, List<String>> alternatives = Map.of();
    /** The chosen business's connections as last loaded, for tiles made after they were shown. */
    private List<Connection> shownConnections = List.of();
    private final HubSections sections = new HubSections(tilesView,
            selectedTenant.map(Tenant::name).orElse(""));

    /** A hub whose services are there from the start. */
    public HubModel(UiServices services) {
        this(services.catalog(), CompletableFuture.completedFuture(services), services.fx(), services.demo(),
                services.airbyteDescription());
    }

    /**
     * A hub that shows the catalog while its services are still being built (the store opening);
     * until {@code services} completes it is {@linkplain #openingProperty() opening}.
     *
     * @param demo whether the app's default Airbyte is the simulator, shown until a business is chosen
     * @param airbyteDescription the app's default Airbyte, shown until a business is chosen
     */
    public HubModel(Catalog catalog, CompletionStage<UiServices> services, Executor fx, boolean demo,
            String airbyteDescription) {
        // Its summaries, business types and reasons in the window's language; a language switch builds a new hub.
        this.catalog = Objects.requireNonNull(catalog, "catalog").in(UiText.locale());
        this.pending = Objects.requireNonNull(services, "services");
        this.fx = Objects.requireNonNull(fx, "fx");
        this.demo = new ReadOnlyBooleanWrapper(demo);
        this.airbyteDescription = new ReadOnlyStringWrapper(Objects.requireNonNull(airbyteDescription, "airbyteDescription"));
        // Every tile, also one made later for another business, shows disconnected connections as the toggle says.
        showDisconnected.subscribe(show -> tiles.forEach(tile -> tile.showDisconnected(show)));
        tiles.addListener((ListChangeListener<TileModel>) change -> {
            while (change.next()) {
                change.getAddedSubList().forEach(tile -> tile.showDisconnected(showDisconnected.get()));
            }
        });
    }

    /** The hub's sections for the words searched and the category chosen. */
    public HubSections sections() {
        return sections;
    }

    /** The categories a person can filter by, in the catalog's order. */
    public List<String> categories() {
        return catalog.categories();
    }

    /** Where Airbyte documents its connectors, for a search that found nothing. */
    static final URI CONNECTOR_DOCS = URI.create("https://docs.airbyte.com/integrations");

    /** Opens Airbyte's connector docs in the browser, in the background; nothing before the services are there. */
    public void openConnectorDocs() {
        services.ifPresent(ready -> CompletableFuture.runAsync(() -> ready.connect().openLink(CONNECTOR_DOCS),
                ready.background()));
    }

    /** Shows the catalog at once, and loads the businesses once the services are there. */
    public void activate() {
        active = true;
        showUnranked();
        subscriptions = selectedTenant.subscribe(this::showTenant);
        loading.set(true);
        pending.whenCompleteAsync(this::onServices, fx);
    }

    public void deactivate() {
        active = false;
        subscriptions.unsubscribe();
        subscriptions = Subscription.EMPTY;
    }

    private void onServices(UiServices ready, Throwable failure) {
        if (!active) {
            return;
        }
        opening.set(false);
        if (failure != null) {
            loading.set(false);
            problem.set(UiText.get("ui.hub.problem.notOpened", Failures.message(failure)));
            tiles.forEach(TileModel::showWithoutBusiness);
            return;
        }
        services = Optional.of(ready);
        // What each OAuth provider takes instead of a sign-in is read from its specification, off the FX thread.
        CompletableFuture<Map<String, List<String>>> others = CompletableFuture.supplyAsync(
                () -> alternativesOfAll(ready), ready.background());
        CompletableFuture.supplyAsync(ready.tenants()::businessesToShow, ready.background())
                .whenCompleteAsync((loaded, notLoaded) -> others.whenCompleteAsync((read, unread) -> {
                    alternatives = read == null ? Map.of() : read;
                    showUnranked();
                    onTenants(loaded, notLoaded);
                }, fx), fx);
    }

    /** For every provider that signs in by OAuth, the credentials a person may type instead, where there are any. */
    private Map<String, List<String>> alternativesOfAll(UiServices ready) {
        Map<String, List<String>> read = new HashMap<>();
        for (Provider provider : catalog.providers()) {
            if (provider.connectsByOAuth()) {
                List<String> others = ready.credentials().alternativesToOAuth(provider.id());
                if (!others.isEmpty()) {
                    read.put(provider.id(), others);
                }
            }
        }
        return Map.copyOf(read);
    }

    /** The whole catalog in its own order; the options besides a sign-in are known once the services are. */
    private void showUnranked() {
        tiles.setAll(catalog.providers().stream()
                .map(provider -> TileModel.unranked(provider, alternatives.getOrDefault(provider.id(), List.of())))
                .toList());
    }

    private UiServices services() {
        if (services.isEmpty()) {
            throw new IllegalStateException("Onramp's data is not open yet");
        }
        return services.get();
    }

    /** The tile's connection; the action {@code offered} is offered only on a tile that has one. */
    private static Connection connectionOf(TileModel tile, String offered) {
        if (tile.connection().isEmpty()) {
            throw new IllegalStateException(offered + " is offered only on a tile with a connection");
        }
        return tile.connection().get();
    }

    /** Lists the businesses and shows the one the window showed last (else the first by name). */
    private void onTenants(TenantService.Businesses loaded, Throwable failure) {
        if (failure != null) {
            problem.set(UiText.get("ui.hub.problem.businessesNotLoaded", Failures.message(failure)));
        } else {
            tenants.setAll(loaded.all());
        }
        if (tenants.isEmpty()) {
            loading.set(false);
            tiles.forEach(TileModel::showWithoutBusiness);
        } else {
            selectedTenant.set(loaded == null ? tenants.getFirst() : loaded.first());
        }
    }

    private void showTenant(Tenant tenant) {
        if (tenant == null) {
            return;
        }
        problem.set("");
        UiServices ready = services();
        // Remembered so that the window reopens on it; a failure to note it costs only that.
        CompletableFuture.runAsync(() -> ready.tenants().markUsed(tenant.id()), ready.background())
                .exceptionally(notNoted -> null);
        shownConnections = List.of();
        tiles.setAll(tilesFor(tenant, ready.providerLists().shownFirst(tenant.id()).providers(), List.of()));
        showAirbyteOf(tenant);
        showUpdatable(tenant);
        loading.set(true);
        CompletableFuture.supplyAsync(() -> ready.connect().connections(tenant.id()), ready.background())
                .whenCompleteAsync((connections, failure) -> onConnections(tenant, connections, failure, true), fx);
        ready.providerLists().forBusiness(tenant.id()).whenCompleteAsync((list, failure) -> {
            if (failure == null) {
                showProviders(tenant, list);
            }
        }, fx);
    }

    /**
     * The providers the business's Airbyte offers, once its list is known: tiles of providers it lacks
     * go, those of connectors only it has come (shown with the business's connections), the others
     * stay as they are; a list that could not be had is said once.
     */
    private void showProviders(Tenant tenant, ProviderList list) {
        if (!tenant.equals(selectedTenant.get())) {
            return;
        }
        list.problem().filter(text -> problem.get().isEmpty()).ifPresent(problem::set);
        List<TileModel> next = tilesFor(tenant, list.providers(), tiles);
        if (next.equals(tiles)) {
            return;
        }
        List<TileModel> added = next.stream().filter(tile -> !tiles.contains(tile)).toList();
        tiles.setAll(next);
        added.forEach(tile -> tile.showConnections(shownConnections));
    }

    /**
     * A tile per provider of {@code providers}: the business's recommended ones first in rank order,
     * then the rest by name; a tile of {@code kept} for the same provider is kept as it is.
     */
    private List<TileModel> tilesFor(Tenant tenant, List<Provider> providers, List<TileModel> kept) {
        Map<String, TileModel> old = new HashMap<>();
        kept.forEach(tile -> old.put(tile.provider().id(), tile));
        Map<String, Provider> offered = new LinkedHashMap<>();
        providers.forEach(provider -> offered.put(provider.id(), provider));
        List<TileModel> made = new ArrayList<>();
        for (Recommendation r : catalog.recommend(tenant.businessTypeId())) {
            if (r.recommended() && offered.remove(r.provider().id()) != null) {
                made.add(old.computeIfAbsent(r.provider().id(),
                        id -> TileModel.of(r, alternatives.getOrDefault(id, List.of()))));
            }
        }
        Map<String, Recommendation> reasons = new HashMap<>();
        catalog.recommend(tenant.businessTypeId()).forEach(r -> reasons.put(r.provider().id(), r));
        offered.values().stream().sorted(Comparator.comparing(Provider::name, String.CASE_INSENSITIVE_ORDER)
                        .thenComparing(Provider::id))
                .forEach(provider -> made.add(old.computeIfAbsent(provider.id(), id -> Optional.ofNullable(reasons.get(id))
                        .map(r -> TileModel.of(r, alternatives.getOrDefault(id, List.of())))
                        .orElseGet(() -> TileModel.unranked(CatalogWords.of(catalog.locale()).said(provider), List.of())))));
        return made;
    }

    /** Shows the business's connections on the tiles and, when {@code check}, tests them again in its Airbyte. */
    private void onConnections(Tenant tenant, List<Connection> connections, Throwable failure, boolean check) {
        if (!tenant.equals(selectedTenant.get())) {
            return;
        }
        loading.set(false);
        if (failure != null) {
            problem.set(UiText.get("ui.hub.problem.connectionsNotLoaded", tenant.name(), Failures.message(failure)));
            tiles.forEach(TileModel::showUnknown);
        } else {
            shownConnections = List.copyOf(connections);
            tiles.forEach(tile -> tile.showConnections(connections));
            if (check) {
                checkAll(tenant);
            }
        }
    }

    /**
     * Tests the business's connections again in its Airbyte, in the background, once its hub is
     * shown; each tile hears of its own as soon as its check ends.
     */
    private void checkAll(Tenant tenant) {
        List<TileModel> checked = tiles.stream().filter(TileModel::startRechecking).toList();
        if (checked.isEmpty()) {
            return;
        }
        UiServices ready = services();
        CompletableFuture.supplyAsync(() -> ready.connect().checkConnections(tenant.id(),
                        health -> fx.execute(() -> showHealth(tenant, health))), ready.background())
                .whenCompleteAsync((results, failure) -> {
                    if (!tenant.equals(selectedTenant.get())) {
                        return;
                    }
                    // One sentence for the hub when the checks could not run (Airbyte down, refusing Onramp).
                    Optional<String> why = failure != null ? Optional.of(Failures.message(failure))
                            : results.stream().filter(health -> !health.checked()).flatMap(health -> health.error().stream())
                                    .findFirst();
                    if (failure != null) {
                        checked.forEach(tile -> tile.showCheckFailed(why.get()));
                    }
                    why.ifPresent(reason -> problem.set(UiText.get("ui.hub.problem.connectionsNotChecked",
                            tenant.name(), reason)));
                }, fx);
    }

    private void showHealth(Tenant tenant, ConnectionHealth health) {
        if (tenant.equals(selectedTenant.get())) {
            tiles.forEach(tile -> {
                boolean wasFine = !tile.problemProperty().get();
                tile.showHealth(health);
                if (wasFine && tile.problemProperty().get()) {
                    announcements.accept(UiText.get("ui.hub.announce.needsAttention", tile.name(),
                            tile.statusProperty().get()));
                }
            });
        }
    }

    /** Hands {@code announcer} each status change a screen reader should hear: a check that finds a tile needs attention. */
    void announceTo(Consumer<String> announcer) {
        announcements = Objects.requireNonNull(announcer, "announcer");
    }

    /** Check now: tests the tile's connection again in the business's Airbyte, in the background. */
    void checkNow(TileModel tile) {
        Tenant tenant = Objects.requireNonNull(selectedTenant.get(), "a business must be chosen before checking");
        Connection connection = connectionOf(tile, "checkNow");
        if (!tile.startRecheckingOne()) {
            return;
        }
        UiServices ready = services();
        CompletableFuture.supplyAsync(() -> ready.connect().checkConnection(tenant.id(), connection.id()),
                        ready.background())
                .whenCompleteAsync((health, failure) -> {
                    if (failure != null) {
                        tile.showCheckFailed(Failures.message(failure));
                    } else {
                        showHealth(tenant, health);
                    }
                }, fx);
    }

    /** Brings every tile's "checked 2 min ago" up to {@code now}; the view calls it every half minute. */
    public void showTimesAt(Instant now) {
        tiles.forEach(tile -> tile.showTimesAt(now));
    }

    /**
     * Starts what Connect on {@code tile} does: {@code dialogs} opens the credentials form when the
     * provider takes typed credentials, and the sign-in dialog when it signs in through OAuth.
     */
    void connect(TileModel tile, ConnectDialogs dialogs) {
        if (tile.connectsWithForm()) {
            dialogs.openCredentialsForm(credentials(tile), tile);
        } else {
            dialogs.openSignIn(signIn(tile), tile);
        }
    }

    /** A dialog model that connects the tile's provider for the chosen business and updates the tile. */
    private ConnectModel signIn(TileModel tile) {
        Tenant tenant = Objects.requireNonNull(selectedTenant.get(), "a business must be chosen before connecting");
        UiServices ready = services();
        String providerId = tile.provider().id();
        ConnectModel model = new ConnectModel(
                tile.name(),
                ready.connect().consentInputs(providerId, UiText.locale()),
                (inputs, listener) -> ready.connect().connect(tenant.id(), providerId, inputs, listener),
                tile::showConnected,
                ready.background(),
                fx).askingAboutDuplicates(
                        inputs -> ready.connect().alreadyConnected(tenant.id(), providerId, inputs),
                        (inputs, listener) -> ready.connect().connect(tenant.id(), providerId, inputs,
                                AccountChoice.DEFAULT.allowingDuplicate(), listener));
        model.start();
        return model;
    }

    /**
     * A dialog model that signs the tile's connection in again (same consent as connecting; the
     * source in Airbyte keeps its id) and updates the tile with its refreshed streams.
     */
    public ConnectModel reconnect(TileModel tile) {
        Tenant tenant = Objects.requireNonNull(selectedTenant.get(), "a business must be chosen before reconnecting");
        Connection connection = connectionOf(tile, "reconnect");
        UiServices ready = services();
        ConnectModel model = ConnectModel.reconnecting(
                tile.name(),
                listener -> ready.connect().reconnect(tenant.id(), connection.id(), listener),
                tile::showConnected,
                ready.background(),
                fx);
        model.start();
        return model;
    }

    /** Shows on each tile which connections can take new credentials, once the service found them in the background. */
    private void showUpdatable(Tenant tenant) {
        UiServices ready = services();
        CompletableFuture.supplyAsync(() -> ready.credentials().updatableConnections(tenant.id()), ready.background())
                .whenCompleteAsync((updatable, failure) -> {
                    if (failure == null && tenant.equals(selectedTenant.get())) {
                        tiles.forEach(tile -> tile.showUpdatable(updatable));
                    }
                }, fx);
    }

    /**
     * A form model that gives the tile's typed-credential connection new credentials (its form filled
     * with what the connection holds; the source in Airbyte keeps its id) and updates the tile.
     */
    public CredentialsModel updateCredentials(TileModel tile) {
        Tenant tenant = Objects.requireNonNull(selectedTenant.get(), "a business must be chosen before updating");
        Connection connection = connectionOf(tile, "updateCredentials");
        UiServices ready = services();
        // The form speaks the window's language of the moment the dialog opens, as its other words do.
        Locale language = UiText.locale();
        return CredentialsModel.updating(
                tile.name(),
                () -> ready.credentials().prepareUpdate(tenant.id(), connection.id(), language),
                (update, values, listener) -> ready.credentials().update(tenant.id(), update, values, listener),
                updated -> {
                    tile.showConnected(updated);
                    tile.addUpdatable(updated.id());
                },
                ready.background(),
                fx).openingLinksWith(ready.connect()::openLink);
    }

    /**
     * A dialog model that disconnects the tile's connection once confirmed: its source deleted in
     * Airbyte, or, when Airbyte cannot delete it, removed from Onramp only; then every tile shows the
     * business's connections as they are now.
     */
    public DisconnectModel disconnect(TileModel tile) {
        Tenant tenant = Objects.requireNonNull(selectedTenant.get(), "a business must be chosen before disconnecting");
        Connection connection = connectionOf(tile, "disconnect");
        UiServices ready = services();
        String account = DisconnectService.account(connection, tile.name());
        String question = account.isEmpty() ? UiText.get("ui.hub.disconnect.question", tile.name(), tenant.name())
                : UiText.get("ui.hub.disconnect.questionAccount", tile.name(), connection.accountLabel().strip(),
                        tenant.name());
        return new DisconnectModel(
                UiText.get("ui.hub.disconnect.title", tile.name()),
                question,
                (scope, listener) -> ready.disconnects().disconnect(tenant.id(), connection.id(), scope, listener),
                disconnected -> showConnectionsAgain(tenant),
                ready.background(),
                fx);
    }

    /**
     * Gives the tile's connection another account label in the background, then shows the
     * business's connections again; {@code refused} hears why when the label is not taken.
     */
    void rename(TileModel tile, String label, Consumer<String> refused) {
        Tenant tenant = Objects.requireNonNull(selectedTenant.get(), "a business must be chosen before renaming");
        Connection connection = connectionOf(tile, "rename");
        UiServices ready = services();
        CompletableFuture.supplyAsync(() -> ready.connect().rename(tenant.id(), connection.id(), label),
                        ready.background())
                .whenCompleteAsync((renamed, failure) -> {
                    if (failure != null) {
                        refused.accept(Failures.message(failure));
                    } else {
                        showConnectionsAgain(tenant);
                    }
                }, fx);
    }

    /** Reads the business's connections again and shows them on the tiles. */
    private void showConnectionsAgain(Tenant tenant) {
        UiServices ready = services();
        CompletableFuture.supplyAsync(() -> ready.connect().connections(tenant.id()), ready.background())
                .whenCompleteAsync((connections, failure) -> onConnections(tenant, connections, failure, false),
                        fx);
    }

    /** True while the tiles show the business's disconnected connections, greyed; the hub's toggle writes it. */
    public BooleanProperty showDisconnectedProperty() {
        return showDisconnected;
    }

    /** Shows which Airbyte the business uses, once the settings are read in the background. */
    private void showAirbyteOf(Tenant tenant) {
        UiServices ready = services();
        CompletableFuture.supplyAsync(() -> new AirbyteShown(UiText.render(ready.settings().describeText(tenant.id())),
                        ready.settings().demo(tenant.id())), ready.background())
                .whenCompleteAsync((shown, failure) -> {
                    if (failure == null && tenant.equals(selectedTenant.get())) {
                        airbyteDescription.set(shown.description());
                        demo.set(shown.demo());
                    }
                }, fx);
    }

    /**
     * A form model that connects the tile's provider with typed credentials for the chosen business
     * and updates the tile once connected.
     */
    public CredentialsModel credentials(TileModel tile) {
        Tenant tenant = Objects.requireNonNull(selectedTenant.get(), "a business must be chosen before connecting");
        UiServices ready = services();
        Locale language = UiText.locale();
        return new CredentialsModel(
                tile.name(),
                () -> ready.credentials().form(tenant.id(), tile.provider().id(), language),
                (form, values, listener) -> ready.credentials().connect(tenant.id(), tile.provider().id(), form, values,
                        listener),
                created -> {
                    tile.showConnected(created);
                    tile.addUpdatable(created.id());
                },
                ready.background(),
                fx).askingAboutDuplicates(
                        (form, values) -> ready.credentials().alreadyConnected(tenant.id(), tile.provider().id(), form,
                                values),
                        (form, values, listener) -> ready.credentials().connect(tenant.id(), tile.provider().id(), form,
                                values, AccountChoice.DEFAULT.allowingDuplicate(), listener))
                .openingLinksWith(ready.connect()::openLink);
    }

    /**
     * The Settings screen's model for the chosen business; saving shows the business's new Airbyte
     * and checks its connections there.
     */
    public SettingsModel settings() {
        Tenant tenant = Objects.requireNonNull(selectedTenant.get(), "a business must be chosen to change its settings");
        UiServices ready = services();
        // Saved settings may name another Airbyte: the hub is shown again, its connections checked there.
        return new SettingsModel(tenant.id(), tenant.name(), ready.settings(), () -> {
            if (tenant.equals(selectedTenant.get())) {
                showTenant(tenant);
            }
        }, ready.background(), fx);
    }

    /** The sign-in redirect of the chosen business, with the URIs an operator registers. */
    public RedirectModel redirect() {
        Tenant tenant = Objects.requireNonNull(selectedTenant.get(), "a business must be chosen to show its redirect");
        UiServices ready = services();
        return new RedirectModel(tenant.id(), tenant.name(), ready.redirects(), ready.background(), fx);
    }

    /** The model of the OAuth sign-in check of the chosen business: which sign-ins its saved Airbyte can start. */
    public ReadinessModel readiness() {
        Tenant tenant = Objects.requireNonNull(selectedTenant.get(), "a business must be chosen to check its sign-ins");
        UiServices ready = services();
        return new ReadinessModel(tenant.id(), tenant.name(), ready.connect(), ready.background(), fx);
    }

    /** A dialog model for a new business; once created, the business is listed and chosen. */
    public NewBusinessModel newBusiness() {
        UiServices ready = services();
        return new NewBusinessModel(catalog.businessTypes(), ready.tenants(), this::addTenant, ready.background(), fx);
    }

    /** A dialog model to rename the chosen business or change its type; the hub follows the change. */
    public BusinessEditModel editBusiness() {
        Tenant tenant = Objects.requireNonNull(selectedTenant.get(), "a business must be chosen to edit it");
        UiServices ready = services();
        return new BusinessEditModel(tenant, catalog, ready.tenants(), this::replaceTenant, ready.background(), fx);
    }

    /** A dialog model to delete the chosen business; once deleted, the hub shows the one used last of the others. */
    public DeleteBusinessModel deleteBusiness() {
        Tenant tenant = Objects.requireNonNull(selectedTenant.get(), "a business must be chosen to delete it");
        UiServices ready = services();
        return new DeleteBusinessModel(tenant, ready.connect(), ready.businessRemoval(), this::removeTenant,
                ready.background(), fx);
    }

    /** The business's kind of business, in words, e.g. "Online store"; empty while none is chosen. */
    public String businessTypeName(Tenant tenant) {
        return tenant == null ? "" : catalog.businessType(tenant.businessTypeId()).map(type -> type.name())
                .orElse(tenant.businessTypeId());
    }

    private void replaceTenant(Tenant changed) {
        tenants.replaceAll(tenant -> tenant.id().equals(changed.id()) ? changed : tenant);
        tenants.sort(Comparator.comparing(Tenant::name, String.CASE_INSENSITIVE_ORDER));
        selectedTenant.set(changed);
    }

    private void removeTenant(Tenant deleted) {
        UiServices ready = services();
        CompletableFuture.supplyAsync(ready.tenants()::businessesToShow, ready.background())
                .whenCompleteAsync((loaded, failure) -> {
                    if (failure != null) {
                        tenants.removeIf(tenant -> tenant.id().equals(deleted.id()));
                        onTenants(null, failure);
                        return;
                    }
                    // The chooser moves off the deleted business before it leaves the list.
                    selectedTenant.set(loaded.first());
                    tenants.setAll(loaded.all());
                }, fx);
    }

    private void addTenant(Tenant tenant) {
        tenants.add(tenant);
        tenants.sort(Comparator.comparing(Tenant::name, String.CASE_INSENSITIVE_ORDER));
        selectedTenant.set(tenant);
    }

    /**
     * Reads the businesses again and shows the one to show first, e.g. after a demo reset replaced them all;
     * nothing before the services are there.
     */
    public void reloadBusinesses() {
        services.ifPresent(ready -> {
            loading.set(true);
            CompletableFuture.supplyAsync(ready.tenants()::businessesToShow, ready.background())
                    .whenCompleteAsync(this::onTenants, fx);
        });
    }

    /**
     * The Settings section for the idle reset of the demo, while the app's default Airbyte is the built-in
     * simulator; empty otherwise.
     */
    public Optional<IdleResetSettingModel> idleResetSetting() {
        return services.filter(UiServices::demo).flatMap(UiServices::demoReset)
                .map(reset -> new IdleResetSettingModel(reset.idleReset(), services().background(), fx));
    }

    /** The businesses by name; empty until they are loaded. */
    public ObservableList<Tenant> tenants() {
        return tenantsView;
    }

    /** The business whose hub is shown; the chooser writes it. */
    public ObjectProperty<Tenant> selectedTenantProperty() {
        return selectedTenant;
    }

    /** The tiles in hub order: recommended first. */
    public ObservableList<TileModel> tiles() {
        return tilesView;
    }

    /** True until the services are there, i.e. while the store opens; what needs them waits. */
    public ReadOnlyBooleanProperty openingProperty() {
        return opening.getReadOnlyProperty();
    }

    /** What the hub says while it is {@linkplain #openingProperty() opening}. */
    public String openingText() {
        return UiText.get("ui.hub.opening");
    }

    /** True while the store opens or businesses or connections are loading. */
    public ReadOnlyBooleanProperty loadingProperty() {
        return loading.getReadOnlyProperty();
    }

    /** True when {@link #problemProperty()} says Onramp could not reach Airbyte: the hub then offers Open Settings. */
    public ReadOnlyBooleanProperty problemPointsAtSettingsProperty() {
        return problemPointsAtSettings.getReadOnlyProperty();
    }

    /** What went wrong loading, as a sentence; empty when all is well. */
    public ReadOnlyStringProperty problemProperty() {
        return problem.getReadOnlyProperty();
    }

    /** True when the chosen business's connections go to the built-in simulator. */
    public ReadOnlyBooleanProperty demoProperty() {
        return demo.getReadOnlyProperty();
    }

    /** The demo banner's text, shown while {@link #demoProperty()} holds. */
    public String demoBanner() {
        return UiText.get("ui.hub.demoBanner");
    }

    /** What the demo banner adds: which simulator scenarios are on ("Demo scenario on: Airbyte is slow"); empty for none. */
    public StringProperty demoScenarioNoteProperty() {
        return demoScenarioNote;
    }

    /** The demo banner's text: {@link #demoBanner()}, then the scenarios that are on, if any. */
    public StringExpression demoBannerText() {
        String banner = demoBanner();
        return Bindings.createStringBinding(() -> demoScenarioNote.get().isBlank() ? banner
                : banner + " · " + demoScenarioNote.get(), demoScenarioNote);
    }

    /** Which Airbyte the chosen business uses, e.g. "Demo: the built-in Airbyte simulator". */
    public ReadOnlyStringProperty airbyteDescriptionProperty() {
        return airbyteDescription.getReadOnlyProperty();
    }

    /** What the header shows of a business's Airbyte. */
    private record AirbyteShown(String description, boolean demo) {}

    /** The chosen business's onboarding progress, read live from the tiles. */
    private final OnboardingProgress progress = new OnboardingProgress(tilesView);

    /** How far the chosen business is: its recommended providers as a checklist, and "3 of 5 … connected". */
    public OnboardingProgress progress() {
        return progress;
    }

    /** The Summary dialog's model for the chosen business; it builds the summary on the background executor. */
    public SummaryModel summary() {
        Tenant tenant = Objects.requireNonNull(selectedTenant.get(), "a business must be chosen before its summary");
        UiServices ready = services();
        OnboardingSummaries summaries = new OnboardingSummaries(ready.catalog(), ready.connect(), ready.settings(),
                ready.providerLists(), Clock.systemUTC());
        return new SummaryModel(tenant.name(), () -> summaries.build(tenant), ready.background(), fx,
                ZoneId.systemDefault());
    }
}
