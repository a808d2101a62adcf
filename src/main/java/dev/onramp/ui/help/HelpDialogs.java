package dev.onramp.ui.help;

import dev.onramp.ui.common.Styles;
import dev.onramp.ui.common.UiText;
import javafx.scene.control.Alert;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.Window;

/** Help → About Onramp and Help → Keyboard shortcuts, each a dialog over the window. */
final class HelpDialogs {
    private HelpDialogs() {}

    /** About Onramp: the version, the data folder, the libraries with their licences and the logos' notice. */
    static void about(Window owner, HelpTopics.About about) {
        Label heading = new Label(String.join(" ", "Onramp", about.version()));
        heading.getStyleClass().add("about-heading");
        Label summary = wrapping(UiText.get("ui.help.about.summary"));
        Label folder = wrapping(UiText.get("ui.help.about.dataFolder", about.dataFolder()));
        folder.setId("about-data-folder");
        Label librariesTitle = new Label(UiText.get("ui.help.about.libraries"));
        librariesTitle.getStyleClass().add("field-label");
        TextArea libraries = readOnly(about.libraries().isEmpty() ? UiText.get("ui.help.about.noLibraries")
                : String.join("\n", about.libraries().stream().map(dev.onramp.diagnostics.BundledLibraries.Library::line).toList()));
        libraries.setId("about-licences");
        libraries.setAccessibleText(librariesTitle.getText());
        libraries.getStyleClass().add("about-licences");
        Label logosTitle = new Label(UiText.get("ui.help.about.logos"));
        logosTitle.getStyleClass().add("field-label");
        TextArea logos = readOnly(about.logosNotice());
        logos.setAccessibleText(logosTitle.getText());
        logos.setId("about-logos");
        logos.setPrefRowCount(6);
        VBox content = new VBox(8, heading, summary, folder, librariesTitle, libraries, logosTitle, logos);
        VBox.setVgrow(libraries, Priority.ALWAYS);
        content.setPrefWidth(620);
        show(owner, UiText.get("ui.help.about.title"), content, "about-onramp");
    }

    /** Keyboard shortcuts: each key and what it does. */
    static void shortcuts(Window owner) {
        GridPane grid = new GridPane(16, 8);
        int row = 0;
        for (HelpTopics.Shortcut shortcut : HelpTopics.shortcuts()) {
            Label keys = new Label(shortcut.keys());
            keys.getStyleClass().add("shortcut-keys");
            keys.setMinWidth(Region.USE_PREF_SIZE);
            grid.addRow(row++, keys, wrapping(shortcut.does()));
        }
        grid.setId("shortcut-list");
        show(owner, UiText.get("ui.help.shortcuts.title"), grid, "keyboard-shortcuts");
    }

    private static void show(Window owner, String title, Region content, String id) {
        // A button of its own rather than ButtonType.CLOSE, whose words JavaFX fixes once, in the language it started in.
        ButtonType close = new ButtonType(UiText.get("ui.help.close"), ButtonBar.ButtonData.CANCEL_CLOSE);
        Alert dialog = new Alert(Alert.AlertType.NONE, "", close);
        dialog.initOwner(owner);
        dialog.setTitle(title);
        dialog.setHeaderText(null);
        dialog.getDialogPane().setContent(content);
        dialog.getDialogPane().setId(id);
        dialog.setResizable(true);
        // Enter closes it too: the dialog only tells, so closing is its one action.
        ((Button) dialog.getDialogPane().lookupButton(close)).setDefaultButton(true);
        Styles.apply(dialog.getDialogPane());
        dialog.show();
    }

    private static Label wrapping(String text) {
        Label label = new Label(text);
        label.setWrapText(true);
        label.setMinHeight(Region.USE_PREF_SIZE);
        return label;
    }

    private static TextArea readOnly(String text) {
        TextArea area = new TextArea(text);
        area.setEditable(false);
        area.setWrapText(true);
        return area;
    }
}
