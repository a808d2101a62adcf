package dev.onramp.ui.language;

import static org.assertj.core.api.Assertions.assertThat;

import dev.onramp.business.LanguageSetting;
import dev.onramp.store.WindowPreferences;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The language choice without a toolkit: read, chosen, saved in the data folder's window preferences file. */
class LanguageModelTest {
    /** The model's FX and background work, run at once: the model is only touched from the test's thread. */
    private static final Executor HERE = Runnable::run;

    @TempDir
    Path dataDir;

    private LanguageSetting setting() {
        return new LanguageSetting(new WindowPreferences(dataDir));
    }

    @Test
    void aChoice_isSaved_andTheSystemsIsSavedAsNone() throws Exception {
        LanguageModel model = new LanguageModel(Optional.empty(), CompletableFuture.completedFuture(setting()), HERE);

        model.choiceProperty().set(Optional.of(Locale.GERMAN));
        model.saved().toCompletableFuture().get(10, TimeUnit.SECONDS);
        assertThat(model.language()).isEqualTo(Locale.GERMAN);
        assertThat(setting().choice()).contains(Locale.GERMAN);

        model.choiceProperty().set(Optional.empty());
        model.saved().toCompletableFuture().get(10, TimeUnit.SECONDS);
        assertThat(model.language()).as("the system's: the tests run in English").isEqualTo(Locale.ENGLISH);
        assertThat(setting().choice()).isEmpty();
    }

    @Test
    void aChoiceMadeWhileTheWindowOpens_isSavedOnceTheSettingIsThere() throws Exception {
        CompletableFuture<LanguageSetting> later = new CompletableFuture<>();
        LanguageModel model = new LanguageModel(Optional.empty(), later, HERE);

        model.choiceProperty().set(Optional.of(Locale.FRENCH));
        assertThat(setting().choice()).isEmpty();
        later.complete(setting());

        model.saved().toCompletableFuture().get(10, TimeUnit.SECONDS);
        assertThat(setting().choice()).contains(Locale.FRENCH);
    }

    @Test
    void theChoiceKnownBeforeTheFirstFrame_isNotSavedAgain() throws Exception {
        LanguageModel model = new LanguageModel(Optional.of(Locale.FRENCH), CompletableFuture.completedFuture(setting()),
                HERE);

        assertThat(model.loaded().toCompletableFuture().isDone()).isTrue();
        assertThat(model.choiceProperty().get()).contains(Locale.FRENCH);
        assertThat(setting().choice()).as("a language given with --locale is for that run only").isEmpty();
    }

    @Test
    void aReadingModel_putsTheSavedLanguageInPlace_unlessAPersonChoseFirst() throws Exception {
        setting().save(Optional.of(Locale.GERMAN));
        LanguageModel reading = LanguageModel.reading(CompletableFuture.completedFuture(setting()), HERE, HERE);
        reading.loaded().toCompletableFuture().get(10, TimeUnit.SECONDS);
        assertThat(reading.choiceProperty().get()).contains(Locale.GERMAN);

        CompletableFuture<LanguageSetting> later = new CompletableFuture<>();
        LanguageModel chosenFirst = LanguageModel.reading(later, HERE, HERE);
        chosenFirst.choiceProperty().set(Optional.of(Locale.FRENCH));
        later.complete(setting());
        chosenFirst.loaded().toCompletableFuture().get(10, TimeUnit.SECONDS);
        chosenFirst.saved().toCompletableFuture().get(10, TimeUnit.SECONDS);
        assertThat(chosenFirst.choiceProperty().get()).contains(Locale.FRENCH);
        assertThat(setting().choice()).contains(Locale.FRENCH);
    }

    @Test
    void eachLanguage_isNamedInItsOwnWords() {
        assertThat(LanguageMenu.ownName(Locale.ENGLISH)).isEqualTo("English");
        assertThat(LanguageMenu.ownName(Locale.GERMAN)).isEqualTo("Deutsch");
        assertThat(LanguageMenu.ownName(Locale.FRENCH)).isEqualTo("Français");
    }
}
