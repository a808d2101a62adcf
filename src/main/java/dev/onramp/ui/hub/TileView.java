package dev.onramp.ui.hub;

import static dev.onramp.ui.common.Visibility.showWhen;

import dev.onramp.catalog.Logos;
import atlantafx.base.theme.Styles;
import dev.onramp.ui.common.Icons;
import dev.onramp.ui.common.ProviderLogo;
import dev.onramp.ui.common.UiText;
import javafx.beans.binding.Bindings;
import javafx.beans.value.ChangeListener;
import javafx.beans.value.ObservableValue;
import javafx.css.PseudoClass;
import javafx.geometry.Pos;
import javafx.scene.Node;
import java.util.List;
import javafx.scene.AccessibleRole;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Control;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.feather.Feather;

/** A provider card in the hub: name, category, summary, recommendation, and its connection. */
final class TileView {
    private static final double LOGO = 28;
    private static final String RANK = "onramp.tile.button-rank";
    private static final PseudoClass PROBLEM = PseudoClass.getPseudoClass("problem");

    private final VBox root;

    TileView(TileModel model, TileActions actions) {
        // What a tile never shows is not made at all: the hub's first frame lays out every tile.
        Label category = new Label(CategoryWords.of(model.category()));
        category.getStyleClass().add("tile-category");
        Region gap = new Region();
        HBox.setHgrow(gap, Priority.ALWAYS);
        Node logo = ProviderLogo.of(Logos.of(model.provider().sourceType()), Logos.monogram(model.name()), LOGO);
        HBox top = new HBox(8, logo, category, gap);
        top.setAlignment(Pos.CENTER_LEFT);
        root = new VBox(6, top, wrapping(model.name(), "tile-name"), wrapping(model.summary(), "tile-summary"));
        if (model.recommended()) {
            Label badge = new Label(UiText.get("ui.hub.tile.badge"));
            badge.getStyleClass().add("badge");
            badge.setMinWidth(Region.USE_PREF_SIZE);
            top.getChildren().add(badge);
            root.getChildren().add(wrapping(model.recommendedReason(), "tile-reason"));
        }
        Region fill = new Region();
        VBox.setVgrow(fill, Priority.ALWAYS);
        root.getChildren().add(fill);
        if (!model.credentialsNote().isEmpty()) {
            root.getChildren().add(wrapping(model.credentialsNote(), "tile-note"));
        }
        if (!model.alternativeLink().isEmpty()) {
            Hyperlink alternative = new Hyperlink(model.alternativeLink());
            alternative.getStyleClass().add("tile-alternative");
            alternative.setWrapText(true);
            alternative.setMinHeight(Region.USE_PREF_SIZE);
            alternative.setOnAction(e -> actions.connectWithCredentials(model));
            named(alternative, model.alternativeLink() + " (" + model.name() + ")", null);
            alternative.disableProperty().bind(model.connectableProperty().not());
            root.getChildren().add(alternative);
        }
        root.getChildren().add(statusDetail(model));
        root.getChildren().add(checkLine(model, actions));
        root.getChildren().add(footer(model, actions));
        whenFirstTrue(model.offersUpdateProperty(), () -> {
            Hyperlink update = new Hyperlink(UiText.get("ui.hub.tile.updateCredentials"));
            update.getStyleClass().add("tile-update-credentials");
            update.setTooltip(new Tooltip(UiText.get("ui.hub.tile.updateCredentials.help")));
            update.setOnAction(e -> actions.updateCredentials(model));
            named(update, UiText.get("ui.hub.tile.updateCredentials.accessible", model.name()),
                    update.getTooltip().getText());
            showWhen(update, model.offersUpdateProperty());
            root.getChildren().add(root.getChildren().size() - 1, update);
        });
        whenFirstTrue(model.connectedProperty(), () -> {
            Hyperlink another = new Hyperlink(UiText.get("ui.hub.tile.addAccount"));
            another.getStyleClass().add("tile-add-account");
            another.setTooltip(new Tooltip(UiText.get("ui.hub.tile.addAccount.help", model.name())));
            another.setOnAction(e -> actions.connect(model));
            named(another, UiText.get("ui.hub.tile.addAccount.accessible", model.name()),
                    another.getTooltip().getText());
            showWhen(another, model.connectedProperty());
            root.getChildren().add(root.getChildren().size() - 1, another);
        });
        whenFirstTrue(model.severalAccountsProperty(), () -> {
            ComboBox<String> accounts = new ComboBox<>(model.accounts());
            accounts.getStyleClass().add("tile-accounts");
            accounts.setAccessibleText(UiText.get("ui.hub.tile.accounts.accessible", model.name()));
            accounts.setMaxWidth(Double.MAX_VALUE);
            // The model's account is shown; a person's pick is the model's from then on.
            Runnable show = () -> accounts.setValue(model.shownAccountProperty().get());
            model.shownAccountProperty().subscribe(show);
            accounts.getItems().subscribe(show);
            accounts.valueProperty().subscribe(picked -> {
                if (picked != null && !picked.equals(model.shownAccountProperty().get())) {
                    model.showAccount(picked);
                }
            });
            showWhen(accounts, model.severalAccountsProperty());
            root.getChildren().add(root.getChildren().size() - 1, accounts);
        });
        whenFirstTrue(model.showsDisconnectRowProperty(),
                () -> root.getChildren().add(root.getChildren().size() - 1, disconnectRow(model, actions)));
        // The grid (TileList) gives the tile its width in the row; wrapped text gets the lines it needs at that width.
        root.getStyleClass().add("tile");
        root.setId("tile-" + model.provider().id());
        // A screen reader reads the tile as a whole, as it is now: name, category, why recommended, status.
        root.setAccessibleRole(AccessibleRole.LIST_ITEM);
        root.accessibleTextProperty().bind(Bindings.createStringBinding(() -> spoken(model), model.statusProperty()));
    }

