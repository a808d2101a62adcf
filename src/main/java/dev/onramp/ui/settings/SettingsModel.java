package dev.onramp.ui.settings;

import dev.onramp.business.SettingsService;
import dev.onramp.business.WebAddress;
import dev.onramp.model.AirbyteSettings;
import dev.onramp.model.AirbyteSettings.Basic;
import dev.onramp.model.AirbyteSettings.ClientCredentials;
import dev.onramp.model.AirbyteSettings.Cloud;
import dev.onramp.model.AirbyteSettings.Demo;
import dev.onramp.model.AirbyteSettings.SelfManaged;
import dev.onramp.model.AirbyteWorkspace;
import dev.onramp.model.TenantId;
import dev.onramp.ui.common.Failures;
import dev.onramp.ui.common.UiText;
import java.net.URI;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import java.util.function.Supplier;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The state of the Settings screen for one business: which Airbyte it uses, typed in, tested and
 * saved through the {@link SettingsService}. A secret field left blank keeps the secret already
 * stored, which is never shown. Every state change happens on {@code fx}.
 */
public final class SettingsModel {
    /** The kinds of Airbyte a business can use. */
    public enum Target {
        DEMO,
        SELF_MANAGED,
        CLOUD;

        /** The choice as the window names it. */
        public String label() {
            return switch (this) {
                case DEMO -> UiText.get("ui.settings.target.demo");
                case SELF_MANAGED -> UiText.get("ui.settings.target.selfManaged");
                case CLOUD -> UiText.get("ui.settings.target.cloud");
            };
        }
    }

    /** How Onramp signs in to a self-managed Airbyte. */
    public enum Login {
        NONE,
        BASIC,
        CLIENT_CREDENTIALS;

        /** The choice as the window names it. */
        public String label() {
            return switch (this) {
                case NONE -> UiText.get("ui.settings.login.none");
                case BASIC -> UiText.get("ui.settings.login.basic");
                case CLIENT_CREDENTIALS -> UiText.get("ui.settings.login.clientCredentials");
            };
        }
    }

    private final TenantId tenant;
    private final String businessName;
    private final SettingsService service;
    private final Runnable onSaved;
    private final Executor background;
    private final Executor fx;

    private final ObjectProperty<Target> target = new SimpleObjectProperty<>(this, "target", Target.DEMO);
    private final StringProperty url = new SimpleStringProperty(this, "url", "");
    private final ObjectProperty<Login> login = new SimpleObjectProperty<>(this, "login", Login.NONE);
    private final StringProperty loginName = new SimpleStringProperty(this, "loginName", "");
    private final StringProperty loginSecret = new SimpleStringProperty(this, "loginSecret", "");
    private final StringProperty cloudClientId = new SimpleStringProperty(this, "cloudClientId", "");
    private final StringProperty cloudClientSecret = new SimpleStringProperty(this, "cloudClientSecret", "");
    private final ObjectProperty<AirbyteWorkspace> workspace = new SimpleObjectProperty<>(this, "workspace");
    private final ObservableList<AirbyteWorkspace> workspaces = FXCollections.observableArrayList();
    private final StringProperty relayUrl = new SimpleStringProperty(this, "relayUrl", "");
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(true);
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper problem = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyBooleanWrapper saved = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyBooleanWrapper saveAnywayOffered = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyStringWrapper secretHint = new ReadOnlyStringWrapper("");
    private AirbyteSettings stored = new Demo();

    /** @param onSaved runs on {@code fx} once the settings are saved, e.g. to refresh the hub */
    public SettingsModel(TenantId tenant, String businessName, SettingsService service, Runnable onSaved,
            Executor background, Executor fx) {
        this.tenant = Objects.requireNonNull(tenant, "tenant");
        this.businessName = Objects.requireNonNull(businessName, "businessName");
        this.service = Objects.requireNonNull(service, "service");
        this.onSaved = Objects.requireNonNull(onSaved, "onSaved");
        this.background = Objects.requireNonNull(background, "background");
        this.fx = Objects.requireNonNull(fx, "fx");
    }

