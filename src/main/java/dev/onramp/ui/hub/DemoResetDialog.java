package dev.onramp.ui.hub;

import static dev.onramp.ui.common.Visibility.showWhen;

import dev.onramp.connect.DemoReset;
import dev.onramp.ui.common.Announcer;
import dev.onramp.ui.common.StepRow;
import dev.onramp.ui.common.Styles;
import dev.onramp.ui.common.UiText;
import dev.onramp.ui.common.Visibility;
import java.util.function.Supplier;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.scene.Scene;
import javafx.scene.control.Alert;
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
 * The Demo menu's "Reset demo…" over the window: asks, saying how many businesses and connections go; shows
 * each step while the reset runs (it cannot be stopped half-way) and how it ended.
 */
final class DemoResetDialog implements DemoResetModel.Dialogs {
    private final DemoResetModel model;
    private final Supplier<Window> owner;

    DemoResetDialog(DemoResetModel model, Supplier<Window> owner) {
        this.model = model;
        this.owner = owner;
    }

    @Override
    public void refuse(String message) {
        Alert alert = new Alert(Alert.AlertType.INFORMATION, message);
        alert.initOwner(owner.get());
        alert.setTitle(UiText.get("ui.hub.demoReset.title"));
        alert.setHeaderText(UiText.get("ui.hub.demoReset.refused"));
        alert.getDialogPane().setId("demo-reset-refused");
        Styles.apply(alert.getDialogPane());
        alert.show();
    }

    @Override
    public void confirm(DemoReset.Plan plan, Runnable confirmed) {
        Stage stage = new Stage();
        stage.initOwner(owner.get());
        stage.initModality(Modality.WINDOW_MODAL);
        stage.setTitle(UiText.get("ui.hub.demoReset.title"));
        BooleanProperty started = new SimpleBooleanProperty(false);
        BooleanBinding asking = started.not();
        BooleanBinding running = started.and(model.busyProperty());
        BooleanBinding ended = started.and(model.busyProperty().not());

        Label title = new Label();
        title.setId("demo-reset-title");
        title.textProperty().bind(Bindings.when(asking).then(UiText.get("ui.hub.demoReset.ask"))
                .otherwise(Bindings.when(running).then(UiText.get("ui.hub.demoReset.resetting"))
                        .otherwise(UiText.get("ui.hub.demoReset.title"))));
        title.getStyleClass().add("dialog-title");
        Label question = wrapping(UiText.get("ui.hub.demoReset.question", plan.description()));
        question.setId("demo-reset-question");
        showWhen(question, asking);
        HBox step = StepRow.of("demo-reset-step", model.stepProperty(), running);
        Label result = wrapping("");
        result.setId("demo-reset-result");
        result.textProperty().bind(model.resultProperty());
        showWhen(result, ended);

        Button cancel = new Button(UiText.get("ui.hub.demoReset.cancel"));
        cancel.setId("demo-reset-cancel");
        // Escape presses Cancel while it asks, Close once the reset has ended.
        cancel.cancelButtonProperty().bind(asking);
        cancel.setOnAction(e -> stage.close());
        showWhen(cancel, asking);
        Button reset = new Button(UiText.get("ui.hub.demoReset.confirm"));
        reset.setId("demo-reset-confirm");
        reset.getStyleClass().add(atlantafx.base.theme.Styles.DANGER);
        reset.setOnAction(e -> {
            confirmed.run();
            started.set(true);
        });
        showWhen(reset, asking);
        Button close = new Button(UiText.get("ui.hub.demoReset.close"));
        close.setId("demo-reset-close");
        close.setDefaultButton(true);
        close.cancelButtonProperty().bind(ended);
        close.setOnAction(e -> stage.close());
        showWhen(close, ended);
        Visibility.focusWhenShown(close, close);
        Region gap = new Region();
        HBox.setHgrow(gap, Priority.ALWAYS);
        HBox buttons = new HBox(8, gap, cancel, reset, close);

        VBox root = new VBox(14, title, question, step, result, buttons);
        root.getStyleClass().add("dialog");
        root.setId("demo-reset");
        root.setPrefWidth(520);
        Announcer announcer = Announcer.in(root);
        Scene scene = new Scene(root);
        Styles.apply(scene);
        stage.setScene(scene);
        // A reset under way cannot be stopped half-way: the window stays until it has ended.
        stage.setOnCloseRequest(e -> {
            if (running.get()) {
                e.consume();
            }
        });
        Subscription sizing = Subscription.combine(started.subscribe(stage::sizeToScene),
                model.resultProperty().subscribe(stage::sizeToScene),
                // How the reset ended, for a screen reader.
                announcer.follow(model.resultProperty()));
        stage.setOnHidden(e -> sizing.unsubscribe());
        stage.show();
    }

    private static Label wrapping(String text) {
        Label label = new Label(text);
        label.setWrapText(true);
        label.setMinHeight(Region.USE_PREF_SIZE);
        return label;
    }
}