    /**
     * "HubSpot, CRM, recommended: leads and deals for your sales team, Connected, 11 streams", from one
     * pattern of the window's language: the name, the category, whether (and why) recommended, and the status.
     */
    static String spoken(TileModel model) {
        int recommended = !model.recommended() ? 0 : model.recommendedReason().isBlank() ? 1 : 2;
        String status = model.statusProperty().get();
        return UiText.get("ui.hub.tile.spoken", model.name(), CategoryWords.of(model.category()), recommended,
                model.recommendedReason(), status.isBlank() ? 0 : 1, status.replace(" · ", ", "));
    }

    /** Names a control after what it acts on ("Connect HubSpot"), with help saying what it does. */
    private static <T extends Control> T named(T control, String name, String help) {
        control.setAccessibleText(name);
        if (help != null) {
            control.setAccessibleHelp(help);
        }
        return control;
    }

    /** What to do about a connection that is not connected, wrapped over the tile's width; made when first needed. */
    private static Label statusDetail(TileModel model) {
        Label detail = new Label();
        detail.getStyleClass().add("tile-status-detail");
        detail.setWrapText(true);
        detail.setMinHeight(Region.USE_PREF_SIZE);
        detail.textProperty().bind(model.statusDetailProperty());
        showWhen(detail, model.problemProperty());
        return detail;
    }

