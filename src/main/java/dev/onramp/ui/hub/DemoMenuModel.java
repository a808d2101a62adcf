package dev.onramp.ui.hub;

import dev.onramp.business.DemoAirbyte;
import dev.onramp.model.Connection;
import dev.onramp.model.ConnectionStatus;
import dev.onramp.model.Tenant;
import dev.onramp.model.TenantId;
import dev.onramp.ui.common.Failures;
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
    /** What the menu can do to a source, with the words its menu item and dialogs use. */
    public enum Action {
        REVOKE_SIGN_IN("Revoke a sign-in…", "Revoke a sign-in",
                "Which connection's sign-in does the provider revoke?"),
        BREAK_SOURCE("Break a source…", "Break a source",
                "Which connection's provider fails its next test?"),
        DELETE_SOURCE("Delete a source in Airbyte…", "Delete a source in Airbyte",
                "Which connection's source is deleted in Airbyte, behind Onramp's back?");

        private final String menuText;
        private final String title;
        private final String question;

        Action(String menuText, String title, String question) {
            this.menuText = menuText;
            this.title = title;
            this.question = question;
        }

        public String menuText() {
            return menuText;
        }

        public String title() {
            return title;
        }

        public String question() {
            return question;
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
                dialogs.tell(action, "Onramp could not read the connections of " + tenant.name() + ": "
                        + Failures.message(failure));
            } else if (choices.isEmpty()) {
                dialogs.tell(action, tenant.name() + " has no connections yet: connect a provider first, then play"
                        + " this on it.");
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
        return name + (account.isEmpty() || account.equalsIgnoreCase(name) ? "" : " (" + account + ")")
                + " · source " + shortId + "…";
    }

    private void act(Action action, Choice chosen, Dialogs dialogs) {
        busy.set(true);
        String sourceId = chosen.connection().sourceId();
        String name = providerName.apply(chosen.connection().providerId());
        CompletableFuture.supplyAsync(() -> switch (action) {
            case REVOKE_SIGN_IN -> airbyte.revokeSignIn(sourceId)
                    ? name + "'s sign-in was revoked at the provider: the next check says it needs reconnecting,"
                            + " and Reconnect signs it in again."
                    : name + " was connected with a typed key, not a sign-in, so there is nothing to revoke: try"
                            + " Break a source instead.";
            case BREAK_SOURCE -> {
                airbyte.failNextTest(sourceId);
                yield name + "'s provider fails the next test of its source (HTTP 500): the next check says it is"
                        + " failing, and the one after that finds it working again.";
            }
            case DELETE_SOURCE -> {
                airbyte.deleteSource(sourceId);
                yield name + "'s source was deleted in Airbyte: the next check says it is missing there, and"
                        + " Connect makes a new one.";
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
