package dev.onramp.ui.language;

import dev.onramp.business.LanguageSetting;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The window's language choice (System, or a language Onramp ships) and the language it makes the window speak;
 * the saved choice is known before the first frame or read off the FX thread, and a person's choice is saved off
 * it, once the setting is there (the app's services).
 */
public final class LanguageModel {
    private static final Logger LOG = LoggerFactory.getLogger(LanguageModel.class);

    /** The language chosen; empty for the system's. */
    private final ObjectProperty<Optional<Locale>> choice = new SimpleObjectProperty<>(this, "choice", Optional.empty());
    private final CompletionStage<LanguageSetting> setting;
    private final Executor background;
    /** Saves one after another, in the order they were chosen. */
    private CompletableFuture<Void> saving = CompletableFuture.completedFuture(null);
    /** Whether the saved choice is being put in place, which is not a choice to save. */
    private boolean loading;
    /** Whether a person chose before the saved choice was read; theirs wins. */
    private boolean chosen;
    /** Completes once the saved choice is known and, unless a person chose first, in place. */
    private final CompletableFuture<Void> loaded = new CompletableFuture<>();

    /**
     * @param initial the choice the window opens with, known before its first frame: the language given for this
     *                run ({@code --locale}), else the one saved ({@link LanguageSetting#savedIn}); not read again
     * @param setting the remembered setting, once the app's services are there
     */
    public LanguageModel(Optional<Locale> initial, CompletionStage<LanguageSetting> setting, Executor background) {
        this(initial, setting, background, true);
    }

    private LanguageModel(Optional<Locale> initial, CompletionStage<LanguageSetting> setting, Executor background,
            boolean known) {
        this.setting = setting;
        this.background = background;
        choice.set(initial);
        choice.addListener((seen, was, is) -> {
            if (!loading) {
                chosen = true;
                save(is);
            }
        });
        if (known) {
            loaded.complete(null);
        }
    }

    /**
     * A model that reads the saved choice from {@code setting} on {@code background} and puts it in place on
     * {@code fx}, unless a person chose first; until then the choice is the system's.
     */
    public static LanguageModel reading(CompletionStage<LanguageSetting> setting, Executor background, Executor fx) {
        LanguageModel model = new LanguageModel(Optional.empty(), setting, background, false);
        setting.thenAcceptAsync(saved -> {
            Optional<Locale> read = read(saved);
            fx.execute(() -> model.load(read));
        }, background).exceptionally(failure -> {
            model.loaded.complete(null);
            return null;
        });
        return model;
    }

    /** The language chosen, empty for the system's; setting it saves it. */
    public ObjectProperty<Optional<Locale>> choiceProperty() {
        return choice;
    }

    /** The language the window speaks for the choice: the one chosen, else the system's. */
    public Locale language() {
        return choice.get().orElseGet(LanguageSetting::system);
    }

    /** Completes once the saved choice is in place (or a person's replaced it); at once for a choice known at the start. */
    public CompletionStage<Void> loaded() {
        return loaded;
    }

    /** Completes once every choice made so far is saved (or failed to be). */
    public CompletionStage<Void> saved() {
        return saving;
    }

    private void load(Optional<Locale> read) {
        if (!chosen) {
            loading = true;
            choice.set(read);
            loading = false;
        }
        loaded.complete(null);
    }

    private static Optional<Locale> read(LanguageSetting saved) {
        try {
            return saved.choice();
        } catch (RuntimeException e) {
            LOG.warn("Could not read the saved language; the window speaks the system's", e);
            return Optional.empty();
        }
    }

    private void save(Optional<Locale> picked) {
        saving = saving.thenCombineAsync(setting, (done, saved) -> {
            saved.save(picked);
            return (Void) null;
        }, background).exceptionally(failure -> {
            LOG.warn("Could not save the language {}; it applies until Onramp closes",
                    picked.map(Locale::toLanguageTag).orElse("system"), failure);
            return null;
        });
    }
}