    /**
     * When the connection was last checked ("Checked 2 min ago", "Checking…") with Check now; empty,
     * and nothing made, until the tile has a connection.
     */
    private static HBox checkLine(TileModel model, TileActions actions) {
        HBox line = new HBox(8);
        line.setAlignment(Pos.CENTER_LEFT);
        line.getStyleClass().add("tile-check");
        showWhen(line, model.showsCheckedProperty());
        whenFirstTrue(model.showsCheckedProperty(), () -> {
            Label checked = new Label();
            checked.getStyleClass().add("tile-checked");
            checked.textProperty().bind(model.checkedProperty());
            checked.setMinWidth(Region.USE_PREF_SIZE);
            Tooltip hint = new Tooltip();
            hint.textProperty().bind(model.checkedHintProperty());
            hint.setWrapText(true);
            hint.setMaxWidth(420);
            checked.tooltipProperty().bind(model.checkedHintProperty().map(text -> text.isEmpty() ? null : hint));
            Hyperlink checkNow = new Hyperlink(UiText.get("ui.hub.tile.checkNow"));
            checkNow.getStyleClass().add("check-now");
            checkNow.setMinWidth(Region.USE_PREF_SIZE);
            checkNow.setOnAction(e -> actions.checkNow(model));
            named(checkNow, UiText.get("ui.hub.tile.checkNow.accessible", model.name()), null);
            checkNow.disableProperty().bind(model.checkableProperty().not());
            line.getChildren().setAll(checked, checkNow);
        });
        return line;
    }

    private static HBox footer(TileModel model, TileActions actions) {
        // While the connections are checked the status says so; the hub's header has the spinner.
        Label status = new Label();
        status.getStyleClass().add("tile-status");
        status.textProperty().bind(model.statusProperty());
        model.problemProperty().subscribe(problem -> status.pseudoClassStateChanged(PROBLEM, problem));
        // Its icon says the same as its colour: a tick when connected, a warning when something needs doing.
        status.graphicProperty().bind(Bindings.createObjectBinding(() -> statusIcon(model), model.problemProperty(),
                model.connectedProperty(), model.statusProperty()));
        // A tooltip brings a popup window of its own: it is made when the pointer first gets there.
        status.setOnMouseEntered(e -> {
            if (status.getTooltip() == null) {
                Tooltip full = new Tooltip();
                full.textProperty().bind(model.statusProperty());
                status.setTooltip(full);
            }
        });
        Region gap = new Region();
        HBox.setHgrow(gap, Priority.ALWAYS);

        HBox buttons = new HBox(8);
        buttons.setAlignment(Pos.CENTER_RIGHT);
        HBox footer = new HBox(8, status, gap, buttons);
        // The buttons are made the first time they apply: while the hub opens, no tile shows one.
        whenFirstTrue(model.connectedProperty(), () -> {
            Button streams = new Button(UiText.get("ui.hub.tile.streams"));
            streams.getStyleClass().add("streams-button");
            streams.setOnAction(e -> actions.showStreams(model));
            named(streams, UiText.get("ui.hub.streams.title", model.name()), UiText.get("ui.hub.tile.streams.help"));
            showWhen(streams, model.connectedProperty());
            place(buttons, streams, 0);
        });
        whenFirstTrue(model.offersReconnectProperty(), () -> {
            Button reconnect = new Button(UiText.get("ui.hub.tile.reconnect"));
            reconnect.getStyleClass().add("reconnect-button");
            reconnect.setTooltip(new Tooltip(UiText.get("ui.hub.tile.reconnect.help")));
            reconnect.setOnAction(e -> actions.reconnect(model));
            named(reconnect, UiText.get("ui.hub.tile.reconnect.accessible", model.name()),
                    reconnect.getTooltip().getText());
            showWhen(reconnect, model.offersReconnectProperty());
            place(buttons, reconnect, 1);
        });
        whenFirstTrue(model.offersConnectProperty(), () -> {
            Button connect = new Button(UiText.get("ui.hub.tile.connect"));
            connect.getStyleClass().addAll("connect-button", Styles.ACCENT);
            connect.setOnAction(e -> actions.connect(model));
            named(connect, UiText.get("ui.hub.tile.connect.accessible", model.name()), null);
            showWhen(connect, model.offersConnectProperty());
            place(buttons, connect, 2);
        });
        footer.setAlignment(Pos.CENTER_LEFT);
        footer.setMinHeight(32);
        return footer;
    }

