package dev.onramp.ui.common;

import javafx.scene.Scene;
import javafx.scene.control.DialogPane;

/** Gives every scene and dialog of the app its one stylesheet, onramp.css, on top of the theme. */
public final class Styles {
    private static final String SHEET =
            Styles.class.getResource("/dev/onramp/ui/onramp.css").toExternalForm();

    private Styles() {}

    public static void apply(Scene scene) {
        scene.getStylesheets().add(SHEET);
    }

    public static void apply(DialogPane pane) {
        pane.getStylesheets().add(SHEET);
    }
}
