package dev.onramp.ui.theme;

import dev.onramp.business.ThemeChoice;
import dev.onramp.ui.common.UiText;
import javafx.scene.control.Menu;
import javafx.scene.control.RadioMenuItem;
import javafx.scene.control.ToggleGroup;

/** View → Theme: System, Light and Dark as radio items bound to the {@link ThemeModel}'s choice. */
public final class ThemeMenu {
    private ThemeMenu() {}

    /** The Theme submenu (id {@code theme-menu}, items {@code theme-system}, {@code theme-light}, {@code theme-dark}). */
    public static Menu of(ThemeModel model) {
        ToggleGroup group = new ToggleGroup();
        Menu menu = new Menu(UiText.get("ui.theme.menu"));
        menu.setId("theme-menu");
        for (ThemeChoice choice : ThemeChoice.values()) {
            RadioMenuItem item = new RadioMenuItem(label(choice));
            item.setId("theme-" + choice.word());
            item.setToggleGroup(group);
            item.setOnAction(e -> model.choiceProperty().set(choice));
            model.choiceProperty().subscribe(now -> item.setSelected(now == choice));
            menu.getItems().add(item);
        }
        return menu;
    }

    private static String label(ThemeChoice choice) {
        return switch (choice) {
            case SYSTEM -> UiText.get("ui.theme.system");
            case LIGHT -> UiText.get("ui.theme.light");
            case DARK -> UiText.get("ui.theme.dark");
        };
    }
}
