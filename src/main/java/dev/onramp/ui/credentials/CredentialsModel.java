package dev.onramp.ui.credentials;

import dev.onramp.connect.ConnectFlow;
import dev.onramp.connect.ConnectListener;
import dev.onramp.connect.ConnectOutcome;
import dev.onramp.connect.ConnectStep;
import dev.onramp.connect.form.ConnectorForm;
import dev.onramp.connect.form.FormChoice;
import dev.onramp.connect.form.FormElement;
import dev.onramp.connect.form.FormField;
import dev.onramp.connect.form.FormProblem;
import dev.onramp.connect.form.FormValues;
import dev.onramp.model.Connection;
import dev.onramp.ui.common.ConnectedPane;
import dev.onramp.ui.common.DialogPhase;
import dev.onramp.ui.common.Failures;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * The state of one credentials form: loads the connector's form, holds what is typed, refuses
 * values the specification does not allow before anything is sent, and runs the connect flow.
 * Every state change happens on {@code fx}; loading and connecting run on {@code background}.
 */
public final class CredentialsModel implements FormInputs {
    /** Starts the flow for the checked values; it may block, so it runs on the background executor. */
    @FunctionalInterface
    public interface Starter {
        ConnectFlow start(ConnectorForm form, FormValues values, ConnectListener listener);
    }

    private final String providerName;
    private final Supplier<ConnectorForm> loader;
    private final Starter starter;
    private final Consumer<Connection> onConnected;
    private final Executor background;
    private final Executor fx;

    private final ReadOnlyObjectWrapper<DialogPhase> phase = new ReadOnlyObjectWrapper<>(DialogPhase.LOADING);
    private final ReadOnlyObjectWrapper<ConnectorForm> form = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyStringWrapper stepLabel = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper showProblems = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyStringWrapper connectedHeadline = new ReadOnlyStringWrapper("");
    private final Map<String, StringProperty> values = new LinkedHashMap<>();
    private Optional<ConnectFlow> flow = Optional.empty();
    private boolean closed;

    /**
     * @param loader gives the connector's form; it may block, so it runs on {@code background}
     * @param onConnected hears the new connection, on the {@code fx} executor
     */
    public CredentialsModel(String providerName, Supplier<ConnectorForm> loader, Starter starter,
            Consumer<Connection> onConnected, Executor background, Executor fx) {
        this.providerName = Objects.requireNonNull(providerName, "providerName");
        this.loader = Objects.requireNonNull(loader, "loader");
        this.starter = Objects.requireNonNull(starter, "starter");
        this.onConnected = Objects.requireNonNull(onConnected, "onConnected");
        this.background = Objects.requireNonNull(background, "background");
        this.fx = Objects.requireNonNull(fx, "fx");
    }

    public String title() {
        return "Connect " + providerName;
    }

    /** Loads the form in the background; the fields appear once {@link #formProperty()} is set. */
    public void load() {
        phase.set(DialogPhase.LOADING);
        CompletableFuture.supplyAsync(loader, background).whenCompleteAsync(this::onLoaded, fx);
    }

    private void onLoaded(ConnectorForm loaded, Throwable failure) {
        if (failure != null) {
            message.set("Onramp could not prepare the form for " + providerName + ": " + Failures.message(failure));
            phase.set(DialogPhase.ENDED);
            return;
        }
        FormValues defaults = loaded.defaults();
        for (FormElement element : loaded.allElements()) {
            values.computeIfAbsent(element.path(), path -> new SimpleStringProperty(this, path, defaults.text(path)));
        }
        for (FormElement element : loaded.allElements()) {
            if (element instanceof FormChoice choice) {
                values.get(choice.path()).set(loaded.chosen(choice, defaults).title());
            }
        }
        form.set(loaded);
        phase.set(DialogPhase.ASKING);
    }

    /** The text of the element at {@code path}: what a control shows and edits. */
    @Override
    public StringProperty value(String path) {
        StringProperty value = values.get(path);
        if (value == null) {
            throw new IllegalArgumentException("The form has no element " + path);
        }
        return value;
    }

