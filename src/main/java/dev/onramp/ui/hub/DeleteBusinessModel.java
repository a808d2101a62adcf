package dev.onramp.ui.hub;

import dev.onramp.connect.BusinessRemoval;
import dev.onramp.connect.ConnectService;
import dev.onramp.model.Tenant;
import dev.onramp.ui.common.Failures;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;

/**
 * The "Delete business" dialog's state: how many connections the business has, whether their sources are
 * deleted in Airbyte or kept there, the step under way, and how the deletion ended.
 */
public final class DeleteBusinessModel {
    private final Tenant tenant;
    private final ConnectService connect;
    private final BusinessRemoval removal;
    private final Consumer<Tenant> onDeleted;
    private final Executor background;
    private final Executor fx;

    private final ObjectProperty<BusinessRemoval.Sources> sources =
            new SimpleObjectProperty<>(this, "sources", BusinessRemoval.Sources.DELETE);
    private final ReadOnlyIntegerWrapper connections = new ReadOnlyIntegerWrapper(this, "connections", -1);
    private final ReadOnlyStringWrapper step = new ReadOnlyStringWrapper(this, "step", "");
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper(this, "error", "");
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(this, "busy", false);
    private final ReadOnlyStringWrapper deleted = new ReadOnlyStringWrapper(this, "deleted", "");

    DeleteBusinessModel(Tenant tenant, ConnectService connect, BusinessRemoval removal, Consumer<Tenant> onDeleted,
            Executor background, Executor fx) {
        this.tenant = tenant;
        this.connect = connect;
        this.removal = removal;
        this.onDeleted = onDeleted;
        this.background = background;
        this.fx = fx;
    }

    public Tenant tenant() {
        return tenant;
    }

    /** Counts the business's connections in the background, for the dialog to say what goes; then runs {@code then}. */
    public void load(Runnable then) {
        CompletableFuture.supplyAsync(() -> connect.connections(tenant.id()), background).whenCompleteAsync(
                (list, failure) -> {
                    connections.set(failure != null ? 0 : (int) list.stream().filter(c -> !c.disconnected()).count());
                    then.run();
                }, fx);
    }

    /** Deletes the business as {@link #sourcesProperty()} says; a refusal shows as {@link #errorProperty()}. */
    public void delete() {
        BusinessRemoval.Sources chosen = sources.get();
        error.set("");
        busy.set(true);
        Consumer<String> onStep = text -> fx.execute(() -> step.set(text));
        CompletableFuture.supplyAsync(() -> removal.delete(tenant.id(), chosen, onStep), background)
                .whenCompleteAsync((outcome, failure) -> {
                    busy.set(false);
                    step.set("");
                    if (failure != null) {
                        error.set(Failures.message(failure));
                    } else if (outcome instanceof BusinessRemoval.Outcome.Deleted done) {
                        onDeleted.accept(tenant);
                        deleted.set(done.message());
                    } else {
                        error.set(outcome.message());
                        load(() -> { });
                    }
                }, fx);
    }

    /** Whether the sources are deleted in Airbyte (the default) or kept there. */
    public ObjectProperty<BusinessRemoval.Sources> sourcesProperty() {
        return sources;
    }

    /** How many connections the business has that are not disconnected; -1 until counted. */
    public ReadOnlyIntegerProperty connectionsProperty() {
        return connections.getReadOnlyProperty();
    }

    /** What the deletion does now, e.g. "Disconnecting HubSpot…". */
    public ReadOnlyStringProperty stepProperty() {
        return step.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty errorProperty() {
        return error.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    /** The sentence saying the business was deleted; empty until it is. */
    public ReadOnlyStringProperty deletedProperty() {
        return deleted.getReadOnlyProperty();
    }
}
