package dev.onramp.ui.hub;

import dev.onramp.business.DemoAirbyte;
import dev.onramp.model.Connection;
import dev.onramp.model.ConnectionStatus;
import dev.onramp.model.Tenant;
import dev.onramp.model.TenantId;
import dev.onramp.ui.common.Failures;
import dev.onramp.ui.common.UiText;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;

/**
 * The Demo menu's state: plays, on one of the chosen business's connections, what happens to a source in
 * a real Airbyte behind Onramp's back (a revoked sign-in, a failing provider, a deleted source), so that
 * the next check shows how Onramp copes. The connections are read and the simulator is called on
 * {@code background}; the dialogs are asked for on {@code fx}.
 */
public final class DemoMenuModel {
    /** What the menu can do to a source, with the words its menu item and dialogs use, in the window's language. */
    public enum Action {
        REVOKE_SIGN_IN,
        BREAK_SOURCE,
        DELETE_SOURCE;

        public String menuText() {
            return switch (this) {
                case REVOKE_SIGN_IN -> UiText.get("ui.hub.demoMenu.revoke.menu");
                case BREAK_SOURCE -> UiText.get("ui.hub.demoMenu.break.menu");
                case DELETE_SOURCE -> UiText.get("ui.hub.demoMenu.deleteSource.menu");
            };
        }

        public String title() {
            return switch (this) {
                case REVOKE_SIGN_IN -> UiText.get("ui.hub.demoMenu.revoke.title");
                case BREAK_SOURCE -> UiText.get("ui.hub.demoMenu.break.title");
                case DELETE_SOURCE -> UiText.get("ui.hub.demoMenu.deleteSource.title");
            };
        }

        public String question() {
            return switch (this) {
                case REVOKE_SIGN_IN -> UiText.get("ui.hub.demoMenu.revoke.question");
                case BREAK_SOURCE -> UiText.get("ui.hub.demoMenu.break.question");
                case DELETE_SOURCE -> UiText.get("ui.hub.demoMenu.deleteSource.question");
            };
        }
    }

    /** One connection offered in the dialog, shown by its provider's name and account. */
    public record Choice(Connection connection, String label) {
        @Override
        public String toString() {
            return label;
        }
    }

    /** The dialogs the menu asks for; the view opens them over the window, without waiting for them. */
    public interface Dialogs {
        /** Asks which of {@code choices} to act on; {@code chosen} hears the answer, and nothing when cancelled. */
        void choose(Action action, List<Choice> choices, Consumer<Choice> chosen);

        /** Says what happened, as a sentence. */
        void tell(Action action, String message);
    }

    private final Supplier<Tenant> chosenTenant;
    private final Function<TenantId, List<Connection>> connections;
    private final Function<String, String> providerName;
    private final DemoAirbyte airbyte;
    private final Executor background;
    private final Executor fx;
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(this, "busy", false);

    /**
     * @param chosenTenant the business the hub shows, or null before one is chosen
     * @param connections  the business's connections; blocks
     * @param providerName a provider's name by its id
     */
    public DemoMenuModel(Supplier<Tenant> chosenTenant, Function<TenantId, List<Connection>> connections,
            Function<String, String> providerName, DemoAirbyte airbyte, Executor background, Executor fx) {
        this.chosenTenant = Objects.requireNonNull(chosenTenant, "chosenTenant");
        this.connections = Objects.requireNonNull(connections, "connections");
        this.providerName = Objects.requireNonNull(providerName, "providerName");
        this.airbyte = Objects.requireNonNull(airbyte, "airbyte");
        this.background = Objects.requireNonNull(background, "background");
        this.fx = Objects.requireNonNull(fx, "fx");
    }

    /** Reads the chosen business's connections, asks which one to act on, acts, and says what it did. */
    public void start(Action action, Dialogs dialogs) {
        Tenant tenant = chosenTenant.get();
        if (tenant == null || busy.get()) {
            return;
        }
        busy.set(true);
        CompletableFuture.supplyAsync(() -> choices(tenant), background).whenCompleteAsync((choices, failure) -> {
            busy.set(false);
            if (failure != null) {
                dialogs.tell(action, UiText.get("ui.hub.demoMenu.unreadable", tenant.name(),
                        Failures.message(failure)));
            } else if (choices.isEmpty()) {
                dialogs.tell(action, UiText.get("ui.hub.demoMenu.noConnections", tenant.name()));
            } else {
                dialogs.choose(action, choices, chosen -> act(action, chosen, dialogs));
            }
        }, fx);
    }

    private List<Choice> choices(Tenant tenant) {
        return connections.apply(tenant.id()).stream()
                .filter(connection -> connection.status() != ConnectionStatus.DISCONNECTED)
                .map(connection -> new Choice(connection, label(connection)))
                .toList();
    }

    /** The provider, its account when that says more, and the start of the source's id, which Airbyte shows too. */
    private String label(Connection connection) {
        String name = providerName.apply(connection.providerId());
        String account = connection.accountLabel().strip();
        String shortId = connection.sourceId().length() > 8 ? connection.sourceId().substring(0, 8) : connection.sourceId();
        return account.isEmpty() || account.equalsIgnoreCase(name)
                ? UiText.get("ui.hub.demoMenu.choice", name, shortId)
                : UiText.get("ui.hub.demoMenu.choiceAccount", name, account, shortId);
    }

    private void act(Action action, Choice chosen, Dialogs dialogs) {
        busy.set(true);
        String sourceId = chosen.connection().sourceId();
        String name = providerName.apply(chosen.connection().providerId());
        CompletableFuture.supplyAsync(() -> switch (action) {
            case REVOKE_SIGN_IN -> airbyte.revokeSignIn(sourceId)
                    ? UiText.get("ui.hub.demoMenu.revoked", name)
                    : UiText.get("ui.hub.demoMenu.typedKey", name, Action.BREAK_SOURCE.title());
            case BREAK_SOURCE -> {
                airbyte.failNextTest(sourceId);
                yield UiText.get("ui.hub.demoMenu.broken", name);
            }
            case DELETE_SOURCE -> {
                airbyte.deleteSource(sourceId);
                yield UiText.get("ui.hub.demoMenu.deleted", name);
            }
        }, background).whenCompleteAsync((message, failure) -> {
            busy.set(false);
            dialogs.tell(action, failure == null ? message : Failures.message(failure));
        }, fx);
    }

    /** True while the connections are read or the simulator is called; the menu's items wait. */
    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }
}
