package dev.onramp.ui.credentials;

import static dev.onramp.ui.common.Visibility.showIf;

import dev.onramp.connect.form.ConnectorForm;
import dev.onramp.connect.form.FormChoice;
import dev.onramp.connect.form.FormElement;
import dev.onramp.connect.form.FormField;
import dev.onramp.connect.form.FormOption;
import dev.onramp.connect.form.FormValues;
import dev.onramp.connect.form.ExampleValues;
import dev.onramp.ui.common.UiText;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.StringProperty;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.DatePicker;
import javafx.scene.control.Control;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.PasswordField;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.control.TextInputControl;
import javafx.scene.control.TitledPane;
import javafx.scene.control.cell.CheckBoxListCell;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;
import org.controlsfx.validation.ValidationResult;
import org.controlsfx.validation.ValidationSupport;
import org.controlsfx.validation.decoration.CompoundValidationDecoration;
import org.controlsfx.validation.decoration.GraphicValidationDecoration;
import org.controlsfx.validation.decoration.StyleClassValidationDecoration;

/**
 * The controls of a connector form, one per element of the form, with ControlsFX validation that
 * marks every value the specification refuses. Required elements come first; the others wait in
 * a collapsed "Optional settings" section.
 */
public final class FormPane {
    private final FormInputs model;
    private final ValidationSupport validation = new ValidationSupport();
    private final VBox root;

    public FormPane(FormInputs model, ConnectorForm form) {
        this.model = model;
        validation.setErrorDecorationEnabled(false);
        // An icon with the sentence as its tooltip, and the "error" style class that outlines the control.
        validation.setValidationDecorator(new CompoundValidationDecoration(new GraphicValidationDecoration(),
                new StyleClassValidationDecoration()));
        VBox required = new VBox(14);
        VBox optional = new VBox(14);
        for (FormElement element : form.elements()) {
            (element.required() || element instanceof FormChoice ? required : optional).getChildren().add(node(element));
        }
        TitledPane more = new TitledPane(UiText.get("ui.credentials.form.optional", optional.getChildren().size()),
                optional);
        more.setId("optional-settings");
        // A form with nothing required (Salesforce's sandbox switch before its sign-in) shows its fields at once.
        more.setExpanded(required.getChildren().isEmpty());
        showIf(more, !optional.getChildren().isEmpty());
        root = new VBox(16, required, more);
        if (ExampleValues.offered(form)) {
            root.getChildren().addFirst(samples(form));
        }
        root.getStyleClass().add("credentials-form");
    }

    /**
     * "Fill with sample values": puts the examples the connector's specification gives into the empty
     * fields, never over a typed value, nor into a kept secret that an empty field keeps.
     */
    private Node samples(ConnectorForm form) {
        Button fill = new Button(UiText.get("ui.credentials.form.fillSamples"));
        fill.setMnemonicParsing(true);
        fill.setId("fill-samples");
        fill.getStyleClass().add("sample-fill");
        fill.setOnAction(e -> {
            Map<String, String> now = new HashMap<>();
            form.allElements().forEach(element -> now.put(element.path(),
                    Optional.ofNullable(model.value(element.path()).get()).orElse("")));
            ExampleValues.forEmpty(form, new FormValues(now)).forEach((path, sample) -> {
                boolean kept = form.element(path).filter(FormField.class::isInstance)
                        .map(field -> model.prompt((FormField) field).isPresent()).orElse(false);
                if (!kept) {
                    model.value(path).set(sample);
                }
            });
            validation.revalidate();
        });
        Label hint = new Label(UiText.get("ui.credentials.form.samplesHint"));
        hint.getStyleClass().add("hint");
        hint.setWrapText(true);
        HBox.setHgrow(hint, Priority.ALWAYS);
        hint.setMaxWidth(Double.MAX_VALUE);
        HBox row = new HBox(12, hint, fill);
        row.setAlignment(Pos.CENTER_LEFT);
        row.getStyleClass().add("sample-row");
        fill.setMinWidth(Region.USE_PREF_SIZE);
        return row;
    }

    public Node root() {
        return root;
    }

    /** Marks every refused value from now on, as soon as a connect attempt was refused. */
    public void showProblems() {
        validation.setErrorDecorationEnabled(true);
        // ControlsFX marks nothing until a value changes; the refused attempt counts as one.
        validation.initInitialDecoration();
    }

    private Node node(FormElement element) {
        return switch (element) {
            case FormField field -> field(field);
            case FormChoice choice -> choice(choice);
        };
    }