    public String title() {
        return UiText.get("ui.settings.title", businessName);
    }

    /** Loads the business's settings into the fields, secrets left out. */
    public void load() {
        run(() -> service.settings(tenant), this::show);
    }

    /** Asks the Airbyte the fields describe for its workspaces, and offers them to pick from. */
    public void test() {
        draft().ifPresent(draft -> run(() -> service.test(draft), this::tested));
    }

    /**
     * Tests the Airbyte the fields describe and, when it answers, saves them as the business's
     * settings; when it cannot be reached or refuses Onramp, says why and offers
     * {@link #saveAnyway()} instead of saving.
     */
    public void save() {
        saveAnywayOffered.set(false);
        draft().ifPresent(draft -> run(() -> service.saveIfItAnswers(tenant, draft),
                failedTest -> failedTest.ifPresentOrElse(this::offerSavingAnyway, () -> onSaved(draft))));
    }

    /** Saves the fields as they are, after a test that failed: for an Airbyte that is down now, or not reachable from here yet. */
    public void saveAnyway() {
        saveAnywayOffered.set(false);
        draft().ifPresent(draft -> run(() -> {
            service.save(tenant, draft);
            return draft;
        }, this::onSaved));
    }

    private void offerSavingAnyway(String why) {
        problem.set(true);
        status.set(UiText.get("ui.settings.saveAnyway.offer", why));
        saveAnywayOffered.set(true);
    }

    private void show(AirbyteSettings settings) {
        stored = settings;
        status.set("");
        switch (settings) {
            case Demo demo -> target.set(Target.DEMO);
            case SelfManaged selfManaged -> {
                target.set(Target.SELF_MANAGED);
                url.set(selfManaged.url().toString());
                selfManaged.login().ifPresent(kept -> {
                    login.set(kept instanceof Basic ? Login.BASIC : Login.CLIENT_CREDENTIALS);
                    loginName.set(kept instanceof Basic basic ? basic.username() : ((ClientCredentials) kept).clientId());
                    secretHint.set(UiText.get("ui.settings.secret.kept"));
                });
            }
            case Cloud cloud -> {
                target.set(Target.CLOUD);
                cloudClientId.set(cloud.clientId());
                workspace.set(new AirbyteWorkspace(cloud.workspaceId(), cloud.workspaceId()));
                relayUrl.set(cloud.relayUrl().toString());
                secretHint.set(UiText.get("ui.settings.secret.kept"));
            }
        }
    }

    private void tested(List<AirbyteWorkspace> found) {
        workspaces.setAll(found);
        Optional<AirbyteWorkspace> current = Optional.ofNullable(workspace.get())
                .flatMap(chosen -> found.stream().filter(w -> w.id().equals(chosen.id())).findFirst());
        workspace.set(current.orElse(found.isEmpty() ? workspace.get() : found.getFirst()));
        status.set(UiText.get("ui.settings.tested", found.size()));
    }

    private void onSaved(AirbyteSettings draft) {
        stored = draft;
        status.set(UiText.get("ui.settings.saved"));
        saved.set(true);
        onSaved.run();
    }

    /**
     * The settings the fields describe; empty, with the reason shown, when a field is wrong. The window names
     * an address field in its own words; the sentence around that name is the core's.
     */
    private Optional<AirbyteSettings> draft() {
        try {
            return Optional.of(switch (target.get()) {
                case DEMO -> new Demo();
                case SELF_MANAGED -> new SelfManaged(
                        WebAddress.parse(url.get(), UiText.get("ui.settings.address.selfManaged")).uri(), selfManagedLogin());
                case CLOUD -> new Cloud(stored instanceof Cloud cloud ? cloud.apiBase() : Cloud.AIRBYTE_CLOUD,
                        cloudClientId.get().strip(),
                        secretOrStored(cloudClientSecret.get(), cloudClientId.get().strip()),
                        Optional.ofNullable(workspace.get()).map(AirbyteWorkspace::id).orElse(""),
                        relayUrl.get().isBlank() ? URI.create("")
                                : WebAddress.parse(relayUrl.get(), UiText.get("ui.settings.address.relay")).uri());
            });
        } catch (RuntimeException e) {
            fail(e);
            return Optional.empty();
        }
    }

