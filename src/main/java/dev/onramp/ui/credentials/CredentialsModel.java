package dev.onramp.ui.credentials;

import dev.onramp.connect.ConnectFlow;
import dev.onramp.connect.ConnectListener;
import dev.onramp.connect.ConnectOutcome;
import dev.onramp.connect.ConnectStep;
import dev.onramp.connect.CredentialsUpdate;
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
import dev.onramp.ui.common.UiText;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
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
 * values the specification does not allow before anything is sent, and runs the connect flow; or,
 * {@linkplain #updating updating} a connection, the form filled with what it holds (secrets empty,
 * each kept when left empty) and the update flow. Every state change happens on {@code fx}; loading
 * and connecting run on {@code background}.
 */
public final class CredentialsModel implements FormInputs {
    /** Starts the flow for the checked values; it may block, so it runs on the background executor. */
    @FunctionalInterface
    public interface Starter {
        ConnectFlow start(ConnectorForm form, FormValues values, ConnectListener listener);
    }

    /**
     * Whether the values name an account the business already has connected, as the question to ask
     * ("Acme's Stripe account acct_1 is already connected — connect it again?"); it may block.
     */
    @FunctionalInterface
    public interface DuplicateCheck {
        Optional<String> question(ConnectorForm form, FormValues values);
    }

    /**
     * Opens a link in the person's browser, the way the app opens its sign-in pages; it may block,
     * so it runs on the background executor. False when no browser opened.
     */
    @FunctionalInterface
    public interface LinkOpener {
        boolean open(URI url);
    }

    /** Starts the update of a connection's credentials for the checked values; it may block, like {@link Starter}. */
    @FunctionalInterface
    public interface UpdateStarter {
        ConnectFlow start(CredentialsUpdate update, FormValues values, ConnectListener listener);
    }

    /** The typed values at one moment, and the fields they make active (null until asked). */
    private record Typed(FormValues values, Set<FormField> active) {}

    /** What loading gives: the form, and for an update the connection's values and kept secrets. */
    private record Prepared(ConnectorForm form, Optional<CredentialsUpdate> update) {}

    private static final long MAX_FILE_BYTES = 256 * 1024;

    /** A file bigger than a key file can be; the window says so in its own words. */
    private static final class TooBig extends RuntimeException {
        TooBig() {
            super(null, null, false, false);
        }
    }

    private final String providerName;
    private final Supplier<Prepared> loader;
    private final Starter starter;
    private final UpdateStarter updateStarter;
    private final boolean updating;
    private final Consumer<Connection> onConnected;
    private final Executor background;
    private final Executor fx;
    private Optional<CredentialsUpdate> update = Optional.empty();

    private final ReadOnlyObjectWrapper<DialogPhase> phase = new ReadOnlyObjectWrapper<>(DialogPhase.LOADING);
    private final ReadOnlyObjectWrapper<ConnectorForm> form = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyStringWrapper stepLabel = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper showProblems = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyStringWrapper connectedHeadline = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper duplicateQuestion = new ReadOnlyStringWrapper("");
    private Optional<DuplicateCheck> duplicateCheck = Optional.empty();
    private Optional<Starter> duplicateStarter = Optional.empty();
    private final Map<String, StringProperty> values = new LinkedHashMap<>();
    private Optional<ConnectFlow> flow = Optional.empty();
    /** What is typed now and the fields it makes active, worked out once after each change; null when stale. */
    private Typed typed;
    private LinkOpener links = url -> false;
    private boolean closed;

    /**
     * @param loader gives the connector's form; it may block, so it runs on {@code background}
     * @param onConnected hears the new connection, on the {@code fx} executor
     */
    public CredentialsModel(String providerName, Supplier<ConnectorForm> loader, Starter starter,
            Consumer<Connection> onConnected, Executor background, Executor fx) {
        this(providerName, () -> new Prepared(Objects.requireNonNull(loader, "loader").get(), Optional.empty()),
                Objects.requireNonNull(starter, "starter"), (update, values, listener) -> {
                    throw new IllegalStateException("This form connects; it updates nothing");
                }, false, onConnected, background, fx);
    }

    private CredentialsModel(String providerName, Supplier<Prepared> loader, Starter starter,
            UpdateStarter updateStarter, boolean updating, Consumer<Connection> onConnected, Executor background,
            Executor fx) {
        this.providerName = Objects.requireNonNull(providerName, "providerName");
        this.loader = loader;
        this.starter = starter;
        this.updateStarter = updateStarter;
        this.updating = updating;
        this.onConnected = Objects.requireNonNull(onConnected, "onConnected");
        this.background = Objects.requireNonNull(background, "background");
        this.fx = Objects.requireNonNull(fx, "fx");
    }