    private Node field(FormField field) {
        StringProperty value = model.value(field.path());
        Control control = switch (field.kind()) {
            case BOOLEAN -> checkBox(value);
            case ENUM -> comboBox(field.allowedTexts(), value);
            case MULTI_ENUM -> checkList(field.allowedTexts(), value);
            case JSON -> text(new TextArea(), field, value);
            case TEXT -> text(field.secretDocument() ? new TextArea() : field.secret() ? new PasswordField()
                    : field.multiline() ? new TextArea() : new TextField(), field, value);
            case DATE, DATE_TIME -> datePicker(field, value);
            case INTEGER, NUMBER, TEXT_LIST, INTEGER_LIST -> text(new TextField(), field, value);
        };
        control.setId("field-" + id(field.path()));
        control.setMaxWidth(Double.MAX_VALUE);
        validation.registerValidator(control, false, (Control c, Object ignored) -> model.problem(field)
                .map(problem -> ValidationResult.fromError(c, problem))
                .orElseGet(ValidationResult::new));
        Label label = new Label(field.title() + (model.required(field) ? " *" : ""));
        label.getStyleClass().add("field-label");
        label.setLabelFor(control);
        control.setAccessibleText(model.required(field) ? UiText.get("ui.credentials.field.required", field.title())
                : field.title());
        Node input = field.secretDocument() ? FieldInputs.secretDocument((TextArea) control, field, value, model)
                : control instanceof PasswordField password ? FieldInputs.revealable(password, field, value)
                : field.kind() == FormField.Kind.DATE || field.kind() == FormField.Kind.DATE_TIME
                        ? FieldInputs.dateAndTime((DatePicker) control, field, value)
                : control;
        return new VBox(4, label, input, help(field.help()));
    }

    private DatePicker datePicker(FormField field, StringProperty value) {
        DatePicker picker = new DatePicker();
        picker.setPromptText(field.dateExample());
        return picker;
    }

    private Node choice(FormChoice choice) {
        StringProperty value = model.value(choice.path());
        // The value is the option's title, the same in every language; the person reads its label.
        ComboBox<String> options = comboBox(choice.options().stream().map(FormOption::title).toList(), value);
        options.setConverter(new StringConverter<>() {
            @Override
            public String toString(String title) {
                return title == null ? "" : choice.option(title).map(FormOption::label).orElse(title);
            }

            @Override
            public String fromString(String label) {
                return label == null ? null : choice.option(label).map(FormOption::title).orElse(label);
            }
        });
        options.setId("choice-" + id(choice.path()));
        Label label = new Label(choice.title());
        label.getStyleClass().add("field-label");
        label.setLabelFor(options);
        options.setAccessibleText(choice.title());
        VBox chosen = new VBox(14);
        chosen.getStyleClass().add("choice-option");
        // Each option's controls are built once, so their validators are registered once.
        Map<String, List<Node>> built = new HashMap<>();
        value.subscribe(title -> {
            FormOption option = choice.option(title == null ? "" : title).orElse(choice.options().getFirst());
            chosen.getChildren().setAll(built.computeIfAbsent(option.title(), t -> nodes(option)));
            validation.revalidate();
        });
        return new VBox(4, label, options, help(choice.help()), chosen);
    }

    private List<Node> nodes(FormOption option) {
        List<Node> nodes = new ArrayList<>();
        option.elements().forEach(element -> nodes.add(node(element)));
        return nodes;
    }

    private TextInputControl text(TextInputControl control, FormField field, StringProperty value) {
        control.textProperty().bindBidirectional(value);
        model.prompt(field).or(() -> field.secret() ? Optional.empty() : field.example())
                .or(() -> field.kind() == FormField.Kind.TEXT_LIST || field.kind() == FormField.Kind.INTEGER_LIST
                        ? Optional.of(UiText.get("ui.credentials.field.listPrompt")) : Optional.empty())
                .ifPresent(control::setPromptText);
        if (control instanceof TextArea area) {
            area.setPrefRowCount(4);
            area.setWrapText(true);
        }
        return control;
    }

    private static CheckBox checkBox(StringProperty value) {
        CheckBox box = new CheckBox();
        box.setSelected(Boolean.parseBoolean(value.get()));
        box.selectedProperty().subscribe(selected -> value.set(String.valueOf(selected)));
        return box;
    }

    private static ComboBox<String> comboBox(List<String> items, StringProperty value) {
        ComboBox<String> box = new ComboBox<>();
        box.getItems().setAll(items);
        box.valueProperty().bindBidirectional(value);
        return box;
    }

    /** A list of every allowed value with a check box each; the value is the checked ones, separated by commas. */
    private ListView<String> checkList(List<String> items, StringProperty value) {
        List<String> initial = List.of((value.get() == null ? "" : value.get()).split("\\s*,\\s*"));
        Map<String, BooleanProperty> checked = new HashMap<>();
        for (String item : items) {
            BooleanProperty on = new SimpleBooleanProperty(initial.contains(item));
            on.subscribe(() -> {
                value.set(String.join(", ", items.stream().filter(i -> checked.get(i).get()).toList()));
                validation.revalidate();
            });
            checked.put(item, on);
        }
        ListView<String> list = new ListView<>();
        list.getItems().setAll(items);
        list.setCellFactory(CheckBoxListCell.forListView(checked::get));
        list.setPrefHeight(Math.min(items.size(), 6) * 26 + 4);
        return list;
    }

    private Node help(String text) {
        Node help = HelpLinks.flow(text, model::openLink);
        showIf(help, !text.isEmpty());
        return help;
    }

    /** A CSS id for an element path: dots become dashes. */
    static String id(String path) {
        return path.replace('.', '-');
    }
}