    private static Node statusIcon(TileModel model) {
        if (model.statusProperty().get().isEmpty()) {
            return null;
        }
        if (model.problemProperty().get()) {
            return Icons.of(Feather.ALERT_TRIANGLE, "tile-status-icon");
        }
        return model.connectedProperty().get() ? Icons.of(Feather.CHECK_CIRCLE, "tile-status-icon") : null;
    }

    /**
     * The row above the buttons: a greyed note of the provider's disconnected connection ("Show
     * disconnected") and the Disconnect… link of its connection, each shown while it applies.
     */
    private static HBox disconnectRow(TileModel model, TileActions actions) {
        Label note = new Label();
        note.getStyleClass().add("tile-disconnected");
        note.textProperty().bind(model.disconnectedNoteProperty());
        showWhen(note, model.disconnectedNoteProperty().isNotEmpty());
        Region gap = new Region();
        HBox.setHgrow(gap, Priority.ALWAYS);
        Hyperlink disconnect = new Hyperlink(UiText.get("ui.hub.tile.disconnect"));
        disconnect.getStyleClass().add("disconnect-link");
        disconnect.setMinWidth(Region.USE_PREF_SIZE);
        disconnect.setOnAction(e -> actions.disconnect(model));
        String plain = UiText.get("ui.hub.tile.disconnect.accessible", model.name());
        disconnect.accessibleTextProperty().bind(model.shownAccountProperty().map(account -> account.isBlank()
                || account.equalsIgnoreCase(model.name()) ? plain
                : UiText.get("ui.hub.tile.disconnectAccount.accessible", model.name(), account))
                .orElse(plain));
        showWhen(disconnect, model.disconnectableProperty());
        HBox row = new HBox(8, note, gap, disconnect);
        row.setAlignment(Pos.CENTER_LEFT);
        return row;
    }

    /** Adds {@code button} where its {@code rank} puts it among the buttons made so far (Streams, Reconnect, Connect). */
    private static void place(HBox buttons, Button button, int rank) {
        button.getProperties().put(RANK, rank);
        button.setMinWidth(Region.USE_PREF_SIZE);
        int at = (int) buttons.getChildren().stream().filter(made -> (int) made.getProperties().get(RANK) < rank).count();
        buttons.getChildren().add(at, button);
    }

    /** Runs {@code make} once, as soon as {@code condition} holds (at once if it already does). */
    private static void whenFirstTrue(ObservableValue<Boolean> condition, Runnable make) {
        if (condition.getValue()) {
            make.run();
            return;
        }
        condition.addListener(new ChangeListener<>() {
            @Override
            public void changed(ObservableValue<? extends Boolean> value, Boolean was, Boolean is) {
                if (is) {
                    value.removeListener(this);
                    make.run();
                }
            }
        });
    }

    /** A label that wraps and always gets the height its whole text needs. */
    private static Label wrapping(String text, String styleClass) {
        Label label = new Label(text);
        label.getStyleClass().add(styleClass);
        label.setWrapText(true);
        label.setMinHeight(Region.USE_PREF_SIZE);
        return label;
    }

    /**
     * The button the keyboard lands on when it comes to the tile: Connect, else Reconnect, else Streams,
     * else the tile's first control that takes the focus; null when it has none.
     */
    static Node primary(Parent tile) {
        for (String button : List.of(".connect-button", ".reconnect-button", ".streams-button")) {
            Node found = tile.lookup(button);
            if (found != null && takesFocus(found)) {
                return found;
            }
        }
        return tile.lookupAll(".button, .hyperlink, .combo-box-base").stream().filter(TileView::takesFocus)
                .findFirst().orElse(null);
    }

    private static boolean takesFocus(Node node) {
        if (!node.isFocusTraversable() || node.isDisabled()) {
            return false;
        }
        for (Node at = node; at != null; at = at.getParent()) {
            if (!at.isVisible()) {
                return false;
            }
        }
        return true;
    }

    Parent root() {
        return root;
    }
}
