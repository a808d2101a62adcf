package dev.onramp.ui.hub;

import dev.onramp.catalog.Catalog;
import dev.onramp.connect.ConnectService;
import dev.onramp.connect.CredentialsService;
import dev.onramp.connect.SettingsService;
import dev.onramp.connect.TenantService;
import dev.onramp.model.Connection;
import dev.onramp.model.Tenant;
import dev.onramp.ui.common.Failures;
import dev.onramp.ui.connect.ConnectModel;
import dev.onramp.ui.credentials.CredentialsModel;
import dev.onramp.ui.settings.SettingsModel;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.util.Subscription;

/**
 * The hub's state: the businesses, the chosen one, and a tile per provider in recommendation
 * order with the business's connections. Services are called on {@code background}; every state
 * change happens on {@code fx}.
 */
public final class HubModel {
    static final String DEMO_BANNER =
            "Demo mode — connections go to the built-in Airbyte simulator; nothing leaves this computer";

    private final Catalog catalog;
    private final TenantService tenantService;
    private final ConnectService connectService;
    private final CredentialsService credentialsService;
    private final SettingsService settingsService;
    private final Executor background;
    private final Executor fx;

    private final ObservableList<Tenant> tenants = FXCollections.observableArrayList();
    private final ObservableList<Tenant> tenantsView = FXCollections.unmodifiableObservableList(tenants);
    private final ObjectProperty<Tenant> selectedTenant = new SimpleObjectProperty<>(this, "selectedTenant");
    private final ObservableList<TileModel> tiles = FXCollections.observableArrayList();
    private final ObservableList<TileModel> tilesView = FXCollections.unmodifiableObservableList(tiles);
    private final ReadOnlyBooleanWrapper loading = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyStringWrapper problem = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper demo;
    private final ReadOnlyStringWrapper airbyteDescription;
    private Subscription subscriptions = Subscription.EMPTY;

    /**
     * @param demo whether the app's default Airbyte is the simulator, shown until a business is chosen
     * @param airbyteDescription the app's default Airbyte, shown until a business is chosen
     */
    public HubModel(
            Catalog catalog,
            TenantService tenantService,
            ConnectService connectService,
            CredentialsService credentialsService,
            SettingsService settingsService,
            Executor background,
            Executor fx,
            boolean demo,
            String airbyteDescription) {
        this.catalog = Objects.requireNonNull(catalog, "catalog");
        this.tenantService = Objects.requireNonNull(tenantService, "tenantService");
        this.connectService = Objects.requireNonNull(connectService, "connectService");
        this.credentialsService = Objects.requireNonNull(credentialsService, "credentialsService");
        this.settingsService = Objects.requireNonNull(settingsService, "settingsService");
        this.background = Objects.requireNonNull(background, "background");
        this.fx = Objects.requireNonNull(fx, "fx");
        this.demo = new ReadOnlyBooleanWrapper(demo);
        this.airbyteDescription = new ReadOnlyStringWrapper(Objects.requireNonNull(airbyteDescription, "airbyteDescription"));
    }

    /** Shows the catalog at once and loads the businesses in the background. */
    public void activate() {
        tiles.setAll(catalog.providers().stream()
                .map(provider -> TileModel.unranked(provider, credentialsService.alternativesToOAuth(provider.id())))
                .toList());
        subscriptions = selectedTenant.subscribe(this::showTenant);
        loading.set(true);
        CompletableFuture.supplyAsync(tenantService::tenantsCreatingDemoIfNone, background)
                .whenCompleteAsync(this::onTenants, fx);
    }

    public void deactivate() {
        subscriptions.unsubscribe();
        subscriptions = Subscription.EMPTY;
    }

    private void onTenants(List<Tenant> loaded, Throwable failure) {
        if (failure != null) {
            problem.set("Onramp could not load the businesses: " + Failures.message(failure));
        } else {
            tenants.setAll(loaded);
        }
        if (tenants.isEmpty()) {
            loading.set(false);
            tiles.forEach(TileModel::showWithoutBusiness);
        } else {
            selectedTenant.set(tenants.getFirst());
        }
    }

