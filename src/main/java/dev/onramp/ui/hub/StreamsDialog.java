package dev.onramp.ui.hub;

import dev.onramp.ui.common.Styles;
import dev.onramp.ui.common.UiText;
import javafx.collections.FXCollections;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonBar.ButtonData;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.ListView;
import javafx.stage.Window;

/**
 * A small window listing the data streams of a connected provider; for a provider that signs in
 * through OAuth it offers Reconnect, for when the provider's access expired or was revoked, for a
 * connection made with typed credentials, Update credentials…, and Disconnect….
 */
final class StreamsDialog {
    private StreamsDialog() {}

    static void open(Window owner, TileModel tile, TileActions actions) {
        // The buttons are made with each dialog, in the window's language; the dialog tells them apart by identity.
        ButtonType reconnectType = new ButtonType(UiText.get("ui.hub.tile.reconnect"), ButtonData.LEFT);
        ButtonType updateType = new ButtonType(UiText.get("ui.hub.tile.updateCredentials"), ButtonData.LEFT);
        ButtonType disconnectType = new ButtonType(UiText.get("ui.hub.tile.disconnect"), ButtonData.LEFT);
        ButtonType renameType = new ButtonType(UiText.get("ui.hub.streams.rename"), ButtonData.LEFT);
        Dialog<ButtonType> dialog = new Dialog<>();
        dialog.initOwner(owner);
        dialog.setTitle(UiText.get("ui.hub.streams.title", tile.name()));
        int count = tile.streams().size();
        dialog.setHeaderText(tile.connection().map(c -> c.accountLabel()).filter(label -> !label.equals(tile.name()))
                .map(label -> UiText.get("ui.hub.streams.headerAccount", tile.name(), count, label))
                .orElseGet(() -> UiText.get("ui.hub.streams.header", tile.name(), count)));
        ListView<String> list = new ListView<>(FXCollections.observableArrayList(tile.streams()));
        list.setId("streams-list");
        list.setAccessibleText(UiText.get("ui.hub.streams.title", tile.name()));
        list.setPrefSize(360, 280);
        dialog.getDialogPane().setContent(list);
        if (tile.reconnectableProperty().get()) {
            dialog.getDialogPane().getButtonTypes().add(reconnectType);
            dialog.getDialogPane().lookupButton(reconnectType).setId("streams-reconnect");
        }
        if (tile.offersUpdateProperty().get()) {
            dialog.getDialogPane().getButtonTypes().add(updateType);
            Node update = dialog.getDialogPane().lookupButton(updateType);
            update.setId("streams-update-credentials");
            // Its longer words would widen every button of the bar to theirs.
            ButtonBar.setButtonUniformSize(update, false);
        }
        if (tile.disconnectableProperty().get()) {
            dialog.getDialogPane().getButtonTypes().add(disconnectType);
            dialog.getDialogPane().lookupButton(disconnectType).setId("streams-disconnect");
        }
        if (tile.connection().isPresent()) {
            dialog.getDialogPane().getButtonTypes().add(renameType);
            Node rename = dialog.getDialogPane().lookupButton(renameType);
            rename.setId("streams-rename");
            ButtonBar.setButtonUniformSize(rename, false);
        }
        dialog.getDialogPane().getButtonTypes().add(ButtonType.CLOSE);
        // Enter closes the list, as Escape does; the other buttons are reached with Tab.
        Button close = (Button) dialog.getDialogPane().lookupButton(ButtonType.CLOSE);
        close.setId("streams-close");
        close.setDefaultButton(true);
        dialog.setOnHidden(e -> {
            if (dialog.getResult() == reconnectType) {
                actions.reconnect(tile);
            } else if (dialog.getResult() == updateType) {
                actions.updateCredentials(tile);
            } else if (dialog.getResult() == disconnectType) {
                actions.disconnect(tile);
            } else if (dialog.getResult() == renameType) {
                actions.rename(tile);
            }
        });
        Styles.apply(dialog.getDialogPane());
        dialog.show();
    }
}
