package dev.onramp.ui.hub;

import static dev.onramp.ui.common.Visibility.showIf;
import static dev.onramp.ui.common.Visibility.showWhen;

import java.util.function.Consumer;
import javafx.geometry.Pos;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/** A provider card in the hub: name, category, summary, recommendation, and its connection. */
final class TileView {
    /** The width of every tile in the hub's grid. */
    static final double WIDTH = 320;

    private final VBox root;

    TileView(TileModel model, Consumer<TileModel> onConnect, Consumer<TileModel> onCredentials,
            Consumer<TileModel> onStreams, Consumer<TileModel> onReconnect) {
        Label category = new Label(model.category());
        category.getStyleClass().add("tile-category");
        Label badge = new Label("Recommended");
        badge.getStyleClass().add("badge");
        badge.setMinWidth(Region.USE_PREF_SIZE);
        showIf(badge, model.recommended());
        Region gap = new Region();
        HBox.setHgrow(gap, Priority.ALWAYS);
        HBox top = new HBox(8, category, gap, badge);
        top.setAlignment(Pos.CENTER_LEFT);

        Label name = wrapping(model.name(), "tile-name");
        Label summary = wrapping(model.summary(), "tile-summary");
        Label reason = wrapping(model.recommendedReason(), "tile-reason");
        showIf(reason, model.recommended());
        Label note = wrapping(model.credentialsNote(), "tile-note");
        showIf(note, !model.credentialsNote().isEmpty());
        Hyperlink alternative = new Hyperlink(model.alternativeLink());
        alternative.getStyleClass().add("tile-alternative");
        alternative.setWrapText(true);
        alternative.setMinHeight(Region.USE_PREF_SIZE);
        alternative.setOnAction(e -> onCredentials.accept(model));
        showIf(alternative, !model.alternativeLink().isEmpty());
        alternative.disableProperty().bind(model.connectableProperty().not());

        Region fill = new Region();
        VBox.setVgrow(fill, Priority.ALWAYS);
        root = new VBox(6, top, name, summary, reason, fill, note, alternative, footer(model, onConnect, onStreams, onReconnect));
        // The grid sizes tiles by their height at their preferred width: at the tile's own width,
        // wrapped text gets the lines it needs.
        root.setPrefWidth(WIDTH);
        root.getStyleClass().add("tile");
        root.setId("tile-" + model.provider().id());
    }

    private static HBox footer(TileModel model, Consumer<TileModel> onConnect, Consumer<TileModel> onStreams,
            Consumer<TileModel> onReconnect) {
        ProgressIndicator checking = new ProgressIndicator();
        checking.setPrefSize(16, 16);
        showWhen(checking, model.checkingProperty());
        Label status = new Label();
        status.getStyleClass().add("tile-status");
        status.textProperty().bind(model.statusProperty());
        status.setTooltip(new Tooltip());
        status.getTooltip().textProperty().bind(model.statusProperty());
        Region gap = new Region();
        HBox.setHgrow(gap, Priority.ALWAYS);

        Button streams = new Button("Streams");
        streams.getStyleClass().add("streams-button");
        streams.setOnAction(e -> onStreams.accept(model));
        showWhen(streams, model.connectedProperty());
        Button reconnect = new Button("Reconnect");
        reconnect.getStyleClass().add("reconnect-button");
        reconnect.setTooltip(new Tooltip("Sign in again when the provider's access expired or was revoked"));
        reconnect.setOnAction(e -> onReconnect.accept(model));
        // A working connection offers Reconnect in its streams dialog; one that needs it, here.
        showWhen(reconnect, model.reconnectableProperty().and(model.connectedProperty().not()));
        Button connect = new Button("Connect");
        connect.getStyleClass().addAll("connect-button", "accent");
        connect.setOnAction(e -> onConnect.accept(model));
        showWhen(connect, model.connectableProperty().and(model.reconnectableProperty().not()));

        HBox footer = new HBox(8, checking, status, gap, streams, reconnect, connect);
        footer.setAlignment(Pos.CENTER_LEFT);
        footer.setMinHeight(32);
        return footer;
    }

    /** A label that wraps and always gets the height its whole text needs. */
    private static Label wrapping(String text, String styleClass) {
        Label label = new Label(text);
        label.getStyleClass().add(styleClass);
        label.setWrapText(true);
        label.setMinHeight(Region.USE_PREF_SIZE);
        return label;
    }

    Parent root() {
        return root;
    }
}
