package dev.onramp.ui.hub;

import dev.onramp.ui.common.UiText;
import java.util.List;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.ComboBoxBase;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.control.TextInputControl;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/**
 * The hub's search field and category chips: Ctrl+F (⌘F) or typing anywhere in the hub searches,
 * Escape clears; a chip shows one category.
 */
final class SearchBar {
    static final KeyCombination FIND = new KeyCodeCombination(KeyCode.F, KeyCombination.SHORTCUT_DOWN);

    private final HubSections sections;
    private final TextField field = new TextField();
    private final VBox root;

    SearchBar(HubSections sections, List<String> categories) {
        this.sections = sections;
        field.setId("hub-search");
        field.setPromptText(UiText.get("ui.hub.search.prompt"));
        field.setAccessibleText(UiText.get("ui.hub.search.accessible"));
        field.setAccessibleHelp(UiText.get("ui.hub.search.help"));
        field.textProperty().bindBidirectional(sections.queryProperty());
        field.addEventHandler(KeyEvent.KEY_PRESSED, key -> {
            if (key.getCode() == KeyCode.ESCAPE && !field.getText().isEmpty()) {
                field.clear();
                key.consume();
            }
        });
        HBox.setHgrow(field, Priority.ALWAYS);
        Label count = new Label();
        count.setId("hub-count");
        count.getStyleClass().add("hint");
        count.textProperty().bind(sections.countProperty());
        count.setMinWidth(Label.USE_PREF_SIZE);
        HBox line = new HBox(12, field, count);
        line.setAlignment(Pos.CENTER_LEFT);
        root = new VBox(8, line, chips(categories));
        root.getStyleClass().add("search-bar");
    }

    Parent root() {
        return root;
    }

    /** Puts the keyboard's focus in the search field. */
    void focus() {
        field.requestFocus();
    }

    /** "All" and one chip per category; choosing one filters, choosing it again goes back to All. */
    private FlowPane chips(List<String> categories) {
        ToggleGroup group = new ToggleGroup();
        FlowPane chips = new FlowPane(6, 6);
        chips.setId("category-chips");
        ToggleButton all = chip(UiText.get("ui.hub.chip.all"), HubSections.ALL, group);
        all.setSelected(true);
        chips.getChildren().add(all);
        categories.forEach(category -> chips.getChildren().add(chip(CategoryWords.of(category), category, group)));
        group.selectedToggleProperty().subscribe((was, is) -> {
            if (is == null) {
                all.setSelected(true); // one chip is always chosen
            } else {
                sections.categoryProperty().set((String) is.getUserData());
            }
        });
        return chips;
    }

    private static ToggleButton chip(String text, String category, ToggleGroup group) {
        ToggleButton chip = new ToggleButton(text);
        chip.setUserData(category);
        chip.setToggleGroup(group);
        chip.getStyleClass().add("chip");
        chip.setAccessibleText(category.isEmpty() ? UiText.get("ui.hub.chip.all.accessible")
                : UiText.get("ui.hub.chip.accessible", text));
        chip.setAccessibleHelp(UiText.get("ui.hub.chip.help"));
        chip.setId("chip-" + (category.isEmpty() ? "all" : category.toLowerCase(java.util.Locale.ROOT)
                .replaceAll("[^a-z0-9]+", "-")));
        return chip;
    }

    /**
     * Ctrl+F (⌘F) focuses the search, and a letter typed anywhere in {@code hub} outside another text
     * field goes into it.
     */
    void listenForTyping(Node hub) {
        hub.addEventFilter(KeyEvent.KEY_PRESSED, key -> {
            if (FIND.match(key)) {
                field.requestFocus();
                field.selectAll();
                key.consume();
            }
        });
        hub.addEventFilter(KeyEvent.KEY_TYPED, key -> {
            String typed = key.getCharacter();
            if (typed.isEmpty() || key.isControlDown() || key.isMetaDown() || key.isAltDown()
                    || typed.codePointAt(0) < 0x20 || typed.codePointAt(0) == 0x7f || typed.isBlank()) {
                return;
            }
            if (key.getTarget() instanceof TextInputControl
                    || key.getTarget() instanceof ComboBoxBase<?> box && box.isEditable()) {
                return;
            }
            field.requestFocus();
            field.appendText(typed);
            field.positionCaret(field.getText().length());
            key.consume();
        });
    }
}
