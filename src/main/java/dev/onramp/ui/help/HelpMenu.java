package dev.onramp.ui.help;

import dev.onramp.ui.common.Icons;
import dev.onramp.ui.common.UiText;
import java.util.List;
import java.util.Map;
import javafx.animation.PauseTransition;
import javafx.geometry.Pos;
import javafx.scene.Parent;
import javafx.scene.control.Label;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.control.Tooltip;
import javafx.scene.input.Clipboard;
import javafx.scene.input.DataFormat;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.stage.Window;
import javafx.util.Duration;
import org.kordamp.ikonli.feather.Feather;

/**
 * The window's menu bar with the Help menu (Open documentation, Keyboard shortcuts, Copy diagnostics, About
 * Onramp) after the menus screens add, a line saying how the copy went ("Copied" for a few seconds) or why the
 * guide did not open, and a notice when the key is in a file because the system's key store did not answer.
 */
public final class HelpMenu {
    /** How long "Copied" shows beside the menu. */
    static final Duration COPIED_SHOWN = Duration.seconds(4);
    /** How wide the line beside the menu grows before it wraps. */
    private static final double STATUS_WIDTH = 560;

    private final HBox root;
    private final HelpModel model;
    private final MenuBar bar;
    private final MenuItem docs = new MenuItem(UiText.get("ui.help.openDocumentation"));
    private final MenuItem about;
    private final SeparatorMenuItem aboutLine = new SeparatorMenuItem();

    public HelpMenu(HelpModel model) {
        this.model = model;
        docs.setId("open-documentation");
        docs.setDisable(true);
        MenuItem shortcuts = new MenuItem(UiText.get("ui.help.keyboardShortcuts"));
        shortcuts.setId("keyboard-shortcuts");
        shortcuts.setOnAction(e -> HelpDialogs.shortcuts(window()));
        MenuItem copy = new MenuItem(UiText.get("ui.help.copyDiagnostics"));
        copy.setId("copy-diagnostics");
        copy.disableProperty().bind(model.busyProperty());
        copy.setOnAction(e -> model.copyDiagnostics());
        about = new MenuItem(UiText.get("ui.help.about"));
        about.setId("about-onramp");
        about.setDisable(true);
        Menu help = new Menu(UiText.get("ui.help.menu"), null, docs, shortcuts, new SeparatorMenuItem(), copy, aboutLine, about);
        help.setId("help-menu");
        bar = new MenuBar(help);
        // On macOS the menu joins the screen's menu bar, where people look for it.
        bar.setUseSystemMenuBar(true);
        HBox.setHgrow(bar, Priority.ALWAYS);
        // The menus' names are never cut short; the lines beside them wrap instead.
        bar.setMinWidth(Region.USE_PREF_SIZE);

        Label status = new Label();
        status.setId("help-status");
        status.getStyleClass().add("help-status");
        status.textProperty().bind(model.statusProperty());
        // A sentence saying why something failed may be long: it wraps over a few lines rather than being cut,
        // and leaves room for the key-store notice beside it.
        status.setWrapText(true);
        status.setMinHeight(Region.USE_PREF_SIZE);
        status.setMaxWidth(STATUS_WIDTH);
        // "Copied" shows beside the menu for a few seconds, then goes.
        PauseTransition shown = new PauseTransition(COPIED_SHOWN);
        shown.setOnFinished(e -> model.clearCopied());
        model.statusProperty().subscribe(text -> {
            if (HelpModel.copied().equals(text)) {
                shown.playFromStart();
            }
        });

        // One line that stays out of the way; the whole reason and its fix are in the tooltip and the diagnostics.
        Label keyStore = new Label();
        keyStore.setId("key-store-notice");
        keyStore.getStyleClass().add("help-status");
        keyStore.textProperty().bind(model.keyStoreNoticeProperty().map(notice -> notice.isEmpty() ? ""
                : UiText.get("ui.help.keyStoreNotice")));
        keyStore.setGraphic(Icons.of(Feather.ALERT_TRIANGLE, "key-store-icon"));
        keyStore.visibleProperty().bind(model.keyStoreNoticeProperty().isNotEmpty());
        keyStore.managedProperty().bind(keyStore.visibleProperty());
        keyStore.setWrapText(true);
        keyStore.setMinHeight(Region.USE_PREF_SIZE);
        Tooltip why = new Tooltip();
        why.textProperty().bind(model.keyStoreNoticeProperty());
        why.setWrapText(true);
        why.setMaxWidth(480);
        keyStore.setTooltip(why);

        root = new HBox(bar, status, keyStore);
        root.setAlignment(Pos.CENTER_LEFT);
        root.getStyleClass().add("menu-row");
    }

    /** Puts {@code menu} in the menu bar before Help; call it on the FX thread. */
    public void addMenu(Menu menu) {
        bar.getMenus().add(bar.getMenus().size() - 1, menu);
    }

    /** Adds {@code item} to the Help menu, after Copy diagnostics and before About Onramp; call it on the FX thread. */
    public void addHelpItem(MenuItem item) {
        List<MenuItem> items = bar.getMenus().getLast().getItems();
        items.add(items.indexOf(aboutLine), item);
    }

    /** Makes About Onramp and Open documentation answer from {@code topics}; call it on the FX thread. */
    public void addTopics(HelpTopics topics) {
        docs.setOnAction(e -> topics.openDocumentation().thenAccept(model::showDocumentationOpened));
        docs.setDisable(false);
        about.setOnAction(e -> topics.about().thenAccept(read -> HelpDialogs.about(window(), read)));
        about.setDisable(false);
    }

    /** Puts {@code text} on the system clipboard as plain text; call it on the FX thread. */
    public static void copyToClipboard(String text) {
        Clipboard.getSystemClipboard().setContent(Map.of(DataFormat.PLAIN_TEXT, text));
    }

    /** Puts {@code menu} in the bar before the Help menu, e.g. the hub's View menu. */
    public void addBeforeHelp(Menu menu) {
        bar.getMenus().add(bar.getMenus().size() - 1, menu);
    }

    private Window window() {
        return bar.getScene().getWindow();
    }

    public Parent root() {
        return root;
    }
}
