package dev.onramp.ui.hub;

import static dev.onramp.ui.common.Visibility.showWhen;

import dev.onramp.connect.BusinessRemoval;
import dev.onramp.model.BusinessType;
import dev.onramp.ui.common.Converters;
import dev.onramp.ui.common.Styles;
import dev.onramp.ui.common.UiText;
import java.util.function.Consumer;
import javafx.beans.binding.Bindings;
import javafx.beans.value.ObservableStringValue;
import javafx.event.ActionEvent;
import javafx.scene.Node;
import javafx.scene.control.Alert;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.RadioButton;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleGroup;
import javafx.geometry.Pos;
import java.util.List;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Region;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import javafx.stage.Window;
import javafx.util.Subscription;

/** The dialogs that rename a business, change its type and delete it, each showing a refusal in place. */
final class BusinessDialogs {
    private BusinessDialogs() {}

    static void rename(Window owner, BusinessEditModel model) {
        TextField name = new TextField();
        name.setId("rename-business-name");
        name.setAccessibleText(UiText.get("ui.hub.businessForm.name"));
        name.textProperty().bindBidirectional(model.nameProperty());
        name.setPrefColumnCount(28);
        GridPane form = new GridPane(10, 10);
        form.addRow(0, new Label(UiText.get("ui.hub.businessForm.name")), name);
        form.add(error(model.errorProperty(), "rename-business-error"), 0, 1, 2, 1);
        form.setPrefWidth(460);
        ButtonType rename = new ButtonType(UiText.get("ui.hub.businessDialogs.rename.action"),
                ButtonBar.ButtonData.OK_DONE);
        Dialog<ButtonType> dialog = dialog(owner, "rename-business", UiText.get("ui.hub.businessDialogs.rename.title"),
                UiText.get("ui.hub.businessDialogs.rename.header", model.tenant().name()), form, rename);
        keepOpenUntilDone(dialog, rename, model::rename, model);
        name.requestFocus();
        dialog.show();
        name.selectAll();
    }

    static void retype(Window owner, BusinessEditModel model) {
        ComboBox<BusinessType> type = new ComboBox<>();
        type.setId("retype-business-type");
        type.setAccessibleText(UiText.get("ui.hub.businessForm.kind"));
        type.getItems().setAll(model.businessTypes());
        type.setConverter(Converters.displaying(BusinessType::name));
        type.valueProperty().bindBidirectional(model.typeProperty());
        type.setMaxWidth(Double.MAX_VALUE);
        Label recommended = new Label();
        recommended.setId("retype-recommendations");
        recommended.setWrapText(true);
        recommended.setMinHeight(Region.USE_PREF_SIZE);
        recommended.getStyleClass().add("hint");
        recommended.textProperty().bind(model.recommendationsProperty());
        HBox kind = new HBox(10, new Label(UiText.get("ui.hub.businessForm.kind")), type);
        kind.setAlignment(Pos.CENTER_LEFT);
        VBox form = new VBox(10, kind, recommended,
                error(model.errorProperty(), "retype-business-error"));
        form.setPrefWidth(460);
        ButtonType change = new ButtonType(UiText.get("ui.hub.businessDialogs.retype.action"),
                ButtonBar.ButtonData.OK_DONE);
        Dialog<ButtonType> dialog = dialog(owner, "retype-business", UiText.get("ui.hub.businessDialogs.retype.title"),
                UiText.get("ui.hub.businessDialogs.retype.header", model.tenant().name()), form, change);
        keepOpenUntilDone(dialog, change, model::retype, model);
        dialog.show();
    }

    /** Opens the dialog once the business's connections are counted, so that it says at once what goes. */
    static void delete(Window owner, DeleteBusinessModel model) {
        model.load(() -> showDelete(owner, model));
    }

