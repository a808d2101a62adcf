package dev.onramp.ui.settings;

import dev.onramp.connect.SignInReadiness;
import dev.onramp.ui.common.Styles;
import dev.onramp.ui.common.UiText;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.Modality;
import javafx.stage.Stage;
import javafx.stage.Window;

/** A window listing, for each OAuth connector, whether the business's Airbyte can start its sign-in and what to set up. */
public final class ReadinessView {
    private ReadinessView() {}

    /** Opens the window over {@code owner} and starts the check. */
    public static void open(Window owner, ReadinessModel model) {
        Stage stage = new Stage();
        stage.initOwner(owner);
        stage.initModality(Modality.WINDOW_MODAL);
        stage.setTitle(UiText.get("ui.settings.readiness.window.title"));
        Label title = new Label(model.title());
        title.getStyleClass().add("dialog-title");
        ListView<SignInReadiness> list = new ListView<>(model.rows());
        list.setId("readiness-list");
        list.setAccessibleText(UiText.get("ui.settings.readiness.list"));
        list.setPrefSize(620, 420);
        list.setCellFactory(view -> new Row());
        VBox.setVgrow(list, Priority.ALWAYS);
        ProgressIndicator spinner = new ProgressIndicator();
        spinner.setPrefSize(18, 18);
        spinner.visibleProperty().bind(model.runningProperty());
        spinner.managedProperty().bind(model.runningProperty());
        Label status = new Label();
        status.setId("readiness-status");
        status.textProperty().bind(model.statusProperty());
        status.setWrapText(true);
        Button again = new Button(UiText.get("ui.settings.readiness.again"));
        again.setId("readiness-again");
        again.disableProperty().bind(model.runningProperty());
        again.setOnAction(e -> model.start());
        Button close = new Button(UiText.get("ui.settings.readiness.close"));
        close.setCancelButton(true);
        close.setDefaultButton(true);
        close.setOnAction(e -> stage.close());
        Region gap = new Region();
        HBox.setHgrow(gap, Priority.ALWAYS);
        HBox footer = new HBox(8, spinner, status, gap, again, close);
        Scene scene = new Scene(new VBox(12, title, list, footer));
        scene.getRoot().getStyleClass().add("dialog");
        Styles.apply(scene);
        stage.setScene(scene);
        stage.show();
        model.start();
    }

    /** One connector: its name and state on a line, the sentence to act on below when it is not ready. */
    private static final class Row extends ListCell<SignInReadiness> {
        @Override
        protected void updateItem(SignInReadiness item, boolean empty) {
            super.updateItem(item, empty);
            if (empty || item == null) {
                setGraphic(null);
                return;
            }
            Label name = new Label(item.providerName() + " — " + words(item.state()));
            name.getStyleClass().add(item.state() == SignInReadiness.State.READY ? "readiness-ready" : "readiness-problem");
            VBox box = new VBox(2, name);
            if (item.state() != SignInReadiness.State.READY) {
                Label detail = new Label(UiText.render(item.detailText()));
                detail.setWrapText(true);
                detail.setMaxWidth(580);
                box.getChildren().add(detail);
            }
            setGraphic(box);
        }
    }

    /** The state in a few words, in the window's language. */
    static String words(SignInReadiness.State state) {
        return switch (state) {
            case READY -> UiText.get("ui.settings.readiness.state.ready");
            case NO_OAUTH_APP -> UiText.get("ui.settings.readiness.state.noOAuthApp");
            case OAUTH_DISABLED -> UiText.get("ui.settings.readiness.state.oauthDisabled");
            case NOT_INSTALLED -> UiText.get("ui.settings.readiness.state.notInstalled");
            case NOT_OFFERED -> UiText.get("ui.settings.readiness.state.notOffered");
            case FAILED -> UiText.get("ui.settings.readiness.state.failed");
        };
    }
}
