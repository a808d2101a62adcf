package dev.onramp.ui.hub;

import dev.onramp.ui.common.Styles;
import javafx.collections.FXCollections;
import javafx.scene.Node;
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
    static final ButtonType RECONNECT = new ButtonType("Reconnect", ButtonData.LEFT);
    static final ButtonType UPDATE_CREDENTIALS = new ButtonType("Update credentials…", ButtonData.LEFT);
    static final ButtonType DISCONNECT = new ButtonType("Disconnect…", ButtonData.LEFT);
    static final ButtonType RENAME = new ButtonType("Rename…", ButtonData.LEFT);

    private StreamsDialog() {}

    static void open(Window owner, TileModel tile, TileActions actions) {
        Dialog<ButtonType> dialog = new Dialog<>();
        dialog.initOwner(owner);
        dialog.setTitle(tile.name() + " streams");
        int count = tile.streams().size();
        String account = tile.connection().map(c -> c.accountLabel()).filter(label -> !label.equals(tile.name()))
                .map(label -> " (account " + label + ")").orElse("");
        dialog.setHeaderText(tile.name() + account + " offers " + count + (count == 1 ? " data stream" : " data streams"));
        ListView<String> list = new ListView<>(FXCollections.observableArrayList(tile.streams()));
        list.setId("streams-list");
        list.setAccessibleText(tile.name() + " streams");
        list.setPrefSize(360, 280);
        dialog.getDialogPane().setContent(list);
        if (tile.reconnectableProperty().get()) {
            dialog.getDialogPane().getButtonTypes().add(RECONNECT);
            dialog.getDialogPane().lookupButton(RECONNECT).setId("streams-reconnect");
        }
        if (tile.offersUpdateProperty().get()) {
            dialog.getDialogPane().getButtonTypes().add(UPDATE_CREDENTIALS);
            Node update = dialog.getDialogPane().lookupButton(UPDATE_CREDENTIALS);
            update.setId("streams-update-credentials");
            // Its longer words would widen every button of the bar to theirs.
            ButtonBar.setButtonUniformSize(update, false);
        }
        if (tile.disconnectableProperty().get()) {
            dialog.getDialogPane().getButtonTypes().add(DISCONNECT);
            dialog.getDialogPane().lookupButton(DISCONNECT).setId("streams-disconnect");
        }
        if (tile.connection().isPresent()) {
            dialog.getDialogPane().getButtonTypes().add(RENAME);
            Node rename = dialog.getDialogPane().lookupButton(RENAME);
            rename.setId("streams-rename");
            ButtonBar.setButtonUniformSize(rename, false);
        }
        dialog.getDialogPane().getButtonTypes().add(ButtonType.CLOSE);
        dialog.setOnHidden(e -> {
            if (dialog.getResult() == RECONNECT) {
                actions.reconnect(tile);
            } else if (dialog.getResult() == UPDATE_CREDENTIALS) {
                actions.updateCredentials(tile);
            } else if (dialog.getResult() == DISCONNECT) {
                actions.disconnect(tile);
            } else if (dialog.getResult() == RENAME) {
                actions.rename(tile);
            }
        });
        Styles.apply(dialog.getDialogPane());
        dialog.show();
    }
}