    private static void showDelete(Window owner, DeleteBusinessModel model) {
        String name = model.tenant().name();
        Label what = new Label();
        what.setId("delete-business-what");
        what.setWrapText(true);
        what.setMinHeight(Region.USE_PREF_SIZE);
        what.textProperty().bind(model.connectionsProperty().map(count -> count.intValue() < 0
                ? UiText.get("ui.hub.businessDialogs.delete.counting", name)
                : UiText.get("ui.hub.businessDialogs.delete.what", name, count.intValue())));
        ToggleGroup choice = new ToggleGroup();
        RadioButton disconnect = new RadioButton(UiText.get("ui.hub.businessDialogs.delete.disconnect"));
        disconnect.setId("delete-business-disconnect");
        disconnect.setUserData(BusinessRemoval.Sources.DELETE);
        RadioButton keep = new RadioButton(UiText.get("ui.hub.businessDialogs.delete.keep"));
        keep.setId("delete-business-keep");
        keep.setUserData(BusinessRemoval.Sources.KEEP);
        disconnect.setToggleGroup(choice);
        keep.setToggleGroup(choice);
        for (RadioButton option : List.of(disconnect, keep)) {
            option.setWrapText(true);
            option.setMinHeight(Region.USE_PREF_SIZE);
        }
        choice.selectToggle(model.sourcesProperty().get() == BusinessRemoval.Sources.KEEP ? keep : disconnect);
        choice.selectedToggleProperty().subscribe(toggle -> model.sourcesProperty().set(
                (BusinessRemoval.Sources) toggle.getUserData()));
        VBox sources = new VBox(8, disconnect, keep);
        showWhen(sources, model.connectionsProperty().greaterThan(0));
        sources.disableProperty().bind(model.busyProperty());

        ProgressIndicator spinner = new ProgressIndicator();
        spinner.setPrefSize(18, 18);
        Label step = new Label();
        step.setId("delete-business-step");
        step.textProperty().bind(model.stepProperty());
        HBox progress = new HBox(8, spinner, step);
        // Its room is kept while hidden, so the window need not grow when it shows.
        progress.visibleProperty().bind(model.busyProperty());

        VBox form = new VBox(12, what, sources, progress, error(model.errorProperty(), "delete-business-error"));
        form.setPrefWidth(480);
        ButtonType delete = new ButtonType(UiText.get("ui.hub.businessDialogs.delete.action"),
                ButtonBar.ButtonData.OK_DONE);
        Dialog<ButtonType> dialog = dialog(owner, "delete-business", UiText.get("ui.hub.businessDialogs.delete.title"),
                UiText.get("ui.hub.businessDialogs.delete.header", name), form, delete);
        dialog.getDialogPane().lookupButton(delete).getStyleClass().add(atlantafx.base.theme.Styles.DANGER);
        dialog.getDialogPane().lookupButton(delete).setId("delete-business-confirm");
        // What became of the business and its sources is said once the dialog has closed.
        dialog.setOnHiding(e -> {
            if (!model.deletedProperty().get().isEmpty()) {
                Alert told = new Alert(Alert.AlertType.INFORMATION, model.deletedProperty().get(), ButtonType.OK);
                told.initOwner(owner);
                told.setTitle(UiText.get("ui.hub.businessDialogs.deleted.title"));
                told.setHeaderText(null);
                told.getDialogPane().setId("business-deleted");
                Styles.apply(told.getDialogPane());
                told.show();
            }
        });
        keepOpenUntilDone(dialog, delete, model::delete, model.busyProperty(), model.deletedProperty().isNotEmpty(),
                model.errorProperty());
        dialog.show();
    }

    private static Dialog<ButtonType> dialog(Window owner, String id, String title, String header, Node content,
            ButtonType action) {
        Dialog<ButtonType> dialog = new Dialog<>();
        dialog.initOwner(owner);
        dialog.setTitle(title);
        dialog.setHeaderText(header);
        dialog.getDialogPane().setId(id);
        dialog.getDialogPane().setContent(content);
        dialog.getDialogPane().getButtonTypes().addAll(action, ButtonType.CANCEL);
        Styles.apply(dialog.getDialogPane());
        return dialog;
    }

    private static void keepOpenUntilDone(Dialog<ButtonType> dialog, ButtonType action, Runnable act,
            BusinessEditModel model) {
        keepOpenUntilDone(dialog, action, act, model.busyProperty(),
                Bindings.createBooleanBinding(() -> model.changedProperty().get().isPresent(), model.changedProperty()),
                model.errorProperty());
    }

    /** The action runs in the background: the dialog stays open, its buttons off, until it is done. */
    private static void keepOpenUntilDone(Dialog<ButtonType> dialog, ButtonType action, Runnable act,
            javafx.beans.value.ObservableBooleanValue busy, javafx.beans.value.ObservableBooleanValue done,
            ObservableStringValue error) {
        Button button = (Button) dialog.getDialogPane().lookupButton(action);
        button.disableProperty().bind(Bindings.createBooleanBinding(busy::get, busy));
        ((Button) dialog.getDialogPane().lookupButton(ButtonType.CANCEL)).disableProperty()
                .bind(Bindings.createBooleanBinding(busy::get, busy));
        button.addEventFilter(ActionEvent.ACTION, e -> {
            e.consume();
            act.run();
        });
        Consumer<Boolean> closeWhenDone = finished -> {
            if (finished) {
                dialog.setResult(action);
                dialog.close();
            }
        };
        Subscription subscriptions = Subscription.combine(
                javafx.beans.binding.BooleanExpression.booleanExpression(done).subscribe(closeWhenDone::accept),
                // An error line appears below the form: grow the window to keep the buttons in view.
                Bindings.createStringBinding(error::get, error).subscribe(text -> fit(dialog)));
        dialog.setOnHidden(e -> subscriptions.unsubscribe());
        // A busy dialog is not closed by Escape or the window's close button: the deletion runs on.
        dialog.setOnCloseRequest(e -> {
            if (busy.get()) {
                e.consume();
            }
        });
    }

    private static void fit(Dialog<?> dialog) {
        if (dialog.getDialogPane().getScene() != null && dialog.getDialogPane().getScene().getWindow() != null) {
            dialog.getDialogPane().applyCss();
            dialog.getDialogPane().requestLayout();
            dialog.getDialogPane().getScene().getWindow().sizeToScene();
        }
    }

    private static Label error(ObservableStringValue text, String id) {
        Label error = new Label();
        error.setId(id);
        error.getStyleClass().add("error-message");
        error.setWrapText(true);
        error.setMinHeight(Region.USE_PREF_SIZE);
        error.textProperty().bind(text);
        showWhen(error, Bindings.createBooleanBinding(() -> !text.get().isEmpty(), text));
        return error;
    }
}