    private void showTenant(Tenant tenant) {
        if (tenant == null) {
            return;
        }
        problem.set("");
        tiles.setAll(catalog.recommend(tenant.businessTypeId()).stream()
                .map(r -> TileModel.of(r, credentialsService.alternativesToOAuth(r.provider().id())))
                .toList());
        showAirbyteOf(tenant);
        loading.set(true);
        CompletableFuture.supplyAsync(() -> connectService.connections(tenant.id()), background)
                .whenCompleteAsync((connections, failure) -> onConnections(tenant, connections, failure), fx);
    }

    private void onConnections(Tenant tenant, List<Connection> connections, Throwable failure) {
        if (!tenant.equals(selectedTenant.get())) {
            return;
        }
        loading.set(false);
        if (failure != null) {
            problem.set("Onramp could not load the connections of " + tenant.name() + ": " + Failures.message(failure));
            tiles.forEach(TileModel::showUnknown);
        } else {
            tiles.forEach(tile -> tile.showConnections(connections));
        }
    }

    /** A dialog model that connects the tile's provider for the chosen business and updates the tile. */
    public ConnectModel connect(TileModel tile) {
        Tenant tenant = Objects.requireNonNull(selectedTenant.get(), "a business must be chosen before connecting");
        String providerId = tile.provider().id();
        ConnectModel model = new ConnectModel(
                tile.name(),
                connectService.consentInputs(providerId),
                (inputs, listener) -> connectService.connect(tenant.id(), providerId, inputs, listener),
                tile::showConnected,
                background,
                fx);
        model.start();
        return model;
    }

    /**
     * A dialog model that signs the tile's connection in again (same consent as connecting; the
     * source in Airbyte keeps its id) and updates the tile with its refreshed streams.
     */
    public ConnectModel reconnect(TileModel tile) {
        Tenant tenant = Objects.requireNonNull(selectedTenant.get(), "a business must be chosen before reconnecting");
        Connection connection = tile.connection().orElseThrow(() -> new IllegalStateException(
                "Reconnect is offered only on a tile with a connection"));
        ConnectModel model = ConnectModel.reconnecting(
                tile.name(),
                listener -> connectService.reconnect(tenant.id(), connection.id(), listener),
                tile::showConnected,
                background,
                fx);
        model.start();
        return model;
    }

    /** Shows which Airbyte the business uses, once the settings are read in the background. */
    private void showAirbyteOf(Tenant tenant) {
        CompletableFuture.supplyAsync(() -> new AirbyteShown(settingsService.describe(tenant.id()),
                        settingsService.demo(tenant.id())), background)
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
        return new CredentialsModel(
                tile.name(),
                () -> credentialsService.form(tenant.id(), tile.provider().id()),
                (form, values, listener) -> credentialsService.connect(tenant.id(), tile.provider().id(), form, values,
                        listener),
                tile::showConnected,
                background,
                fx);
    }

    /** The Settings screen's model for the chosen business; saving shows the business's new Airbyte. */
    public SettingsModel settings() {
        Tenant tenant = Objects.requireNonNull(selectedTenant.get(), "a business must be chosen to change its settings");
        return new SettingsModel(tenant.id(), tenant.name(), settingsService, () -> showAirbyteOf(tenant), background, fx);
    }

    /** A dialog model for a new business; once created, the business is listed and chosen. */
    public NewBusinessModel newBusiness() {
        return new NewBusinessModel(catalog.businessTypes(), tenantService, this::addTenant, background, fx);
    }

    private void addTenant(Tenant tenant) {
        tenants.add(tenant);
        tenants.sort(Comparator.comparing(Tenant::name, String.CASE_INSENSITIVE_ORDER));
        selectedTenant.set(tenant);
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

    /** True while businesses or connections are loading. */
    public ReadOnlyBooleanProperty loadingProperty() {
        return loading.getReadOnlyProperty();
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
        return DEMO_BANNER;
    }

    /** Which Airbyte the chosen business uses, e.g. "Demo: the built-in Airbyte simulator". */
    public ReadOnlyStringProperty airbyteDescriptionProperty() {
        return airbyteDescription.getReadOnlyProperty();
    }

    /** What the header shows of a business's Airbyte. */
    private record AirbyteShown(String description, boolean demo) {}
}
