package dev.onramp.ui.connect;

import static dev.onramp.ui.common.Visibility.showWhen;

import dev.onramp.ui.common.Styles;
import dev.onramp.ui.connect.ConnectModel.Phase;
import javafx.beans.binding.BooleanBinding;
import javafx.css.PseudoClass;
import javafx.geometry.Pos;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.TextField;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.Modality;
import javafx.stage.Stage;
import javafx.stage.Window;
import javafx.util.Subscription;

/** The window that shows a connect flow's progress, its consent link, and how it ended. */
public final class ConnectDialog {
    private static final PseudoClass WARNING = PseudoClass.getPseudoClass("warning");

    private final ConnectModel model;
    private final Stage stage = new Stage();
    private final BooleanBinding running;
    private final BooleanBinding ended;
    private final Subscription subscriptions;

    private ConnectDialog(Window owner, ConnectModel model) {
        this.model = model;
        this.running = model.phaseProperty().isEqualTo(Phase.RUNNING);
        this.ended = model.phaseProperty().isEqualTo(Phase.ENDED);
        stage.initOwner(owner);
        stage.initModality(Modality.WINDOW_MODAL);
        stage.setTitle(model.title());
        Label hint = hint();
        Scene scene = new Scene(layout(hint));
        Styles.apply(scene);
        stage.setScene(scene);
        stage.setOnCloseRequest(e -> cancelIfRunning());
        subscriptions = Subscription.combine(
                model.phaseProperty().subscribe(this::onPhase),
                model.consentUrlProperty().subscribe(url -> stage.sizeToScene()),
                model.browserFailedProperty().subscribe(failed -> hint.pseudoClassStateChanged(WARNING, failed)));
        stage.setOnHidden(e -> subscriptions.unsubscribe());
    }

    /** Opens the dialog over {@code owner}; it closes by itself once the flow has connected. */
    public static void open(Window owner, ConnectModel model) {
        new ConnectDialog(owner, model).stage.show();
    }

    private void onPhase(Phase phase) {
        if (phase == Phase.CONNECTED) {
            stage.close();
        } else {
            stage.sizeToScene();
        }
    }

    private VBox layout(Label hint) {
        Label title = new Label(model.title());
        title.getStyleClass().add("dialog-title");

        ProgressIndicator spinner = new ProgressIndicator();
        spinner.setPrefSize(22, 22);
        Label step = new Label();
        step.setId("connect-step");
        step.textProperty().bind(model.stepLabelProperty());
        HBox stepRow = new HBox(10, spinner, step);
        stepRow.setAlignment(Pos.CENTER_LEFT);
        showWhen(stepRow, running);

        TextField link = new TextField();
        link.setId("connect-link");
        link.setEditable(false);
        link.textProperty().bind(model.consentUrlProperty());
        HBox.setHgrow(link, Priority.ALWAYS);
        Button copy = new Button("Copy link");
        copy.setId("connect-copy");
        copy.setOnAction(e -> copyToClipboard(link.getText()));
        VBox linkBox = new VBox(6, hint, new HBox(8, link, copy));
        showWhen(linkBox, model.consentUrlProperty().isNotEmpty().and(running));

        Label message = new Label();
        message.setId("connect-message");
        message.setWrapText(true);
        message.getStyleClass().add("error-message");
        message.textProperty().bind(model.endMessageProperty());
        showWhen(message, ended);

        VBox root = new VBox(14, title, stepRow, linkBox, message, buttons());
        root.getStyleClass().add("dialog");
        root.setPrefWidth(540);
        return root;
    }

    private Label hint() {
        Label hint = new Label();
        hint.setId("connect-hint");
        hint.setWrapText(true);
        hint.getStyleClass().add("hint");
        hint.textProperty().bind(model.consentHintProperty());
        return hint;
    }

    private HBox buttons() {
        Button cancel = new Button("Cancel");
        cancel.setCancelButton(true);
        cancel.setOnAction(e -> {
            model.cancel();
            stage.close();
        });
        showWhen(cancel, running);
        Button close = new Button("Close");
        close.setOnAction(e -> stage.close());
        showWhen(close, ended);
        Button retry = new Button("Try again");
        retry.setDefaultButton(true);
        retry.setOnAction(e -> model.start());
        showWhen(retry, ended);
        Region gap = new Region();
        HBox.setHgrow(gap, Priority.ALWAYS);
        return new HBox(8, gap, cancel, close, retry);
    }

    private void cancelIfRunning() {
        if (running.get()) {
            model.cancel();
        }
    }

    private static void copyToClipboard(String text) {
        ClipboardContent content = new ClipboardContent();
        content.putString(text);
        Clipboard.getSystemClipboard().setContent(content);
    }
}
