package dev.onramp.ui.common;

import javafx.scene.Scene;
import javafx.scene.control.DialogPane;

/** Gives every scene and dialog of the app its stylesheets: the look (onramp.css), then the text's sizes in ems (sizes.css). */
public final class Styles {
    private static final String SHEET =
            Styles.class.getResource("/dev/onramp/ui/onramp.css").toExternalForm();
    private static final String SIZES =
            Styles.class.getResource("/dev/onramp/ui/sizes.css").toExternalForm();

    private Styles() {}

    public static void apply(Scene scene) {
        scene.getStylesheets().addAll(SHEET, SIZES);
    }

    public static void apply(DialogPane pane) {
        pane.getStylesheets().addAll(SHEET, SIZES);
    }
}
