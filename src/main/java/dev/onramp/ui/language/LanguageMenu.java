package dev.onramp.ui.language;

import dev.onramp.text.Locales;
import dev.onramp.ui.common.UiText;
import java.util.Locale;
import java.util.Optional;
import javafx.beans.value.ChangeListener;
import javafx.beans.value.WeakChangeListener;
import javafx.scene.control.Menu;
import javafx.scene.control.RadioMenuItem;
import javafx.scene.control.ToggleGroup;

/**
 * View → Language: System and each language Onramp ships, named in its own words (English, Deutsch, Français),
 * as radio items bound to the {@link LanguageModel}'s choice.
 */
public final class LanguageMenu {
    private LanguageMenu() {}

    /**
     * The Language submenu (id {@code language-menu}, items {@code language-system} and {@code language-} with each
     * language's code: {@code language-en}, {@code language-de}, {@code language-fr}).
     */
    public static Menu of(LanguageModel model) {
        ToggleGroup group = new ToggleGroup();
        Menu menu = new Menu(UiText.get("ui.language.menu"));
        menu.setId("language-menu");
        menu.getItems().add(item(model, group, "language-system", UiText.get("ui.language.system"), Optional.empty()));
        for (Locale language : Locales.SHIPPED) {
            menu.getItems().add(item(model, group, "language-" + language.getLanguage(), ownName(language),
                    Optional.of(language)));
        }
        return menu;
    }

    /** {@code language} named in its own words, capitalised as a menu item: "English", "Deutsch", "Français". */
    static String ownName(Locale language) {
        String name = language.getDisplayLanguage(language);
        return name.isEmpty() ? name : name.substring(0, 1).toUpperCase(language) + name.substring(1);
    }

    private static RadioMenuItem item(LanguageModel model, ToggleGroup group, String id, String label,
            Optional<Locale> choice) {
        RadioMenuItem item = new RadioMenuItem(label);
        item.setMnemonicParsing(false);
        item.setId(id);
        item.setToggleGroup(group);
        item.setSelected(model.choiceProperty().get().equals(choice));
        item.setOnAction(e -> model.choiceProperty().set(choice));
        // The model outlives the menu (the window's content is built again in another language): it holds the
        // item's listener weakly, and the item holds it for as long as the item is there.
        ChangeListener<Optional<Locale>> selects = (seen, was, now) -> item.setSelected(now.equals(choice));
        item.getProperties().put(LanguageMenu.class, selects);
        model.choiceProperty().addListener(new WeakChangeListener<>(selects));
        return item;
    }
}
