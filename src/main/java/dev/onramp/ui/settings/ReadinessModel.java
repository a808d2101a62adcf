package dev.onramp.ui.settings;

import dev.onramp.connect.ConnectService;
import dev.onramp.connect.SignInReadiness;
import dev.onramp.model.TenantId;
import dev.onramp.ui.common.Failures;
import dev.onramp.ui.common.UiText;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The OAuth sign-in check of one business: asks its saved Airbyte for each OAuth connector's consent
 * link in the background, and lists each answer on the FX thread as soon as it arrives.
 */
public final class ReadinessModel {
    private final TenantId tenant;
    private final String businessName;
    private final ConnectService connect;
    private final Executor background;
    private final Executor fx;
    private final ObservableList<SignInReadiness> rows = FXCollections.observableArrayList();
    private final ObservableList<SignInReadiness> rowsView = FXCollections.unmodifiableObservableList(rows);
    private final ReadOnlyBooleanWrapper running = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper("");

    public ReadinessModel(TenantId tenant, String businessName, ConnectService connect, Executor background, Executor fx) {
        this.tenant = Objects.requireNonNull(tenant, "tenant");
        this.businessName = Objects.requireNonNull(businessName, "businessName");
        this.connect = Objects.requireNonNull(connect, "connect");
        this.background = Objects.requireNonNull(background, "background");
        this.fx = Objects.requireNonNull(fx, "fx");
    }

    /** Starts the check, unless one is running; the rows of an earlier check are cleared first. */
    public void start() {
        if (running.get()) {
            return;
        }
        rows.clear();
        running.set(true);
        status.set(UiText.get("ui.settings.readiness.asking"));
        CompletableFuture.supplyAsync(() -> connect.signInReadiness(tenant, result -> fx.execute(() -> {
                    rows.add(result);
                    status.set(UiText.get("ui.settings.readiness.asked", rows.size()));
                })), background)
                .whenCompleteAsync(this::finished, fx);
    }

    private void finished(List<SignInReadiness> results, Throwable failure) {
        running.set(false);
        if (failure != null) {
            status.set(UiText.get("ui.settings.readiness.failed", Failures.message(failure)));
            return;
        }
        long ready = results.stream().filter(result -> result.state() == SignInReadiness.State.READY).count();
        status.set(ready == results.size() ? UiText.get("ui.settings.readiness.allReady", ready)
                : UiText.get("ui.settings.readiness.someReady", ready, results.size()));
    }

    public String title() {
        return UiText.get("ui.settings.readiness.title", businessName);
    }

    /** Each connector's answer, in catalog order. */
    public ObservableList<SignInReadiness> rows() {
        return rowsView;
    }

    /** True while Airbyte is being asked. */
    public ReadOnlyBooleanProperty runningProperty() {
        return running.getReadOnlyProperty();
    }

    /** What the check is doing, or what it found. */
    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }
}
