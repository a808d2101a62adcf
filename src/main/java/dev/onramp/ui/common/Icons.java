package dev.onramp.ui.common;

import org.kordamp.ikonli.Ikon;
import org.kordamp.ikonli.javafx.FontIcon;

/** The window's icons: Feather glyphs (Ikonli) drawn in the theme's colours, each with a style class of its own. */
public final class Icons {
    private Icons() {}

    /** {@code ikon} as a node with the style class {@code styleClass} (besides Ikonli's {@code ikonli-font-icon}). */
    public static FontIcon of(Ikon ikon, String styleClass) {
        FontIcon icon = new FontIcon(ikon);
        icon.getStyleClass().add(styleClass);
        return icon;
    }
}
