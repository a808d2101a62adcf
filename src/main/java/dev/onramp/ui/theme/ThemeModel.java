package dev.onramp.ui.theme;

import dev.onramp.business.ThemeChoice;
import dev.onramp.business.ThemeSetting;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;
import javafx.application.ColorScheme;
import javafx.application.Platform;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.value.ObservableValue;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The window's theme choice (System, Light, Dark) and whether it makes the window dark: System follows the
 * system's colour scheme as it changes; the saved choice is read, and a person's choice saved, off the FX thread.
 */
public final class ThemeModel {
    private static final Logger LOG = LoggerFactory.getLogger(ThemeModel.class);

    private final ObjectProperty<ThemeChoice> choice = new SimpleObjectProperty<>(ThemeChoice.SYSTEM);
    private final BooleanBinding dark;
    private final CompletionStage<ThemeSetting> setting;
    private final Executor background;
    /** Saves one after another, in the order they were chosen. */
    private CompletableFuture<Void> saving = CompletableFuture.completedFuture(null);
    /** Whether the saved choice is being put in place, which is not a choice to save. */
    private boolean loading;
    /** Whether a person chose before the saved choice was read; theirs wins. */
    private boolean chosen;
    /** Completes once the saved choice is read and, unless a person chose first, put in place. */
    private final CompletableFuture<Void> loaded = new CompletableFuture<>();

    /**
     * @param system the system's colour scheme, e.g. {@link #systemColorScheme()}
     * @param setting the remembered setting, once the app's services are there
     */
    public ThemeModel(ObservableValue<ColorScheme> system, CompletionStage<ThemeSetting> setting, Executor background,
            Executor fx) {
        this(system, ThemeChoice.SYSTEM, setting, background, fx);
    }

    /**
     * @param initial the choice to draw the first frame in, read from the data folder before anything else
     *                ({@link ThemeSetting#savedIn}); the saved setting, once read, confirms or replaces it
     */
    public ThemeModel(ObservableValue<ColorScheme> system, ThemeChoice initial, CompletionStage<ThemeSetting> setting,
            Executor background, Executor fx) {
        choice.set(initial);
        this.setting = setting;
        this.background = background;
        dark = Bindings.createBooleanBinding(() -> choice.get() == ThemeChoice.DARK
                || choice.get() == ThemeChoice.SYSTEM && system.getValue() == ColorScheme.DARK, choice, system);
        choice.addListener((seen, was, is) -> {
            if (!loading) {
                chosen = true;
                save(is);
            }
        });
        setting.thenAcceptAsync(saved -> {
            ThemeChoice read = read(saved);
            fx.execute(() -> {
                if (!chosen) {
                    loading = true;
                    choice.set(read);
                    loading = false;
                }
                loaded.complete(null);
            });
        }, background).exceptionally(failure -> {
            loaded.complete(null);
            return null;
        });
    }

    /** The system's colour scheme as JavaFX follows it; call it on the FX thread. */
    public static ObservableValue<ColorScheme> systemColorScheme() {
        return Platform.getPreferences().colorSchemeProperty();
    }

    /** System, Light or Dark; setting it saves it. */
    public ObjectProperty<ThemeChoice> choiceProperty() {
        return choice;
    }

    /** Whether the window is dark now. */
    public BooleanBinding darkProperty() {
        return dark;
    }

    /** Completes once the saved choice has been read into the model. */
    public CompletionStage<Void> loaded() {
        return loaded;
    }

    /** Completes once every choice made so far is saved (or failed to be). */
    public CompletionStage<Void> saved() {
        return saving;
    }

    private static ThemeChoice read(ThemeSetting saved) {
        try {
            return saved.choice();
        } catch (RuntimeException e) {
            LOG.warn("Could not read the saved theme; the window follows the system's", e);
            return ThemeChoice.SYSTEM;
        }
    }

    private void save(ThemeChoice picked) {
        saving = saving.thenCombineAsync(setting, (done, saved) -> {
            saved.save(picked);
            return (Void) null;
        }, background).exceptionally(failure -> {
            LOG.warn("Could not save the theme {}; it applies until Onramp closes", picked.word(), failure);
            return null;
        });
    }
}
