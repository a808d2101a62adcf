package dev.onramp.ui.connect;

import dev.onramp.connect.ConnectFlow;
import dev.onramp.connect.ConnectListener;
import dev.onramp.connect.ConnectOutcome;
import dev.onramp.connect.ConnectStep;
import dev.onramp.connect.form.ConnectorForm;
import dev.onramp.connect.form.FormValues;
import dev.onramp.model.Connection;
import dev.onramp.ui.common.ConnectedPane;
import dev.onramp.ui.common.DialogPhase;
import dev.onramp.ui.common.Failures;
import dev.onramp.ui.common.UiText;
import dev.onramp.ui.credentials.StepWords;
import java.net.URI;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import java.util.function.BiFunction;
import java.util.function.Function;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

/**
 * The state of one "Connecting …" dialog: starts a connect flow, follows its steps and ends it.
 *
 * <p>All state changes happen on the {@code fx} executor; the flow's listener calls arrive on
 * background threads and are handed over to it.
 */
public final class ConnectModel {
    private final String title;
    private final boolean reconnecting;
    private final String providerName;
    private final BiFunction<FormValues, ConnectListener, ConnectFlow> starter;
    private final Optional<ConsentInputsModel> inputs;
    private final Consumer<Connection> onConnected;
    private final Executor background;
    private final Executor fx;

    private final ReadOnlyObjectWrapper<DialogPhase> phase = new ReadOnlyObjectWrapper<>(DialogPhase.RUNNING);
    private final ReadOnlyStringWrapper stepLabel = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper consentUrl = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper consentHint = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper retryable = new ReadOnlyBooleanWrapper(true);
    private final ReadOnlyBooleanWrapper browserFailed = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyStringWrapper endMessage = new ReadOnlyStringWrapper("");
    private final ReadOnlyObjectWrapper<Instant> consentDeadline = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyStringWrapper connectedHeadline = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper duplicateQuestion = new ReadOnlyStringWrapper("");
    private Optional<Function<FormValues, Optional<String>>> duplicateCheck = Optional.empty();
    private Optional<BiFunction<FormValues, ConnectListener, ConnectFlow>> againStarter = Optional.empty();
    private FormValues lastValues = FormValues.empty();

    /** Which start this is, so that late calls from an earlier attempt are ignored. */
    private int attempt;

    private Optional<ConnectFlow> flow = Optional.empty();
    private boolean cancelRequested;

    /**
     * @param starter starts the flow with the given listener; it may block, so it runs on {@code background}
     * @param onConnected hears the new connection, on the {@code fx} executor
     */
    public ConnectModel(
            String providerName,
            Function<ConnectListener, ConnectFlow> starter,
            Consumer<Connection> onConnected,
            Executor background,
            Executor fx) {
        this(false, providerName, Optional.empty(), (values, listener) -> starter.apply(listener),
                onConnected, background, fx);
    }

    /** A dialog that signs an existing connection in again; it asks nothing first. */
    public static ConnectModel reconnecting(
            String providerName,
            Function<ConnectListener, ConnectFlow> starter,
            Consumer<Connection> onConnected,
            Executor background,
            Executor fx) {
        return new ConnectModel(true, providerName, Optional.empty(),
                (values, listener) -> starter.apply(listener), onConnected, background, fx);
    }

    /**
     * A dialog that first asks for the fields of {@code consentInputs} (when it has any) and starts
     * the flow with what was typed once the specification accepts it.
     *
     * @param starter starts the flow with the typed values and the listener; it runs on {@code background}
     */
    public ConnectModel(
            String providerName,
            ConnectorForm consentInputs,
            BiFunction<FormValues, ConnectListener, ConnectFlow> starter,
            Consumer<Connection> onConnected,
            Executor background,
            Executor fx) {
        this(false, providerName,
                Optional.of(consentInputs).filter(form -> !form.elements().isEmpty()).map(ConsentInputsModel::new),
                starter, onConnected, background, fx);
    }

    private ConnectModel(
            boolean reconnecting,
            String providerName,
            Optional<ConsentInputsModel> inputs,
            BiFunction<FormValues, ConnectListener, ConnectFlow> starter,
            Consumer<Connection> onConnected,
            Executor background,
            Executor fx) {
        this.providerName = Objects.requireNonNull(providerName, "providerName");
        this.reconnecting = reconnecting;
        this.title = reconnecting ? UiText.get("ui.connect.title.reconnecting", providerName)
                : UiText.get("ui.connect.title.connecting", providerName);
        this.inputs = inputs;
        this.starter = Objects.requireNonNull(starter, "starter");
        this.onConnected = Objects.requireNonNull(onConnected, "onConnected");
        this.background = Objects.requireNonNull(background, "background");
        this.fx = Objects.requireNonNull(fx, "fx");
    }

