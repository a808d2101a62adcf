package dev.onramp.ui.hub;

import dev.onramp.ui.common.Styles;
import dev.onramp.ui.common.UiText;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Supplier;
import javafx.beans.value.ObservableBooleanValue;
import javafx.scene.control.Alert;
import javafx.scene.control.ChoiceDialog;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuItem;
import javafx.stage.Window;

/**
 * The window's Demo menu, shown while the chosen business uses the built-in simulator: "Revoke a
 * sign-in…", "Break a source…" and "Delete a source in Airbyte…", each asking which connection.
 */
public final class DemoMenu {
    private final Menu menu = new Menu(UiText.get("ui.hub.demoMenu.menu"));

    /**
     * @param shown  whether the chosen business uses the built-in simulator
     * @param window the window the dialogs open over
     */
    public DemoMenu(DemoMenuModel model, ObservableBooleanValue shown, Supplier<Window> window) {
        menu.setId("demo-menu");
        menu.visibleProperty().bind(shown);
        Dialogs dialogs = new Dialogs(window);
        for (DemoMenuModel.Action action : DemoMenuModel.Action.values()) {
            MenuItem item = new MenuItem(action.menuText());
            item.setId("demo-" + action.name().toLowerCase(java.util.Locale.ROOT).replace('_', '-'));
            item.disableProperty().bind(model.busyProperty());
            item.setOnAction(e -> model.start(action, dialogs));
            menu.getItems().add(item);
        }
    }

    public Menu menu() {
        return menu;
    }

    /** The dialogs over the window, opened without waiting for them to close. */
    private record Dialogs(Supplier<Window> window) implements DemoMenuModel.Dialogs {
        @Override
        public void choose(DemoMenuModel.Action action, List<DemoMenuModel.Choice> choices,
                Consumer<DemoMenuModel.Choice> chosen) {
            ChoiceDialog<DemoMenuModel.Choice> dialog = new ChoiceDialog<>(choices.getFirst(), choices);
            dialog.initOwner(window.get());
            dialog.setTitle(action.title());
            dialog.setHeaderText(action.question());
            dialog.setContentText(UiText.get("ui.hub.demoMenu.connection"));
            dialog.getDialogPane().setId("demo-choice");
            // The label beside the list is not tied to it: the list carries its name itself.
            dialog.getDialogPane().lookup(".combo-box").setAccessibleText(UiText.get("ui.hub.demoMenu.connection"));
            Styles.apply(dialog.getDialogPane());
            dialog.setOnHidden(e -> {
                if (dialog.getResult() != null) {
                    chosen.accept(dialog.getResult());
                }
            });
            dialog.show();
        }

        @Override
        public void tell(DemoMenuModel.Action action, String message) {
            Alert alert = new Alert(Alert.AlertType.INFORMATION, message);
            alert.initOwner(window.get());
            alert.setTitle(action.title());
            alert.setHeaderText(null);
            alert.getDialogPane().setId("demo-result");
            Styles.apply(alert.getDialogPane());
            alert.show();
        }
    }
}
