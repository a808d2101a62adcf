package dev.onramp.ui.hub;

import dev.onramp.catalog.Catalog;
import dev.onramp.connect.ConnectService;
import dev.onramp.connect.TenantService;
import dev.onramp.model.Connection;
import dev.onramp.model.Tenant;
import dev.onramp.ui.common.Failures;
import dev.onramp.ui.connect.ConnectModel;
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
    private final Executor background;
    private final Executor fx;
    private final boolean demo;
    private final String airbyteDescription;

    private final ObservableList<Tenant> tenants = FXCollections.observableArrayList();
    private final ObservableList<Tenant> tenantsView = FXCollections.unmodifiableObservableList(tenants);
    private final ObjectProperty<Tenant> selectedTenant = new SimpleObjectProperty<>(this, "selectedTenant");
    private final ObservableList<TileModel> tiles = FXCollections.observableArrayList();
    private final ObservableList<TileModel> tilesView = FXCollections.unmodifiableObservableList(tiles);
    private final ReadOnlyBooleanWrapper loading = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyStringWrapper problem = new ReadOnlyStringWrapper("");
    private Subscription subscriptions = Subscription.EMPTY;

    public HubModel(
            Catalog catalog,
            TenantService tenantService,
            ConnectService connectService,
            Executor background,
            Executor fx,
            boolean demo,
            String airbyteDescription) {
        this.catalog = Objects.requireNonNull(catalog, "catalog");
        this.tenantService = Objects.requireNonNull(tenantService, "tenantService");
        this.connectService = Objects.requireNonNull(connectService, "connectService");
        this.background = Objects.requireNonNull(background, "background");
        this.fx = Objects.requireNonNull(fx, "fx");
        this.demo = demo;
        this.airbyteDescription = Objects.requireNonNull(airbyteDescription, "airbyteDescription");
    }

    /** Shows the catalog at once and loads the businesses in the background. */
    public void activate() {
        tiles.setAll(catalog.providers().stream().map(TileModel::unranked).toList());
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
        tiles.setAll(catalog.recommend(tenant.businessTypeId()).stream().map(TileModel::of).toList());
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
        ConnectModel model = new ConnectModel(
                tile.name(),
                listener -> connectService.connect(tenant.id(), tile.provider().id(), listener),
                tile::showConnected,
                background,
                fx);
        model.start();
        return model;
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

    public boolean demo() {
        return demo;
    }

    /** The demo banner's text; empty outside demo mode. */
    public String demoBanner() {
        return demo ? DEMO_BANNER : "";
    }

    public String airbyteDescription() {
        return airbyteDescription;
    }
}
