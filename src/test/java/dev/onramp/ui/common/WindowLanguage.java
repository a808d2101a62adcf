package dev.onramp.ui.common;

import java.util.Locale;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/** Runs each test of a class with the window in one language, and gives the language before back after it. */
public final class WindowLanguage implements BeforeEachCallback, AfterEachCallback {
    private final Locale language;
    private Locale before;

    private WindowLanguage(Locale language) {
        this.language = language;
    }

    /** Each test with the window in German. */
    public static WindowLanguage german() {
        return new WindowLanguage(Locale.GERMAN);
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        before = Locale.getDefault(Locale.Category.DISPLAY);
        Locale.setDefault(Locale.Category.DISPLAY, language);
    }

    @Override
    public void afterEach(ExtensionContext context) {
        Locale.setDefault(Locale.Category.DISPLAY, before);
    }
}
