package dev.onramp.ui.theme;

import static org.assertj.core.api.Assertions.assertThat;

import dev.onramp.business.ThemeChoice;
import dev.onramp.business.ThemeSetting;
import dev.onramp.oauth.BrowserLauncher;
import dev.onramp.ui.AppUnderTest;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import javafx.application.ColorScheme;
import javafx.beans.property.SimpleObjectProperty;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The theme choice: System, Light and Dark are each remembered across a restart of the app's services (its real
 * database), and System follows the system's colour scheme as it changes.
 */
class ThemeModelTest {
    private static final BrowserLauncher NO_BROWSER = url -> {
        throw new AssertionError("no browser here");
    };
    /** The model's FX work, run at once: the model is only touched from the test's thread. */
    private static final Executor HERE = Runnable::run;

    @TempDir
    Path dataDir;

    private final SimpleObjectProperty<ColorScheme> system = new SimpleObjectProperty<>(ColorScheme.LIGHT);

    @Test
    void eachChoice_isRememberedAcrossARestartOfTheAppsServices() throws Exception {
        for (ThemeChoice choice : new ThemeChoice[] {ThemeChoice.DARK, ThemeChoice.LIGHT, ThemeChoice.SYSTEM}) {
            try (AppUnderTest app = AppUnderTest.start(dataDir, NO_BROWSER)) {
                ThemeModel model = model(app);
                model.choiceProperty().set(choice);
                model.saved().toCompletableFuture().get(10, TimeUnit.SECONDS);
            }
            try (AppUnderTest restarted = AppUnderTest.start(dataDir, NO_BROWSER)) {
                assertThat(restarted.context().theme().choice()).isEqualTo(choice);
                ThemeModel model = model(restarted);
                assertThat(model.choiceProperty().get()).as("read into the window").isEqualTo(choice);
            }
        }
    }

    @Test
    void system_followsAChangedColourScheme_whileLightAndDarkStayAsChosen() {
        ThemeModel model = new ThemeModel(system, new CompletableFuture<>(), HERE, HERE);
        assertThat(model.choiceProperty().get()).isEqualTo(ThemeChoice.SYSTEM);
        assertThat(model.darkProperty().get()).isFalse();

        system.set(ColorScheme.DARK);
        assertThat(model.darkProperty().get()).isTrue();
        system.set(ColorScheme.LIGHT);
        assertThat(model.darkProperty().get()).isFalse();

        model.choiceProperty().set(ThemeChoice.DARK);
        assertThat(model.darkProperty().get()).isTrue();
        model.choiceProperty().set(ThemeChoice.LIGHT);
        system.set(ColorScheme.DARK);
        assertThat(model.darkProperty().get()).isFalse();
        model.choiceProperty().set(ThemeChoice.SYSTEM);
        assertThat(model.darkProperty().get()).isTrue();
    }

    @Test
    void aChoiceMadeBeforeTheSavedOneIsRead_winsAndIsSaved() throws Exception {
        try (AppUnderTest app = AppUnderTest.start(dataDir, NO_BROWSER)) {
            app.context().theme().save(ThemeChoice.LIGHT);
            CompletableFuture<dev.onramp.business.ThemeSetting> later = new CompletableFuture<>();
            ThemeModel model = new ThemeModel(system, later, app.context().background(), HERE);
            model.choiceProperty().set(ThemeChoice.DARK);
            later.complete(app.context().theme());
            model.saved().toCompletableFuture().get(10, TimeUnit.SECONDS);
            app.context().background().submit(() -> null).get(10, TimeUnit.SECONDS);

            assertThat(model.choiceProperty().get()).isEqualTo(ThemeChoice.DARK);
            assertThat(app.context().theme().choice()).isEqualTo(ThemeChoice.DARK);
        }
    }

    @Test
    void theFirstFrame_isDrawnInTheThemeSavedInTheDataFolder_beforeTheDatabaseIsOpen() throws Exception {
        try (AppUnderTest app = AppUnderTest.start(dataDir, NO_BROWSER)) {
            ThemeModel model = model(app);
            model.choiceProperty().set(ThemeChoice.DARK);
            model.saved().toCompletableFuture().get(10, TimeUnit.SECONDS);
        }

        // The services (and their database) never arrive: only the file beside it is read.
        ThemeModel first = new ThemeModel(system, ThemeSetting.savedIn(dataDir), new CompletableFuture<>(), HERE, HERE);

        assertThat(first.choiceProperty().get()).isEqualTo(ThemeChoice.DARK);
        assertThat(first.darkProperty().get()).isTrue();
    }

    /** A model over the app's remembered setting, its saved choice read before it is returned. */
    private ThemeModel model(AppUnderTest app) throws Exception {
        ThemeModel model = new ThemeModel(system, CompletableFuture.completedFuture(app.context().theme()),
                app.context().background(), HERE);
        model.loaded().toCompletableFuture().get(10, TimeUnit.SECONDS);
        return model;
    }
}