    /** What is typed now. */
    public FormValues values() {
        Map<String, String> texts = new LinkedHashMap<>();
        values.forEach((path, value) -> texts.put(path, value.get() == null ? "" : value.get()));
        return new FormValues(texts);
    }

    /** Why the field's value cannot be sent; empty when it can, or when the field is in an option not chosen. */
    @Override
    public Optional<String> problem(FormField field) {
        ConnectorForm current = form.get();
        FormValues now = values();
        return current != null && current.isActive(field, now) ? field.problem(now.text(field.path())) : Optional.empty();
    }

    /**
     * Checks every value and, when all pass, starts connecting; otherwise says what is wrong, marks
     * the refused fields, and sends nothing.
     */
    public void connect() {
        ConnectorForm current = form.get();
        if (current == null || phase.get() == DialogPhase.RUNNING) {
            return;
        }
        FormValues typed = values();
        List<FormProblem> problems = current.problems(typed);
        if (!problems.isEmpty()) {
            showProblems.set(true);
            message.set(problems.stream().map(FormProblem::message).collect(Collectors.joining(" ")));
            return;
        }
        message.set("");
        stepLabel.set(ConnectStep.PREPARING.label());
        phase.set(DialogPhase.RUNNING);
        ConnectListener listener = new HandOver();
        CompletableFuture.supplyAsync(() -> starter.start(current, typed, listener), background)
                .whenCompleteAsync(this::onStarted, fx);
    }

    /** Stops a running flow (it undoes what it created in Airbyte) and forgets the form. */
    public void close() {
        closed = true;
        flow.ifPresent(running -> CompletableFuture.runAsync(running::cancel, background));
    }

    private void onStarted(ConnectFlow started, Throwable failure) {
        if (failure != null) {
            message.set(Failures.message(failure));
            phase.set(DialogPhase.ASKING);
            return;
        }
        if (closed) {
            CompletableFuture.runAsync(started::cancel, background);
            return;
        }
        flow = Optional.of(started);
        started.outcome().thenAcceptAsync(this::onOutcome, fx);
    }

    private void onOutcome(ConnectOutcome outcome) {
        flow = Optional.empty();
        switch (outcome) {
            case ConnectOutcome.Connected connected -> {
                connectedHeadline.set(ConnectedPane.headline(providerName, connected.connection(), "connected"));
                phase.set(DialogPhase.CONNECTED);
                onConnected.accept(connected.connection());
            }
            case ConnectOutcome.Ended ended -> {
                message.set(ended.message());
                phase.set(DialogPhase.ASKING);
            }
        }
    }

    /** "Stripe connected — account …, 4 streams" once connected; empty before. */
    public ReadOnlyStringProperty connectedHeadlineProperty() {
        return connectedHeadline.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<DialogPhase> phaseProperty() {
        return phase.getReadOnlyProperty();
    }

    /** The connector's form; null until it is loaded. */
    public ReadOnlyObjectProperty<ConnectorForm> formProperty() {
        return form.getReadOnlyProperty();
    }

    /** What the flow is doing now, e.g. "Testing the connection". */
    public ReadOnlyStringProperty stepLabelProperty() {
        return stepLabel.getReadOnlyProperty();
    }

    /** What stopped the connection (a refused value, or how the flow ended); empty when nothing did. */
    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    /** True once a connect attempt was refused, so that the view marks every refused field from then on. */
    public ReadOnlyBooleanProperty showProblemsProperty() {
        return showProblems.getReadOnlyProperty();
    }

    /** Hands the flow's background calls over to the FX executor. */
    private final class HandOver implements ConnectListener {
        @Override
        public void onStep(ConnectStep step) {
            fx.execute(() -> {
                if (phase.get() == DialogPhase.RUNNING) {
                    stepLabel.set(step.label());
                }
            });
        }

        @Override
        public void onConsentUrl(URI consentUrl, boolean browserOpened) {
            // A credentials flow has no consent page.
        }
    }
}
