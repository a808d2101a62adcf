package dev.onramp.ui.common;

import static dev.onramp.ui.common.Visibility.showWhen;

import javafx.beans.value.ObservableValue;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.layout.HBox;

/** A dialog's progress line: a spinner and the step under way, shown while the flow runs. */
public final class StepRow {
    private StepRow() {}

    /** The row; its label has the id {@code stepId} and shows {@code step}. */
    public static HBox of(String stepId, ObservableValue<String> step, ObservableValue<Boolean> running) {
        ProgressIndicator spinner = new ProgressIndicator();
        spinner.setPrefSize(22, 22);
        Label label = new Label();
        label.setId(stepId);
        label.textProperty().bind(step);
        HBox row = new HBox(10, spinner, label);
        row.setAlignment(Pos.CENTER_LEFT);
        showWhen(row, running);
        return row;
    }
}
