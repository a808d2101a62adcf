package dev.onramp.ui.credentials;

import static dev.onramp.ui.common.Visibility.showWhen;

import dev.onramp.connect.form.FormField;
import dev.onramp.ui.common.UiText;
import java.io.File;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import javafx.beans.property.StringProperty;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.DatePicker;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleButton;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;

/** The composite inputs of a connector form: a secret with Show/Hide, a key file's text area, a date with its time. */
final class FieldInputs {
    private FieldInputs() {}

    /** A masked secret with a Show toggle that shows the same text in plain, editable too. */
    static Node revealable(PasswordField masked, FormField field, StringProperty value) {
        TextField plain = new TextField();
        plain.setId(masked.getId() + "-shown");
        plain.textProperty().bindBidirectional(value);
        plain.promptTextProperty().bind(masked.promptTextProperty());
        plain.setMaxWidth(Double.MAX_VALUE);
        plain.setAccessibleText(field.title());
        ToggleButton show = toggle(masked.getId());
        show.setAccessibleText(UiText.get("ui.credentials.secret.show", field.title()));
        show.setAccessibleHelp(UiText.get("ui.credentials.secret.showHelp", field.title()));
        showWhen(plain, show.selectedProperty());
        showWhen(masked, show.selectedProperty().not());
        StackPane both = new StackPane(masked, plain);
        HBox.setHgrow(both, Priority.ALWAYS);
        HBox row = new HBox(6, both, show);
        row.setAlignment(Pos.CENTER_LEFT);
        return row;
    }

    /**
     * A secret document such as a service account's JSON key: pasted into a text area or read from
     * a file with Choose file…, and hidden behind a summary once it holds text.
     */
    static Node secretDocument(TextArea area, FormField field, StringProperty value, FormInputs model) {
        area.setPrefRowCount(6);
        area.setWrapText(true);
        area.setPromptText(UiText.get("ui.credentials.document.prompt"));
        area.getStyleClass().add("secret-document");
        Label hidden = new Label();
        hidden.setId(area.getId() + "-hidden");
        hidden.getStyleClass().add("hint");
        hidden.textProperty().bind(value.map(text -> text.isBlank() ? UiText.get("ui.credentials.document.empty")
                : UiText.get("ui.credentials.document.hidden", text.strip().length())));
        ToggleButton show = toggle(area.getId());
        show.setSelected(value.get() == null || value.get().isBlank());
        show.setAccessibleText(UiText.get("ui.credentials.secret.show", field.title()));
        showWhen(area, show.selectedProperty());
        showWhen(hidden, show.selectedProperty().not());
        Button choose = new Button(UiText.get("ui.credentials.document.choose"));
        choose.setId(area.getId() + "-file");
        choose.setAccessibleText(UiText.get("ui.credentials.document.chooseAccessible", field.title()));
        choose.setOnAction(e -> {
            FileChooser chooser = new FileChooser();
            chooser.setTitle(UiText.get("ui.credentials.document.chooserTitle", field.title()));
            chooser.getExtensionFilters().addAll(
                    new FileChooser.ExtensionFilter(UiText.get("ui.credentials.document.jsonFiles"), "*.json"),
                    new FileChooser.ExtensionFilter(UiText.get("ui.credentials.document.allFiles"), "*.*"));
            File file = chooser.showOpenDialog(choose.getScene().getWindow());
            if (file != null) {
                model.readFile(file.toPath(), field.path());
            }
        });
        HBox buttons = new HBox(6, choose, show);
        buttons.setAlignment(Pos.CENTER_LEFT);
        return new VBox(6, area, hidden, buttons);
    }

    /**
     * A date picker (and, for a date-time, the time of day) that writes the value in exactly the
     * layout the field's pattern wants, which it shows beneath.
     */
    static Node dateAndTime(DatePicker picker, FormField field, StringProperty value) {
        Optional<LocalDateTime> initial = field.moment(value.get());
        picker.setValue(initial.map(LocalDateTime::toLocalDate).orElse(null));
        picker.setEditable(true);
        boolean withTime = field.kind() == FormField.Kind.DATE_TIME;
        TextField time = new TextField(initial.map(moment -> moment.toLocalTime().toString()).orElse("00:00"));
        time.setId(picker.getId() + "-time");
        time.setPrefColumnCount(6);
        time.setPromptText("hh:mm");
        time.setAccessibleText(UiText.get("ui.credentials.date.timeAccessible", field.title()));
        Label sent = new Label();
        sent.setId(picker.getId() + "-sent");
        sent.getStyleClass().add("hint");
        sent.textProperty().bind(value.map(text -> text.isBlank() ? ""
                : UiText.get("ui.credentials.date.sentAs", text)));
        Runnable write = () -> {
            LocalDate date = picker.getValue();
            if (date == null) {
                // Cleared: the value goes too; a text the picker cannot read stays for the validation to name.
                if (field.moment(value.get()).isPresent()) {
                    value.set("");
                }
                return;
            }
            value.set(field.dateText(date.atTime(withTime ? timeOf(time.getText()) : LocalTime.MIDNIGHT)));
        };
        picker.valueProperty().subscribe(date -> write.run());
        time.textProperty().subscribe(text -> write.run());
        // A value put in from outside (sample values) shows in the picker and the time too.
        value.subscribe(text -> field.moment(text).ifPresent(moment -> {
            if (!moment.toLocalDate().equals(picker.getValue())) {
                picker.setValue(moment.toLocalDate());
            }
            if (withTime && !moment.toLocalTime().equals(timeOf(time.getText()))) {
                time.setText(moment.toLocalTime().toString());
            }
        }));
        // A typed date counts once the person leaves the field, without pressing Enter.
        picker.focusedProperty().subscribe(focused -> {
            if (!focused) {
                commit(picker);
            }
        });
        HBox row = withTime ? new HBox(6, picker, new Label(UiText.get("ui.credentials.date.at")), time,
                new Label("UTC")) : new HBox(6, picker);
        row.setAlignment(Pos.CENTER_LEFT);
        HBox.setHgrow(picker, Priority.ALWAYS);
        picker.setMaxWidth(220);
        return new VBox(2, row, sent);
    }

    private static void commit(DatePicker picker) {
        try {
            picker.setValue(picker.getConverter().fromString(picker.getEditor().getText()));
        } catch (DateTimeParseException e) {
            // The picker keeps its last date; the validation says what is wrong with an empty one.
        }
    }

    private static LocalTime timeOf(String text) {
        try {
            return LocalTime.parse(text.strip().length() == 4 ? "0" + text.strip() : text.strip());
        } catch (DateTimeParseException e) {
            return LocalTime.MIDNIGHT;
        }
    }

    private static ToggleButton toggle(String id) {
        ToggleButton show = new ToggleButton();
        show.setId(id + "-show");
        show.getStyleClass().add("reveal");
        show.textProperty().bind(show.selectedProperty().map(on -> on ? UiText.get("ui.credentials.toggle.hide")
                : UiText.get("ui.credentials.toggle.show")));
        show.setFocusTraversable(true);
        return show;
    }
}
