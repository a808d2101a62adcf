package dev.onramp.ui.hub;

import static dev.onramp.ui.common.Visibility.showWhen;

import dev.onramp.ui.common.Announcer;
import dev.onramp.ui.common.StepRow;
import dev.onramp.ui.common.Styles;
import dev.onramp.ui.common.UiText;
import dev.onramp.ui.common.Visibility;
import dev.onramp.ui.common.Failures;
import javafx.beans.binding.Bindings;
import dev.onramp.ui.hub.DisconnectModel.Phase;
import javafx.beans.binding.BooleanBinding;
import javafx.geometry.Pos;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.Modality;
import javafx.stage.Stage;
import javafx.stage.Window;
import javafx.util.Subscription;

/**
 * Asks before disconnecting a connection, naming its account; shows the disconnect's step while it
 * runs and how it ended; when Airbyte could not delete the source, offers "Remove from Onramp only"
 * as a second, explicit choice beside Cancel.
 */
final class DisconnectDialog {
    private final DisconnectModel model;
    private final Stage stage = new Stage();
    private Runnable openSettings = () -> { };
    private final BooleanBinding confirming;
    private final BooleanBinding running;
    private final BooleanBinding disconnected;
    private final BooleanBinding failed;

    private DisconnectDialog(Window owner, DisconnectModel model) {
        this.model = model;
        this.confirming = model.phaseProperty().isEqualTo(Phase.CONFIRMING);
        this.running = model.phaseProperty().isEqualTo(Phase.RUNNING);
        this.disconnected = model.phaseProperty().isEqualTo(Phase.DISCONNECTED);
        this.failed = model.phaseProperty().isEqualTo(Phase.FAILED);
        stage.initOwner(owner);
        stage.initModality(Modality.WINDOW_MODAL);
        stage.setTitle(model.title());
        VBox root = layout();
        Announcer announcer = Announcer.in(root);
        Scene scene = new Scene(root);
        Styles.apply(scene);
        stage.setScene(scene);
        // A disconnect under way cannot be stopped half-way: the window stays until it has ended.
        stage.setOnCloseRequest(e -> {
            if (running.get()) {
                e.consume();
            }
        });
        Subscription subscriptions = Subscription.combine(
                model.phaseProperty().subscribe(phase -> stage.sizeToScene()),
                model.messageProperty().subscribe(text -> stage.sizeToScene()),
                // How the disconnect ended, for a screen reader.
                announcer.follow(model.messageProperty()));
        stage.setOnHidden(e -> subscriptions.unsubscribe());
    }

    /**
     * Opens the dialog over {@code owner}, asking first; nothing runs until the person confirms.
     * When Airbyte could not be reached, {@code openSettings} is offered beside the other choices.
     */
    static void open(Window owner, DisconnectModel model, Runnable openSettings) {
        DisconnectDialog dialog = new DisconnectDialog(owner, model);
        dialog.openSettings = openSettings;
        dialog.stage.show();
    }

    private VBox layout() {
        Label title = new Label(model.title());
        title.getStyleClass().add("dialog-title");

        Label question = wrapping(model.question());
        question.setId("disconnect-question");
        showWhen(question, confirming);

        HBox stepRow = StepRow.of("disconnect-step", model.stepProperty(), running);

        Label message = wrapping("");
        message.setId("disconnect-message");
        message.textProperty().bind(model.messageProperty());
        // A failure reads as one; the end of a disconnect as news.
        failed.subscribe(failure -> {
            if (failure) {
                message.getStyleClass().add("error-message");
            } else {
                message.getStyleClass().remove("error-message");
            }
        });
        showWhen(message, model.messageProperty().isNotEmpty().and(running.not()));

        Label onrampOnlyHint = wrapping(UiText.get("ui.hub.disconnectDialog.onrampOnlyHint",
                UiText.get("ui.hub.disconnectDialog.onrampOnly")));
        onrampOnlyHint.getStyleClass().add("hint");
        showWhen(onrampOnlyHint, failed.and(model.offersOnrampOnlyProperty()));

        VBox root = new VBox(14, title, question, stepRow, message, onrampOnlyHint, buttons());
        root.getStyleClass().add("dialog");
        root.setPrefWidth(520);
        return root;
    }

    private HBox buttons() {
        Button cancel = new Button(UiText.get("ui.hub.disconnectDialog.cancel"));
        cancel.setId("disconnect-cancel");
        BooleanBinding cancelShown = confirming.or(failed.and(model.offersOnrampOnlyProperty()));
        // Escape presses whichever of Cancel and Close the dialog shows.
        cancel.cancelButtonProperty().bind(cancelShown);
        cancel.setOnAction(e -> stage.close());
        showWhen(cancel, cancelShown);

        Button disconnect = new Button(UiText.get("ui.hub.disconnectDialog.disconnect"));
        disconnect.setId("disconnect-confirm");
        disconnect.getStyleClass().add(atlantafx.base.theme.Styles.DANGER);
        disconnect.setOnAction(e -> model.disconnect());
        showWhen(disconnect, confirming);

        Button onrampOnly = new Button(UiText.get("ui.hub.disconnectDialog.onrampOnly"));
        onrampOnly.setId("disconnect-onramp-only");
        onrampOnly.setOnAction(e -> model.removeFromOnrampOnly());
        showWhen(onrampOnly, failed.and(model.offersOnrampOnlyProperty()));

        Button close = new Button(UiText.get("ui.hub.disconnectDialog.close"));
        close.setId("disconnect-close");
        BooleanBinding closeShown = disconnected.or(failed.and(model.offersOnrampOnlyProperty().not()));
        close.defaultButtonProperty().bind(closeShown);
        close.cancelButtonProperty().bind(closeShown);
        close.setOnAction(e -> stage.close());
        showWhen(close, closeShown);
        // Once it has ended, the keyboard starts at Close, or at Cancel beside "Remove from Onramp only".
        Visibility.focusWhenShown(close, close);
        Visibility.focusWhenShown(cancel, cancel);

        Button settings = new Button(UiText.get("ui.hub.disconnectDialog.openSettings"));
        settings.setId("disconnect-open-settings");
        settings.setMinWidth(Region.USE_PREF_SIZE);
        settings.setOnAction(e -> {
            stage.close();
            openSettings.run();
        });
        showWhen(settings, failed.and(Bindings.createBooleanBinding(
                () -> Failures.pointsAtSettings(model.messageProperty().get()), model.messageProperty())));

        Region gap = new Region();
        HBox.setHgrow(gap, Priority.ALWAYS);
        HBox row = new HBox(8, settings, gap, cancel, onrampOnly, disconnect, close);
        row.setAlignment(Pos.CENTER_RIGHT);
        return row;
    }

    /** A label that wraps and always gets the height its whole text needs. */
    private static Label wrapping(String text) {
        Label label = new Label(text);
        label.setWrapText(true);
        label.setMinHeight(Region.USE_PREF_SIZE);
        return label;
    }
}