    private Optional<AirbyteSettings.Login> selfManagedLogin() {
        String name = loginName.get().strip();
        return switch (login.get()) {
            case NONE -> Optional.empty();
            case BASIC -> Optional.of(new Basic(name, secretOrStored(loginSecret.get(), name)));
            case CLIENT_CREDENTIALS -> Optional.of(new ClientCredentials(name, secretOrStored(loginSecret.get(), name)));
        };
    }

    /** The typed secret, or the stored one when nothing was typed and it belongs to the same login. */
    private String secretOrStored(String typed, String identity) {
        if (!typed.isEmpty()) {
            return typed;
        }
        return switch (stored) {
            case Cloud cloud when target.get() == Target.CLOUD && cloud.clientId().equals(identity) -> cloud.clientSecret();
            case SelfManaged selfManaged when target.get() == Target.SELF_MANAGED -> selfManaged.login()
                    .filter(kept -> kept instanceof Basic basic ? login.get() == Login.BASIC && basic.username().equals(identity)
                            : login.get() == Login.CLIENT_CREDENTIALS
                                    && ((ClientCredentials) kept).clientId().equals(identity))
                    .map(AirbyteSettings.Login::secret).orElse("");
            default -> "";
        };
    }

    /** Runs {@code work} in the background and hands its result to {@code done}, or shows why it failed. */
    private <T> void run(Supplier<T> work, Consumer<T> done) {
        busy.set(true);
        problem.set(false);
        status.set("");
        CompletableFuture.supplyAsync(work, background).whenCompleteAsync((result, failure) -> {
            busy.set(false);
            if (failure != null) {
                fail(failure);
            } else {
                done.accept(result);
            }
        }, fx);
    }

    private void fail(Throwable failure) {
        problem.set(true);
        status.set(Failures.message(failure));
    }

    public ObjectProperty<Target> targetProperty() {
        return target;
    }

    /** The self-managed Airbyte's address, e.g. http://localhost:8000. */
    public StringProperty urlProperty() {
        return url;
    }

    public ObjectProperty<Login> loginProperty() {
        return login;
    }

    /** The user name or client id Onramp signs in to a self-managed Airbyte with. */
    public StringProperty loginNameProperty() {
        return loginName;
    }

    /** The password or client secret to store; blank keeps the stored one. */
    public StringProperty loginSecretProperty() {
        return loginSecret;
    }

    public StringProperty cloudClientIdProperty() {
        return cloudClientId;
    }

    /** The Cloud application's client secret to store; blank keeps the stored one. */
    public StringProperty cloudClientSecretProperty() {
        return cloudClientSecret;
    }

    /** The Cloud workspace connections go to, picked from {@link #workspaces()} or typed as an id. */
    public ObjectProperty<AirbyteWorkspace> workspaceProperty() {
        return workspace;
    }

    /** The workspaces the last test found. */
    public ObservableList<AirbyteWorkspace> workspaces() {
        return workspaces;
    }

    /** The https address where the relay page is hosted. */
    public StringProperty relayUrlProperty() {
        return relayUrl;
    }

    /** True while loading, testing or saving. */
    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    /** The outcome of the last test or save, or what is wrong, as a sentence. */
    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }

    /** True when {@link #statusProperty()} says what is wrong. */
    public ReadOnlyBooleanProperty problemProperty() {
        return problem.getReadOnlyProperty();
    }

    /** True after Save found the Airbyte unreachable or refusing: "Save anyway" then applies. */
    public ReadOnlyBooleanProperty saveAnywayOfferedProperty() {
        return saveAnywayOffered.getReadOnlyProperty();
    }

    /** Becomes true once the settings are saved. */
    public ReadOnlyBooleanProperty savedProperty() {
        return saved.getReadOnlyProperty();
    }

    /** The prompt of secret fields: says a secret is stored when there is one. */
    public ReadOnlyStringProperty secretHintProperty() {
        return secretHint.getReadOnlyProperty();
    }
}
