package dev.onramp.ui.settings;

import static dev.onramp.ui.common.Visibility.showWhen;

import dev.onramp.ui.common.UiText;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;

/** The Settings row "Reset the demo after [N] minutes without input", with what became of the last change. */
final class IdleResetSettingView {
    private IdleResetSettingView() {}

    /** The row, its choices loaded in the background. */
    static Node of(IdleResetSettingModel model) {
        ComboBox<IdleResetSettingModel.Choice> minutes = new ComboBox<>();
        minutes.setId("settings-idle-reset");
        minutes.getItems().setAll(model.choices(IdleResetSettingModel.NEVER.minutes()));
        minutes.valueProperty().bindBidirectional(model.choiceProperty());
        Label before = new Label(UiText.get("ui.settings.idleReset.before"));
        before.setLabelFor(minutes);
        Label after = new Label(UiText.get("ui.settings.idleReset.after"));
        HBox row = new HBox(8, before, minutes, after);
        row.setAlignment(Pos.CENTER_LEFT);
        Label hint = new Label(UiText.get("ui.settings.idleReset.hint"));
        hint.getStyleClass().add("hint");
        hint.setWrapText(true);
        hint.setMinHeight(Region.USE_PREF_SIZE);
        Label status = new Label();
        status.setId("settings-idle-reset-status");
        status.setWrapText(true);
        status.textProperty().bind(model.statusProperty());
        showWhen(status, model.statusProperty().isNotEmpty());
        model.load(choices -> minutes.getItems().setAll(choices));
        Label name = new Label(UiText.get("ui.settings.idleReset.name"));
        name.getStyleClass().add("field-label");
        VBox section = new VBox(6, name, row, hint, status);
        section.setId("settings-idle-reset-section");
        // The window grows to fit the sentence saying what became of a change.
        model.statusProperty().subscribe(text -> {
            if (section.getScene() != null && section.getScene().getWindow() instanceof Stage stage) {
                stage.sizeToScene();
            }
        });
        return section;
    }
}