    /**
     * A form that gives a connection new credentials: {@code loader} (it may block, so it runs on
     * {@code background}) gives the connection's form filled with what it holds; a secret left empty
     * keeps its stored value. {@code onUpdated} hears the updated connection, on {@code fx}.
     */
    public static CredentialsModel updating(String providerName, Supplier<CredentialsUpdate> loader,
            UpdateStarter starter, Consumer<Connection> onUpdated, Executor background, Executor fx) {
        Objects.requireNonNull(loader, "loader");
        return new CredentialsModel(providerName, () -> {
            CredentialsUpdate loaded = loader.get();
            return new Prepared(loaded.form(), Optional.of(loaded));
        }, (form, values, listener) -> {
            throw new IllegalStateException("This form updates a connection; it connects nothing");
        }, Objects.requireNonNull(starter, "starter"), true, onUpdated, background, fx);
    }

    /** The provider whose credentials the form takes, by its name. */
    public String providerName() {
        return providerName;
    }

    public String title() {
        return updating ? UiText.get("ui.credentials.title.update", providerName)
                : UiText.get("ui.credentials.title.connect", providerName);
    }

    /** The words of the button that sends the values: "Connect", or "Update" for a connection's new credentials. */
    public String actionLabel() {
        return updating ? UiText.get("ui.credentials.action.update") : UiText.get("ui.credentials.action.connect");
    }

    /** True when the form gives an existing connection new credentials rather than connecting anew. */
    public boolean updating() {
        return updating;
    }

    /** What the dialog says above the form about where the values go. */
    public String intro() {
        return updating ? UiText.get("ui.credentials.intro.update") : UiText.get("ui.credentials.intro.connect");
    }

    /** Loads the form in the background; the fields appear once {@link #formProperty()} is set. */
    public void load() {
        phase.set(DialogPhase.LOADING);
        CompletableFuture.supplyAsync(loader, background).whenCompleteAsync(this::onLoaded, fx);
    }

