package dev.onramp.ui.hub;

import dev.onramp.business.TenantService;
import dev.onramp.model.BusinessType;
import dev.onramp.model.Tenant;
import dev.onramp.ui.common.Failures;
import dev.onramp.ui.common.UiText;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
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

/** The "New business" dialog's state: the name and kind entered, and the outcome of creating it. */
public final class NewBusinessModel {
    private final List<BusinessType> businessTypes;
    private final TenantService tenants;
    private final Consumer<Tenant> onCreated;
    private final Executor background;
    private final Executor fx;

    private final StringProperty name = new SimpleStringProperty(this, "name", "");
    private final ObjectProperty<BusinessType> businessType = new SimpleObjectProperty<>(this, "businessType");
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyObjectWrapper<Optional<Tenant>> created = new ReadOnlyObjectWrapper<>(Optional.empty());

    NewBusinessModel(
            List<BusinessType> businessTypes,
            TenantService tenants,
            Consumer<Tenant> onCreated,
            Executor background,
            Executor fx) {
        this.businessTypes = List.copyOf(businessTypes);
        this.tenants = tenants;
        this.onCreated = onCreated;
        this.background = background;
        this.fx = fx;
        businessType.set(this.businessTypes.isEmpty() ? null : this.businessTypes.getFirst());
    }

    /** Asks the tenant service to create the business; its refusal shows as {@link #errorProperty()}. */
    public void create() {
        BusinessType type = businessType.get();
        if (type == null) {
            error.set(UiText.get("ui.hub.newBusinessModel.chooseKind"));
            return;
        }
        String entered = name.get();
        error.set("");
        busy.set(true);
        CompletableFuture.supplyAsync(() -> tenants.create(entered, type.id()), background)
                .whenCompleteAsync(this::onCreated, fx);
    }

    private void onCreated(Tenant tenant, Throwable failure) {
        busy.set(false);
        if (failure != null) {
            error.set(Failures.message(failure));
            return;
        }
        created.set(Optional.of(tenant));
        onCreated.accept(tenant);
    }

    public List<BusinessType> businessTypes() {
        return businessTypes;
    }

    public StringProperty nameProperty() {
        return name;
    }

    /** The kind of business; the first one until the person picks another. */
    public ObjectProperty<BusinessType> businessTypeProperty() {
        return businessType;
    }

    /** Why the business was not created, as a sentence; empty otherwise. */
    public ReadOnlyStringProperty errorProperty() {
        return error.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    /** The new business once created; the dialog closes then. */
    public ReadOnlyObjectProperty<Optional<Tenant>> createdProperty() {
        return created.getReadOnlyProperty();
    }
}
