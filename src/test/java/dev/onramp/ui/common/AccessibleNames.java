package dev.onramp.ui.common;

import java.util.ArrayList;
import java.util.List;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.ComboBoxBase;
import javafx.scene.control.Label;
import javafx.scene.control.Labeled;
import javafx.scene.control.TextInputControl;

/** What a screen reader would call each control a person can reach with the keyboard, and which have no name. */
public final class AccessibleNames {
    private AccessibleNames() {}

    /**
     * The focusable controls under {@code root} (focus-traversable, shown, enabled) that have no name:
     * no accessible text, no text of their own, no prompt, and no label pointing at them. Call on the FX thread.
     */
    public static List<String> unnamed(Parent root) {
        List<Label> labels = new ArrayList<>();
        List<Node> focusable = new ArrayList<>();
        walk(root, labels, focusable);
        List<String> unnamed = new ArrayList<>();
        for (Node node : focusable) {
            if (nameOf(node, labels).isBlank()) {
                unnamed.add(node.getClass().getSimpleName() + (node.getId() == null ? "" : "#" + node.getId())
                        + " " + node.getStyleClass());
            }
        }
        return unnamed;
    }

    /** The controls under {@code root} a person can reach with the keyboard now. Call on the FX thread. */
    public static List<Node> focusable(Parent root) {
        List<Node> focusable = new ArrayList<>();
        walk(root, new ArrayList<>(), focusable);
        return focusable;
    }

    /** The name a screen reader would give {@code node}, or an empty text. */
    public static String nameOf(Node node, List<Label> labels) {
        String text = node.getAccessibleText();
        if (text != null && !text.isBlank()) {
            return text;
        }
        if (node instanceof Labeled labeled && labeled.getText() != null && !labeled.getText().isBlank()) {
            return labeled.getText();
        }
        if (node instanceof TextInputControl input && input.getPromptText() != null
                && !input.getPromptText().isBlank()) {
            return input.getPromptText();
        }
        if (node instanceof ComboBoxBase<?> box && box.getPromptText() != null && !box.getPromptText().isBlank()) {
            return box.getPromptText();
        }
        return labels.stream().filter(label -> label.getLabelFor() == node).map(Label::getText)
                .filter(label -> label != null && !label.isBlank()).findFirst().orElse("");
    }

    private static void walk(Node node, List<Label> labels, List<Node> focusable) {
        if (!node.isVisible()) {
            return;
        }
        if (node instanceof Label label) {
            labels.add(label);
        }
        if (node.isFocusTraversable() && !node.isDisabled()) {
            focusable.add(node);
            if (node instanceof javafx.scene.control.Control) {
                return; // a control's own parts (a combo box's editor, a spinner's arrows) are the control's
            }
        }
        if (node instanceof Parent parent) {
            for (Node child : parent.getChildrenUnmodifiable()) {
                walk(child, labels, focusable);
            }
        }
    }
}
