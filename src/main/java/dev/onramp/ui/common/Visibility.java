package dev.onramp.ui.common;

import javafx.beans.value.ObservableValue;
import javafx.scene.Node;

/** Shows a node, and gives it room in the layout, only while a condition holds. */
public final class Visibility {
    private Visibility() {}

    public static void showWhen(Node node, ObservableValue<Boolean> condition) {
        node.visibleProperty().bind(condition);
        node.managedProperty().bind(condition);
    }

    public static void showIf(Node node, boolean condition) {
        node.setVisible(condition);
        node.setManaged(condition);
    }
}