    private void onLoaded(Prepared prepared, Throwable failure) {
        if (failure != null) {
            message.set(UiText.get("ui.credentials.couldNotPrepare", providerName, Failures.message(failure)));
            phase.set(DialogPhase.ENDED);
            return;
        }
        ConnectorForm loaded = prepared.form();
        update = prepared.update();
        FormValues defaults = loaded.defaults();
        // An update shows what the connection holds; the fields of options it did not choose show their defaults.
        FormValues initial = update.map(CredentialsUpdate::current).orElse(defaults);
        for (FormElement element : loaded.allElements()) {
            String text = initial.get(element.path())
                    .orElse(update.isPresent() && loaded.isActive(element, initial) ? "" : defaults.text(element.path()));
            values.computeIfAbsent(element.path(), path -> {
                StringProperty value = new SimpleStringProperty(this, path, text);
                value.addListener((observable, before, after) -> typed = null);
                return value;
            });
        }
        for (FormElement element : loaded.allElements()) {
            if (element instanceof FormChoice choice) {
                values.get(choice.path()).set(loaded.chosen(choice, initial).title());
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
        if (typed == null) {
            typed = snapshot();
        }
        return typed.values();
    }

    /** The fields the typed values make active, for the validation of every control after each change. */
    private Set<FormField> activeFields() {
        values();
        if (typed.active() == null) {
            Set<FormField> active = Collections.newSetFromMap(new IdentityHashMap<>());
            active.addAll(form.get().activeFields(typed.values()));
            typed = new Typed(typed.values(), active);
        }
        return typed.active();
    }

    private Typed snapshot() {
        Map<String, String> texts = new LinkedHashMap<>();
        values.forEach((path, value) -> texts.put(path, value.get() == null ? "" : value.get()));
        return new Typed(new FormValues(texts), null);
    }

    /**
     * Why the field's value cannot be sent; empty when it can, when the field is in an option not
     * chosen, or when it is a connection's secret left empty to keep.
     */
    @Override
    public Optional<String> problem(FormField field) {
        ConnectorForm current = form.get();
        FormValues now = values();
        if (current == null || !activeFields().contains(field) || keeps(field, now)) {
            return Optional.empty();
        }
        return field.refusal(now.text(field.path())).map(UiText::render);
    }

    /** For a secret the connection holds: that an empty field keeps it. */
    @Override
    public Optional<String> prompt(FormField field) {
        return update.filter(loaded -> field.secret() && loaded.keptSecrets().contains(field.path()))
                .map(loaded -> UiText.get("ui.credentials.keepPrompt"));
    }

    /** A secret the connection holds need not be typed again: left empty, it is kept. */
    @Override
    public boolean required(FormField field) {
        return field.required() && prompt(field).isEmpty();
    }

    private boolean keeps(FormField field, FormValues now) {
        return update.map(loaded -> loaded.keeps(field.path(), now)).orElse(false);
    }

    /**
     * Checks every value and, when all pass, starts connecting (or updating); otherwise says what is
     * wrong, marks the refused fields, and sends nothing.
     */
    public void connect() {
        ConnectorForm current = form.get();
        if (current == null || phase.get() == DialogPhase.RUNNING) {
            return;
        }
        FormValues typed = values();
        List<FormProblem> problems = update.map(loaded -> loaded.problems(typed)).orElseGet(() -> current.problems(typed));
        if (!problems.isEmpty()) {
            showProblems.set(true);
            message.set(problems.stream().map(problem -> UiText.render(problem.text())).collect(Collectors.joining(" ")));
            return;
        }
        message.set("");
        duplicateQuestion.set("");
        stepLabel.set(StepWords.of(ConnectStep.PREPARING));
        phase.set(DialogPhase.RUNNING);
        ConnectListener listener = new HandOver();
        Optional<CredentialsUpdate> updated = update;
        if (updated.isEmpty() && duplicateCheck.isPresent()) {
            // Asked first: an account the business already has is connected again only when the person says so.
            DuplicateCheck check = duplicateCheck.get();
            CompletableFuture.supplyAsync(() -> check.question(current, typed), background)
                    .whenCompleteAsync((question, failure) -> {
                        if (failure == null && question.isPresent()) {
                            duplicateQuestion.set(question.get());
                            phase.set(DialogPhase.ASKING);
                        } else {
                            CompletableFuture.supplyAsync(() -> starter.start(current, typed, listener), background)
                                    .whenCompleteAsync(this::onStarted, fx);
                        }
                    }, fx);
            return;
        }
        CompletableFuture.supplyAsync(() -> updated.isPresent() ? updateStarter.start(updated.get(), typed, listener)
                        : starter.start(current, typed, listener), background)
                .whenCompleteAsync(this::onStarted, fx);
    }

    /**
     * Asks, before connecting, whether the typed values name an account the business already has
     * ({@code check}), and connects such an account only through {@link #connectAgain()}, with
     * {@code again}; returns this model.
     */
    public CredentialsModel askingAboutDuplicates(DuplicateCheck check, Starter again) {
        this.duplicateCheck = Optional.of(check);
        this.duplicateStarter = Optional.of(again);
        return this;
    }

    /** Connects the account {@link #duplicateQuestionProperty()} asked about once more, as the person chose. */
    public void connectAgain() {
        ConnectorForm current = form.get();
        if (current == null || duplicateQuestion.get().isEmpty() || duplicateStarter.isEmpty()) {
            return;
        }
        FormValues typed = values();
        duplicateQuestion.set("");
        message.set("");
        stepLabel.set(StepWords.of(ConnectStep.PREPARING));
        phase.set(DialogPhase.RUNNING);
        ConnectListener listener = new HandOver();
        Starter again = duplicateStarter.get();
        CompletableFuture.supplyAsync(() -> again.start(current, typed, listener), background)
                .whenCompleteAsync(this::onStarted, fx);
    }

    /** Opens the form's documentation links with {@code opener} (the app's browser launcher); returns this model. */
    public CredentialsModel openingLinksWith(LinkOpener opener) {
        this.links = Objects.requireNonNull(opener, "opener");
        return this;
    }

    /** Opens {@code url} in the background; when no browser opens, the message gives the address to copy. */
    @Override
    public void openLink(URI url) {
        LinkOpener opener = links;
        CompletableFuture.supplyAsync(() -> opener.open(url), background).whenCompleteAsync((opened, failure) -> {
            if (failure != null || !opened) {
                message.set(UiText.get("ui.credentials.browserFailed", url.toString()));
            }
        }, fx);
    }

    /**
     * Reads a small text file (a service account's JSON key) in the background and puts its text
     * into the element at {@code path}; a file too big or unreadable leaves the value as it was and
     * says why.
     */
    @Override
    public void readFile(Path file, String path) {
        StringProperty target = value(path);
        CompletableFuture.supplyAsync(() -> {
            try {
                if (Files.size(file) > MAX_FILE_BYTES) {
                    throw new TooBig();
                }
                return Files.readString(file);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }, background).whenCompleteAsync((text, failure) -> {
            if (failure == null) {
                target.set(text.strip());
                message.set("");
            } else {
                Throwable cause = failure instanceof CompletionException ? failure.getCause() : failure;
                String name = String.valueOf(file.getFileName());
                message.set(cause instanceof TooBig
                        ? UiText.get("ui.credentials.file.tooBig", name, MAX_FILE_BYTES / 1024)
                        : UiText.get("ui.credentials.file.unreadable", name));
            }
        }, fx);
    }

    /** The question asked when the typed values name an account already connected; empty otherwise. */
    public ReadOnlyStringProperty duplicateQuestionProperty() {
        return duplicateQuestion.getReadOnlyProperty();
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
                connectedHeadline.set(ConnectedPane.headline(providerName, connected.connection(),
                        updating ? "updated" : "connected"));
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
                    stepLabel.set(StepWords.of(step));
                }
            });
        }

        @Override
        public void onConsentUrl(URI consentUrl, boolean browserOpened) {
            // A credentials flow has no consent page.
        }
    }
}
