package dev.onramp.ui.common;

import javafx.beans.value.ObservableValue;
import javafx.scene.Node;

/** Shows a node, and gives it room in the layout, only while a condition holds; and the focus when it shows. */
public final class Visibility {
    private Visibility() {}

    public static void showWhen(Node node, ObservableValue<Boolean> condition) {
        node.visibleProperty().bind(condition);
        node.managedProperty().bind(condition);
    }

    /**
     * Gives {@code focus} the keyboard each time {@code shown} is shown: where a dialog's new phase begins, so that
     * Enter presses what that phase offers first rather than whichever button the hidden one passed the focus to.
     */
    public static void focusWhenShown(Node shown, Node focus) {
        shown.visibleProperty().subscribe((was, is) -> {
            if (is) {
                focus.requestFocus();
            }
        });
    }

    public static void showIf(Node node, boolean condition) {
        node.setVisible(condition);
        node.setManaged(condition);
    }
}