    /** The provider being connected, by its name. */
    public String providerName() {
        return providerName;
    }

    public String title() {
        return title;
    }

    /** True for a dialog that signs an existing connection in again rather than connecting a new one. */
    public boolean reconnecting() {
        return reconnecting;
    }

    /** "HubSpot connected — account …, 11 streams" once connected; empty before. */
    public ReadOnlyStringProperty connectedHeadlineProperty() {
        return connectedHeadline.getReadOnlyProperty();
    }

    /** What the dialog says above the fields asked before the consent page. */
    public String inputsIntro() {
        return UiText.get("ui.connect.inputsIntro", providerName);
    }

    /**
     * Starts a new attempt; also what "Try again" does after an end. A provider that needs fields
     * before its consent page asks for them first, with what was typed last time.
     */
    public void start() {
        retryable.set(true);
        if (inputs.isPresent()) {
            ++attempt;
            flow = Optional.empty();
            endMessage.set("");
            phase.set(DialogPhase.ASKING);
        } else {
            run(FormValues.empty());
        }
    }

    /** The fields asked before the consent page; empty when the provider needs none. */
    public Optional<ConsentInputsModel> inputs() {
        return inputs;
    }

    /** Starts the flow with the typed fields when they are accepted; otherwise marks what is wrong and waits. */
    public void continueWithInputs() {
        if (phase.get() == DialogPhase.ASKING) {
            inputs.flatMap(ConsentInputsModel::checked).ifPresent(this::runAskingFirst);
        }
    }

    /**
     * Asks, before the sign-in, whether the typed fields name an account the business already has
     * (Zendesk's subdomain, …) with {@code check}, and connects such an account only through
     * {@link #connectAgain()}, with {@code again}; returns this model.
     */
    public ConnectModel askingAboutDuplicates(Function<FormValues, Optional<String>> check,
            BiFunction<FormValues, ConnectListener, ConnectFlow> again) {
        this.duplicateCheck = Optional.of(check);
        this.againStarter = Optional.of(again);
        return this;
    }

    /** Signs in the account {@link #duplicateQuestionProperty()} asked about once more, as the person chose. */
    public void connectAgain() {
        if (!duplicateQuestion.get().isEmpty() && againStarter.isPresent()) {
            duplicateQuestion.set("");
            run(lastValues, againStarter.get());
        }
    }

    /** The question asked when the typed fields name an account already connected; empty otherwise. */
    public ReadOnlyStringProperty duplicateQuestionProperty() {
        return duplicateQuestion.getReadOnlyProperty();
    }

    private void runAskingFirst(FormValues values) {
        lastValues = values;
        duplicateQuestion.set("");
        if (duplicateCheck.isEmpty()) {
            run(values);
            return;
        }
        int current = ++attempt;
        Function<FormValues, Optional<String>> check = duplicateCheck.get();
        CompletableFuture.supplyAsync(() -> check.apply(values), background).whenCompleteAsync((question, failure) -> {
            if (current != attempt) {
                return;
            }
            if (failure == null && question.isPresent()) {
                duplicateQuestion.set(question.get());
            } else {
                run(values);
            }
        }, fx);
    }

    private void run(FormValues values) {
        run(values, starter);
    }

    private void run(FormValues values, BiFunction<FormValues, ConnectListener, ConnectFlow> starting) {
        int current = ++attempt;
        flow = Optional.empty();
        cancelRequested = false;
        stepLabel.set(StepWords.of(ConnectStep.PREPARING));
        consentUrl.set("");
        consentHint.set("");
        browserFailed.set(false);
        consentDeadline.set(null);
        endMessage.set("");
        phase.set(DialogPhase.RUNNING);
        ConnectListener listener = new HandOver(current);
        CompletableFuture.supplyAsync(() -> starting.apply(values, listener), background)
                .whenCompleteAsync((started, failure) -> onStarted(current, started, failure), fx);
    }

    /** Stops the running flow; the flow undoes what it created in Airbyte. */
    public void cancel() {
        cancelRequested = true;
        flow.ifPresent(this::cancelInBackground);
    }

    private void onStarted(int current, ConnectFlow started, Throwable failure) {
        if (failure != null) {
            if (current == attempt) {
                end(UiText.get("ui.connect.couldNotStart", providerName, Failures.message(failure)));
            }
            return;
        }
        if (current != attempt || cancelRequested) {
            cancelInBackground(started);
            return;
        }
        flow = Optional.of(started);
        started.outcome().thenAcceptAsync(outcome -> onOutcome(current, outcome), fx);
    }

