package dev.onramp.ui.settings;

import static dev.onramp.ui.common.Visibility.showWhen;

import dev.onramp.model.RedirectSettings.Host;
import dev.onramp.ui.common.Converters;
import dev.onramp.ui.common.Styles;
import dev.onramp.ui.common.UiText;
import javafx.css.PseudoClass;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.RadioButton;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleGroup;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.Modality;
import javafx.stage.Stage;
import javafx.stage.Window;

/** The sign-in redirect: a line in Settings with Copy, and a window that changes host, ports and for whom. */
public final class RedirectView {
    private static final PseudoClass PROBLEM = PseudoClass.getPseudoClass("problem");

    private RedirectView() {}

    /** The line the Settings window shows: the redirect in use, Copy and Change…; loads the model. */
    static Node summary(Window owner, RedirectModel model) {
        Label name = new Label(UiText.get("ui.settings.redirect.name"));
        Label summary = new Label();
        summary.setId("redirect-summary");
        summary.setWrapText(true);
        summary.setMinHeight(Region.USE_PREF_SIZE);
        summary.textProperty().bind(model.summaryProperty());
        Button copy = copyButton(model, "redirect-copy");
        Button change = new Button(UiText.get("ui.settings.redirect.change"));
        change.setId("redirect-change");
        change.setOnAction(e -> open(owner, model));
        HBox.setHgrow(summary, Priority.ALWAYS);
        summary.setMaxWidth(Double.MAX_VALUE);
        copy.setMinWidth(Region.USE_PREF_SIZE);
        change.setMinWidth(Region.USE_PREF_SIZE);
        HBox line = new HBox(8, summary, copy, change);
        VBox box = new VBox(4, name, line);
        name.getStyleClass().add("field-label");
        box.disableProperty().bind(model.busyProperty());
        model.load();
        return box;
    }

    /** Opens the window that changes the redirect over {@code owner}. */
    static void open(Window owner, RedirectModel model) {
        Stage stage = new Stage();
        stage.initOwner(owner);
        stage.initModality(Modality.WINDOW_MODAL);
        stage.setTitle(UiText.get("ui.settings.redirect.window.title"));
        Label title = new Label(UiText.get("ui.settings.redirect.title", model.businessName()));
        title.getStyleClass().add("dialog-title");

        ComboBox<Host> host = new ComboBox<>();
        host.getItems().setAll(Host.values());
        host.setConverter(Converters.displaying(h -> switch (h) {
            case IPV4 -> UiText.get("ui.settings.redirect.host.ipv4");
            case LOCALHOST -> UiText.get("ui.settings.redirect.host.localhost");
        }));
        host.valueProperty().bindBidirectional(model.hostProperty());
        host.setId("redirect-host");
        TextField port = new TextField();
        port.setId("redirect-port");
        port.textProperty().bindBidirectional(model.portProperty());
        port.setPrefColumnCount(6);
        TextField count = new TextField();
        count.setId("redirect-ports");
        count.textProperty().bindBidirectional(model.portCountProperty());
        count.setPrefColumnCount(3);
        CheckBox any = new CheckBox(UiText.get("ui.settings.redirect.anyPort"));
        any.setWrapText(true);
        any.setId("redirect-any-port");
        any.selectedProperty().bindBidirectional(model.anyPortProperty());
        port.disableProperty().bind(any.selectedProperty());
        count.disableProperty().bind(any.selectedProperty());

        GridPane grid = new GridPane(12, 8);
        grid.getColumnConstraints().addAll(new ColumnConstraints(Region.USE_PREF_SIZE, Region.USE_COMPUTED_SIZE,
                Region.USE_PREF_SIZE), new ColumnConstraints(200, 360, Double.MAX_VALUE, Priority.ALWAYS, null, true));
        grid.addRow(0, labelFor(UiText.get("ui.settings.redirect.field.host"), host), host);
        grid.addRow(1, labelFor(UiText.get("ui.settings.redirect.field.firstPort"), port), port);
        grid.addRow(2, labelFor(UiText.get("ui.settings.redirect.field.portCount"), count), count);
        grid.add(any, 1, 3);

        ToggleGroup scope = new ToggleGroup();
        RadioButton own = new RadioButton(UiText.get("ui.settings.redirect.scope.business", model.businessName()));
        own.setId("redirect-scope-business");
        own.setToggleGroup(scope);
        RadioButton every = new RadioButton(UiText.get("ui.settings.redirect.scope.every"));
        every.setId("redirect-scope-every");
        every.setToggleGroup(scope);
        model.everyBusinessProperty().subscribe(all -> scope.selectToggle(all ? every : own));
        scope.selectedToggleProperty().subscribe(toggle -> {
            if (toggle != null) {
                model.everyBusinessProperty().set(toggle == every);
            }
        });

        TextArea uris = new TextArea();
        uris.setId("redirect-preview");
        uris.setEditable(false);
        uris.setPrefRowCount(3);
        uris.setWrapText(true);
        uris.textProperty().bind(model.previewProperty());
        Label hint = new Label(UiText.get("ui.settings.redirect.hint"));
        hint.getStyleClass().add("hint");
        hint.setWrapText(true);
        hint.setMinHeight(Region.USE_PREF_SIZE);

        Label status = new Label();
        status.setId("redirect-status");
        status.setWrapText(true);
        status.setMinHeight(Region.USE_PREF_SIZE);
        status.getStyleClass().add("settings-status");
        status.textProperty().bind(model.statusProperty());
        showWhen(status, model.statusProperty().isNotEmpty());
        model.problemProperty().subscribe(problem -> status.pseudoClassStateChanged(PROBLEM, problem));

        Button close = new Button(UiText.get("ui.settings.redirect.close"));
        close.setCancelButton(true);
        close.setOnAction(e -> stage.close());
        Button save = new Button(UiText.get("ui.settings.redirect.save"));
        save.setId("redirect-save");
        save.setDefaultButton(true);
        save.getStyleClass().add(atlantafx.base.theme.Styles.ACCENT);
        save.setOnAction(e -> model.save());
        Region gap = new Region();
        HBox.setHgrow(gap, Priority.ALWAYS);
        HBox buttons = new HBox(8, gap, close, save);

        Label urisTitle = new Label(UiText.get("ui.settings.redirect.uris"));
        urisTitle.setLabelFor(uris);
        VBox root = new VBox(12, title, grid, new VBox(6, own, every), urisTitle, uris, hint, status, buttons);
        root.getStyleClass().add("dialog");
        root.setPrefWidth(560);
        root.disableProperty().bind(model.busyProperty());
        Scene scene = new Scene(root);
        Styles.apply(scene);
        stage.setScene(scene);
        stage.show();
    }

    private static Button copyButton(RedirectModel model, String id) {
        Button copy = new Button(UiText.get("ui.settings.redirect.copy"));
        copy.setId(id);
        copy.setOnAction(e -> {
            ClipboardContent content = new ClipboardContent();
            content.putString(model.clipboardText());
            Clipboard.getSystemClipboard().setContent(content);
        });
        return copy;
    }

    private static Label labelFor(String text, Node control) {
        Label label = new Label(text);
        label.setLabelFor(control);
        return label;
    }
}
