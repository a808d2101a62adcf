package dev.onramp.ui.hub;

import dev.onramp.business.TenantService;
import dev.onramp.catalog.Catalog;
import dev.onramp.catalog.CatalogWords;
import dev.onramp.catalog.Recommendation;
import dev.onramp.model.BusinessType;
import dev.onramp.model.Tenant;
import dev.onramp.ui.common.Failures;
import dev.onramp.ui.common.UiText;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * The state of the "Rename business" and "Change business type" dialogs: the name or type entered, the
 * recommendations the type brings, and the tenant service's answer, its refusal shown in place.
 */
public final class BusinessEditModel {
    private final Tenant tenant;
    private final Catalog catalog;
    private final TenantService tenants;
    private final Consumer<Tenant> onChanged;
    private final Executor background;
    private final Executor fx;

    private final StringProperty name = new SimpleStringProperty(this, "name");
    private final ObjectProperty<BusinessType> type = new SimpleObjectProperty<>(this, "type");
    private final ReadOnlyStringWrapper recommendations = new ReadOnlyStringWrapper(this, "recommendations", "");
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper(this, "error", "");
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(this, "busy", false);
    private final ReadOnlyObjectWrapper<Optional<Tenant>> changed =
            new ReadOnlyObjectWrapper<>(this, "changed", Optional.empty());

    BusinessEditModel(Tenant tenant, Catalog catalog, TenantService tenants, Consumer<Tenant> onChanged,
            Executor background, Executor fx) {
        this.tenant = tenant;
        this.catalog = catalog;
        this.tenants = tenants;
        this.onChanged = onChanged;
        this.background = background;
        this.fx = fx;
        name.set(tenant.name());
        type.subscribe(chosen -> recommendations.set(chosen == null ? "" : recommendationsOf(chosen)));
        type.set(catalog.businessType(tenant.businessTypeId()).orElse(null));
    }

    /** The business being edited, as it was when the dialog opened. */
    public Tenant tenant() {
        return tenant;
    }

    public List<BusinessType> businessTypes() {
        return catalog.businessTypes();
    }

    /** Gives the business the name entered; a refusal shows as {@link #errorProperty()}, the dialog stays. */
    public void rename() {
        String entered = name.get();
        run(() -> tenants.rename(tenant.id(), entered));
    }

    /** Gives the business the type chosen; its recommendations follow on the hub. */
    public void retype() {
        BusinessType chosen = type.get();
        if (chosen == null) {
            error.set(UiText.get("ui.hub.businessEdit.chooseKind", tenant.name()));
            return;
        }
        run(() -> tenants.retype(tenant.id(), chosen.id()));
    }

    private void run(Supplier<Tenant> change) {
        error.set("");
        busy.set(true);
        CompletableFuture.supplyAsync(change, background).whenCompleteAsync((done, failure) -> {
            busy.set(false);
            if (failure != null) {
                error.set(Failures.message(failure));
                return;
            }
            // The hub shows the change before the dialog closes.
            onChanged.accept(done);
            changed.set(Optional.of(done));
        }, fx);
    }

    /** The recommended providers of {@code chosen} with their reasons, one per line. */
    private String recommendationsOf(BusinessType chosen) {
        List<Recommendation> recommended = catalog.recommend(chosen.id()).stream().filter(Recommendation::recommended)
                .toList();
        if (recommended.isEmpty()) {
            return UiText.get("ui.hub.businessEdit.noRecommendations");
        }
        return UiText.get("ui.hub.businessEdit.recommendedFor", CatalogWords.of(catalog.locale()).inSentence(chosen))
                + "\n" + recommended.stream()
                .map(r -> "• " + r.provider().name() + " — " + r.reason()).collect(Collectors.joining("\n"));
    }

    public StringProperty nameProperty() {
        return name;
    }

    /** The kind of business chosen; the business's own until the person picks another. */
    public ObjectProperty<BusinessType> typeProperty() {
        return type;
    }

    /** The providers the chosen type recommends and why, to show before the change. */
    public ReadOnlyStringProperty recommendationsProperty() {
        return recommendations.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty errorProperty() {
        return error.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    /** The business as changed; the dialog closes then. */
    public ReadOnlyObjectProperty<Optional<Tenant>> changedProperty() {
        return changed.getReadOnlyProperty();
    }
}
