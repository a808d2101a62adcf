package dev.onramp.ui.theme;

import atlantafx.base.theme.PrimerDark;
import atlantafx.base.theme.PrimerLight;
import atlantafx.base.theme.Theme;
import javafx.application.Application;
import javafx.application.ColorScheme;
import javafx.application.Platform;

/**
 * Puts AtlantaFX's Primer Light or Primer Dark under every window of the app as JavaFX's user agent stylesheet
 * (in its precompiled form, so no CSS is parsed); Onramp's own stylesheet sits on top and takes its colours.
 */
public final class AppTheme {
    private static final Theme LIGHT = new PrimerLight();
    private static final Theme DARK = new PrimerDark();
    /** The theme applied last; FX thread only. */
    private static Theme applied;

    private AppTheme() {}

    /**
     * Applies the system's light or dark look unless a theme is already applied; call it on the FX thread
     * before the first scene is made, so that JavaFX never loads its own Modena stylesheet.
     */
    public static void applyFirst() {
        if (applied == null) {
            apply(systemIsDark());
        }
    }

    /** Applies the dark or the light theme; does nothing when it is the one applied. Call it on the FX thread. */
    public static void apply(boolean dark) {
        Theme theme = dark ? DARK : LIGHT;
        if (theme != applied) {
            Application.setUserAgentStylesheet(theme.getUserAgentStylesheetBSS());
            applied = theme;
        }
    }

    /** Whether the dark theme is the one applied. */
    public static boolean dark() {
        return applied == DARK;
    }

    /** Whether the system asks for dark windows now; JavaFX says so on the FX thread. */
    static boolean systemIsDark() {
        return Platform.getPreferences().getColorScheme() == ColorScheme.DARK;
    }
}
