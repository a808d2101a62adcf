package dev.onramp.ui.settings;

import dev.onramp.business.RedirectService;
import dev.onramp.model.RedirectSettings;
import dev.onramp.model.RedirectSettings.Host;
import dev.onramp.model.TenantId;
import dev.onramp.ui.common.Failures;
import dev.onramp.ui.common.UiText;
import java.net.URI;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * The sign-in redirect of one business as the window shows and edits it: host, ports, whether it is
 * the business's own or the default for every business, and the URIs an operator registers.
 */
public final class RedirectModel {
    private final TenantId tenant;
    private final String businessName;
    private final RedirectService service;
    private final Executor background;
    private final Executor fx;

    private final ObjectProperty<Host> host = new SimpleObjectProperty<>(this, "host", Host.IPV4);
    private final BooleanProperty anyPort = new SimpleBooleanProperty(this, "anyPort", false);
    private final StringProperty port = new SimpleStringProperty(this, "port", String.valueOf(RedirectSettings.DEFAULT_PORT));
    private final StringProperty portCount = new SimpleStringProperty(this, "portCount",
            String.valueOf(RedirectSettings.DEFAULT_PORT_COUNT));
    private final BooleanProperty everyBusiness = new SimpleBooleanProperty(this, "everyBusiness", false);
    private final ReadOnlyStringWrapper summary = new ReadOnlyStringWrapper(this, "summary", "");
    private final ReadOnlyStringWrapper preview = new ReadOnlyStringWrapper(this, "preview", "");
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper(this, "status", "");
    private final ReadOnlyBooleanWrapper problem = new ReadOnlyBooleanWrapper(this, "problem", false);
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(this, "busy", true);
    private final ReadOnlyBooleanWrapper saved = new ReadOnlyBooleanWrapper(this, "saved", false);
    private volatile RedirectSettings effective = RedirectSettings.DEFAULT;

    public RedirectModel(TenantId tenant, String businessName, RedirectService service, Executor background,
            Executor fx) {
        this.tenant = Objects.requireNonNull(tenant, "tenant");
        this.businessName = Objects.requireNonNull(businessName, "businessName");
        this.service = Objects.requireNonNull(service, "service");
        this.background = Objects.requireNonNull(background, "background");
        this.fx = Objects.requireNonNull(fx, "fx");
        host.subscribe(this::refreshPreview);
        anyPort.subscribe(this::refreshPreview);
        port.subscribe(this::refreshPreview);
        portCount.subscribe(this::refreshPreview);
    }

    public String businessName() {
        return businessName;
    }

    /** Loads the redirect the business uses now into the fields and the summary. */
    public void load() {
        run(() -> new Loaded(service.effective(tenant), service.own(tenant).isPresent()), this::show);
    }

    /** Saves the fields as the business's own redirect, or as the default for every business. */
    public void save() {
        draft().ifPresent(draft -> {
            boolean forEveryBusiness = everyBusiness.get();
            run(() -> {
                if (forEveryBusiness) {
                    service.saveDefault(draft);
                } else {
                    service.save(tenant, draft);
                }
                return new Loaded(service.effective(tenant), service.own(tenant).isPresent());
            }, loaded -> {
                show(loaded);
                status.set(draft.anyPort() ? UiText.get("ui.settings.redirect.saved.anyPort")
                        : UiText.get("ui.settings.redirect.saved", draft.portCount()));
                saved.set(true);
            });
        });
    }

    /** The URIs of the redirect in use, one per line, as Copy puts them on the clipboard. */
    public String clipboardText() {
        RedirectSettings now = effective;
        return now.anyPort() ? UiText.render(now.text())
                : now.registrableUris().stream().map(URI::toString).collect(Collectors.joining("\n"));
    }

    private void show(Loaded loaded) {
        effective = loaded.settings();
        RedirectSettings settings = loaded.settings();
        host.set(settings.host());
        anyPort.set(settings.anyPort());
        port.set(settings.anyPort() ? String.valueOf(RedirectSettings.DEFAULT_PORT) : String.valueOf(settings.firstPort()));
        portCount.set(settings.anyPort() ? String.valueOf(RedirectSettings.DEFAULT_PORT_COUNT)
                : String.valueOf(settings.portCount()));
        everyBusiness.set(!loaded.own());
        summary.set(loaded.own() ? UiText.get("ui.settings.redirect.summary.own", UiText.render(settings.text()))
                : UiText.get("ui.settings.redirect.summary.default", UiText.render(settings.text())));
        status.set("");
        problem.set(false);
    }

    private void refreshPreview() {
        try {
            RedirectSettings draft = parse();
            preview.set(draft.anyPort()
                    ? UiText.get("ui.settings.redirect.preview.anyPort", UiText.render(draft.text()))
                    : draft.registrableUris().stream().map(URI::toString).collect(Collectors.joining("\n")));
        } catch (RuntimeException e) {
            preview.set(e.getMessage());
        }
    }

    private RedirectSettings parse() {
        return RedirectSettings.parse(host.get().text(), anyPort.get() ? "any" : port.get(),
                anyPort.get() ? "" : portCount.get());
    }

    private Optional<RedirectSettings> draft() {
        try {
            return Optional.of(parse());
        } catch (RuntimeException e) {
            problem.set(true);
            status.set(Failures.message(e));
            return Optional.empty();
        }
    }

    private <T> void run(Supplier<T> work, Consumer<T> done) {
        busy.set(true);
        problem.set(false);
        status.set("");
        CompletableFuture.supplyAsync(work, background).whenCompleteAsync((result, failure) -> {
            busy.set(false);
            if (failure != null) {
                problem.set(true);
                status.set(Failures.message(failure));
            } else {
                done.accept(result);
            }
        }, fx);
    }

    /** What {@link #load()} finds: the redirect in use and whether it is the business's own. */
    private record Loaded(RedirectSettings settings, boolean own) {}

    public ObjectProperty<Host> hostProperty() {
        return host;
    }

    /** True for any free port: nothing to register, for Desktop-type OAuth apps only. */
    public BooleanProperty anyPortProperty() {
        return anyPort;
    }

    public StringProperty portProperty() {
        return port;
    }

    public StringProperty portCountProperty() {
        return portCount;
    }

    /** True to save the default for every business without its own; false for this business alone. */
    public BooleanProperty everyBusinessProperty() {
        return everyBusiness;
    }

    /** The redirect in use in a few words, and whose it is. */
    public ReadOnlyStringProperty summaryProperty() {
        return summary.getReadOnlyProperty();
    }

    /** The URIs the fields describe, one per line, or why the fields are wrong. */
    public ReadOnlyStringProperty previewProperty() {
        return preview.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }

    /** True when {@link #statusProperty()} says what is wrong. */
    public ReadOnlyBooleanProperty problemProperty() {
        return problem.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    /** Turns true once a save went through. */
    public ReadOnlyBooleanProperty savedProperty() {
        return saved.getReadOnlyProperty();
    }
}
