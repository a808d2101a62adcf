package dev.onramp.ui.theme;

import dev.onramp.business.ThemeChoice;
import dev.onramp.ui.common.UiText;
import javafx.beans.value.ChangeListener;
import javafx.beans.value.WeakChangeListener;
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
            item.setSelected(model.choiceProperty().get() == choice);
            item.setOnAction(e -> model.choiceProperty().set(choice));
            // The model outlives the menu (the window's content is built again in another language): it holds the
            // item's listener weakly, and the item holds it for as long as the item is there.
            ChangeListener<ThemeChoice> selects = (seen, was, now) -> item.setSelected(now == choice);
            item.getProperties().put(ThemeMenu.class, selects);
            model.choiceProperty().addListener(new WeakChangeListener<>(selects));
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
