package dev.onramp.ui.theme;

import dev.onramp.business.ThemeChoice;
import java.util.Map;
import javafx.scene.control.Menu;
import javafx.scene.control.RadioMenuItem;
import javafx.scene.control.ToggleGroup;

/** View → Theme: System, Light and Dark as radio items bound to the {@link ThemeModel}'s choice. */
public final class ThemeMenu {
    private static final Map<ThemeChoice, String> LABELS =
            Map.of(ThemeChoice.SYSTEM, "System", ThemeChoice.LIGHT, "Light", ThemeChoice.DARK, "Dark");

    private ThemeMenu() {}

    /** The Theme submenu (id {@code theme-menu}, items {@code theme-system}, {@code theme-light}, {@code theme-dark}). */
    public static Menu of(ThemeModel model) {
        ToggleGroup group = new ToggleGroup();
        Menu menu = new Menu("_Theme");
        menu.setId("theme-menu");
        for (ThemeChoice choice : ThemeChoice.values()) {
            RadioMenuItem item = new RadioMenuItem(LABELS.get(choice));
            item.setId("theme-" + choice.word());
            item.setToggleGroup(group);
            item.setOnAction(e -> model.choiceProperty().set(choice));
            model.choiceProperty().subscribe(now -> item.setSelected(now == choice));
            menu.getItems().add(item);
        }
        return menu;
    }
}
