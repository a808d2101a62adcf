package dev.onramp.ui.common;

import static dev.onramp.ui.common.Visibility.showWhen;

import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.geometry.Pos;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.layout.VBox;

/** What the window shows while the app starts: a spinner, or why the app could not start and a way out. */
public final class StartupView {
    private final ReadOnlyStringWrapper failure = new ReadOnlyStringWrapper("");
    private final Button quit = new Button(UiText.get("ui.common.startup.quit"));
    private final VBox root;

    public StartupView() {
        Label app = new Label("Onramp");
        app.getStyleClass().add("app-name");
        ProgressIndicator spinner = new ProgressIndicator();
        spinner.setPrefSize(36, 36);
        Label starting = new Label(UiText.get("ui.common.startup.starting"));
        starting.getStyleClass().add("hint");
        VBox progress = new VBox(10, spinner, starting);
        progress.setAlignment(Pos.CENTER);
        showWhen(progress, failure.isEmpty());

        Label message = new Label();
        message.setId("startup-failure");
        message.setWrapText(true);
        message.setMaxWidth(480);
        message.getStyleClass().add("error-message");
        message.textProperty().bind(failure.map(text -> UiText.get("ui.common.startup.failed", text)));
        VBox failed = new VBox(12, message, quit);
        failed.setAlignment(Pos.CENTER);
        showWhen(failed, failure.isNotEmpty());

        root = new VBox(24, app, progress, failed);
        root.setAlignment(Pos.CENTER);
        root.getStyleClass().add("startup");
    }

    public Parent root() {
        return root;
    }

    /** Replaces the spinner by {@code message} and a Quit button that runs {@code onQuit}. */
    public void showFailure(String message, Runnable onQuit) {
        quit.setOnAction(e -> onQuit.run());
        failure.set(message);
    }
}
