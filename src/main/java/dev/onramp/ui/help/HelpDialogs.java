package dev.onramp.ui.help;

import dev.onramp.ui.common.Styles;
import javafx.scene.control.Alert;
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
        Label heading = new Label("Onramp " + about.version());
        heading.getStyleClass().add("about-heading");
        Label summary = wrapping("Connects a business's SaaS accounts to Airbyte from the desktop.");
        Label folder = wrapping("Data folder: " + about.dataFolder());
        folder.setId("about-data-folder");
        Label librariesTitle = new Label("Libraries Onramp ships, with their licences");
        librariesTitle.getStyleClass().add("field-label");
        TextArea libraries = readOnly(about.libraries().isEmpty() ? "This build does not list its libraries."
                : String.join("\n", about.libraries().stream().map(dev.onramp.diagnostics.BundledLibraries.Library::line).toList()));
        libraries.setId("about-licences");
        libraries.setAccessibleText("Libraries Onramp ships, with their licences");
        libraries.getStyleClass().add("about-licences");
        Label logosTitle = new Label("Providers' logos");
        logosTitle.getStyleClass().add("field-label");
        TextArea logos = readOnly(about.logosNotice());
        logos.setAccessibleText("Providers' logos");
        logos.setId("about-logos");
        logos.setPrefRowCount(6);
        VBox content = new VBox(8, heading, summary, folder, librariesTitle, libraries, logosTitle, logos);
        VBox.setVgrow(libraries, Priority.ALWAYS);
        content.setPrefWidth(620);
        show(owner, "About Onramp", content, "about-onramp");
    }

    /** Keyboard shortcuts: each key and what it does. */
    static void shortcuts(Window owner) {
        GridPane grid = new GridPane(16, 8);
        int row = 0;
        for (HelpTopics.Shortcut shortcut : HelpTopics.SHORTCUTS) {
            Label keys = new Label(shortcut.keys());
            keys.getStyleClass().add("shortcut-keys");
            keys.setMinWidth(Region.USE_PREF_SIZE);
            grid.addRow(row++, keys, wrapping(shortcut.does()));
        }
        grid.setId("shortcut-list");
        show(owner, "Keyboard shortcuts", grid, "keyboard-shortcuts");
    }

    private static void show(Window owner, String title, Region content, String id) {
        Alert dialog = new Alert(Alert.AlertType.NONE, "", ButtonType.CLOSE);
        dialog.initOwner(owner);
        dialog.setTitle(title);
        dialog.setHeaderText(null);
        dialog.getDialogPane().setContent(content);
        dialog.getDialogPane().setId(id);
        dialog.setResizable(true);
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
