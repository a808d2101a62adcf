package dev.onramp.ui.hub;

import static dev.onramp.ui.common.Visibility.showWhen;

import dev.onramp.model.BusinessType;
import dev.onramp.ui.common.Converters;
import dev.onramp.ui.common.Styles;
import dev.onramp.ui.common.UiText;
import javafx.event.ActionEvent;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.stage.Window;
import javafx.util.Subscription;

/** Asks for a new business's name and kind, and shows the tenant service's refusal in place. */
final class NewBusinessDialog {
    private NewBusinessDialog() {}

    static void open(Window owner, NewBusinessModel model) {
        ButtonType createType = new ButtonType(UiText.get("ui.hub.newBusinessDialog.create"),
                ButtonBar.ButtonData.OK_DONE);
        Dialog<ButtonType> dialog = new Dialog<>();
        dialog.initOwner(owner);
        dialog.setTitle(UiText.get("ui.hub.newBusinessDialog.title"));
        dialog.setHeaderText(UiText.get("ui.hub.newBusinessDialog.header"));
        dialog.getDialogPane().setContent(form(model));
        dialog.getDialogPane().getButtonTypes().addAll(createType, ButtonType.CANCEL);
        Styles.apply(dialog.getDialogPane());

        Button create = (Button) dialog.getDialogPane().lookupButton(createType);
        create.disableProperty().bind(model.busyProperty());
        // Creating takes a background call: keep the dialog open until it succeeds.
        create.addEventFilter(ActionEvent.ACTION, e -> {
            e.consume();
            model.create();
        });
        Subscription subscriptions = Subscription.combine(
                model.createdProperty().subscribe(created -> created.ifPresent(t -> {
                    dialog.setResult(createType);
                    dialog.close();
                })),
                // The error line appears below the form: grow the window to keep the buttons in view.
                model.errorProperty().subscribe(error -> dialog.getDialogPane().getScene().getWindow().sizeToScene()));
        dialog.setOnHidden(e -> subscriptions.unsubscribe());
        dialog.show();
    }

    private static GridPane form(NewBusinessModel model) {
        TextField name = new TextField();
        name.setId("business-name");
        name.setAccessibleText(UiText.get("ui.hub.businessForm.name"));
        name.setPromptText(UiText.get("ui.hub.newBusinessDialog.namePrompt"));
        name.textProperty().bindBidirectional(model.nameProperty());

        ComboBox<BusinessType> type = new ComboBox<>();
        type.setId("business-type");
        type.setAccessibleText(UiText.get("ui.hub.businessForm.kind"));
        type.getItems().setAll(model.businessTypes());
        type.setConverter(Converters.displaying(BusinessType::name));
        type.valueProperty().bindBidirectional(model.businessTypeProperty());
        type.setMaxWidth(Double.MAX_VALUE);

        Label error = new Label();
        error.setId("business-error");
        error.getStyleClass().add("error-message");
        error.setWrapText(true);
        error.textProperty().bind(model.errorProperty());
        showWhen(error, model.errorProperty().isNotEmpty());

        GridPane grid = new GridPane(10, 10);
        grid.addRow(0, new Label(UiText.get("ui.hub.businessForm.name")), name);
        grid.addRow(1, new Label(UiText.get("ui.hub.businessForm.kind")), type);
        grid.add(error, 0, 2, 2, 1);
        grid.setPrefWidth(420);
        return grid;
    }
}