    private void onOutcome(int current, ConnectOutcome outcome) {
        if (current != attempt) {
            return;
        }
        switch (outcome) {
            case ConnectOutcome.Connected connected -> {
                connectedHeadline.set(ConnectedPane.headline(providerName, connected.connection(),
                        reconnecting() ? "reconnected" : "connected"));
                phase.set(DialogPhase.CONNECTED);
                onConnected.accept(connected.connection());
            }
            case ConnectOutcome.Ended ended -> {
                retryable.set(ended.retryable());
                end(ended.message());
            }
        }
    }

    private void end(String message) {
        endMessage.set(message);
        phase.set(DialogPhase.ENDED);
    }

    /** False after an end that trying again would only repeat; then the dialog offers no "Try again". */
    public ReadOnlyBooleanProperty retryableProperty() {
        return retryable.getReadOnlyProperty();
    }

    private void cancelInBackground(ConnectFlow target) {
        CompletableFuture.runAsync(target::cancel, background);
    }

    private void onStep(int current, ConnectStep step) {
        if (current == attempt && phase.get() == DialogPhase.RUNNING) {
            stepLabel.set(StepWords.of(step));
        }
    }

    private void onConsentUrl(int current, URI url, boolean browserOpened) {
        if (current == attempt && phase.get() == DialogPhase.RUNNING) {
            consentUrl.set(url.toString());
            browserFailed.set(!browserOpened);
            consentHint.set(browserOpened ? UiText.get("ui.connect.hint.browserOpened")
                    : UiText.get("ui.connect.hint.browserFailed"));
        }
    }

    public ReadOnlyObjectProperty<DialogPhase> phaseProperty() {
        return phase.getReadOnlyProperty();
    }

    /** What the flow is doing now, e.g. "Waiting for you in the browser". */
    public ReadOnlyStringProperty stepLabelProperty() {
        return stepLabel.getReadOnlyProperty();
    }

    /** The provider's consent link; empty until the flow has one. */
    public ReadOnlyStringProperty consentUrlProperty() {
        return consentUrl.getReadOnlyProperty();
    }

    /** What to do with the consent link, depending on whether the browser opened. */
    public ReadOnlyStringProperty consentHintProperty() {
        return consentHint.getReadOnlyProperty();
    }

    /**
     * Opens the consent link in the browser again, in the background; when the browser does not
     * open, the hint says to copy the link.
     */
    public void openBrowserAgain() {
        int current = attempt;
        flow.ifPresent(running -> CompletableFuture.supplyAsync(running::openConsentAgain, background)
                .thenAcceptAsync(opened -> {
                    if (current == attempt && phase.get() == DialogPhase.RUNNING && !opened) {
                        browserFailed.set(true);
                        consentHint.set(UiText.get("ui.connect.hint.browserFailed"));
                    }
                }, fx));
    }

    /** E.g. "4:12 left" until {@code deadline}; "0:00 left" once it has passed; in the window's language. */
    public static String timeLeft(Instant deadline, Instant now) {
        long seconds = Math.max(0, java.time.Duration.between(now, deadline).toSeconds());
        String clock = seconds / 60 + ":" + String.format(java.util.Locale.ROOT, "%02d", seconds % 60);
        return UiText.get("ui.connect.timeLeft", clock);
    }

    /** When the wait for the browser's answer ends; null until the consent link is out. */
    public ReadOnlyObjectProperty<Instant> consentDeadlineProperty() {
        return consentDeadline.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty browserFailedProperty() {
        return browserFailed.getReadOnlyProperty();
    }

    /** Why the flow ended without a connection; empty while it runs or once connected. */
    public ReadOnlyStringProperty endMessageProperty() {
        return endMessage.getReadOnlyProperty();
    }

    /** Hands the flow's background calls over to the FX executor, tagged with their attempt. */
    private final class HandOver implements ConnectListener {
        private final int current;

        HandOver(int current) {
            this.current = current;
        }

        @Override
        public void onStep(ConnectStep step) {
            fx.execute(() -> ConnectModel.this.onStep(current, step));
        }

        @Override
        public void onConsentUrl(URI url, boolean browserOpened) {
            fx.execute(() -> ConnectModel.this.onConsentUrl(current, url, browserOpened));
        }

        @Override
        public void onConsentDeadline(Instant deadline) {
            fx.execute(() -> {
                if (current == attempt && phase.get() == DialogPhase.RUNNING) {
                    consentDeadline.set(deadline);
                }
            });
        }
    }
}
