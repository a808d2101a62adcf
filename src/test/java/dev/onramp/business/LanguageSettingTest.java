package dev.onramp.business;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.onramp.store.WindowPreferences;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** View → Language's choice in the data folder's window preferences file, and which language a run's window speaks. */
class LanguageSettingTest {
    @TempDir
    Path dataDir;

    @Test
    void aChosenLanguage_isSavedInTheWindowsPreferencesFile_andReadBeforeAnythingIsOpened() throws Exception {
        new LanguageSetting(new WindowPreferences(dataDir)).save(Optional.of(Locale.GERMANY));

        assertThat(Files.readString(dataDir.resolve(WindowPreferences.FILE))).contains("language=de");
        assertThat(LanguageSetting.savedIn(dataDir)).contains(Locale.GERMAN);
    }

    @Test
    void theSystemsLanguage_isSavedAsNoChoiceAtAll_andTheThemeStays() {
        new ThemeSetting(new WindowPreferences(dataDir)).save(ThemeChoice.DARK);
        LanguageSetting setting = new LanguageSetting(new WindowPreferences(dataDir));
        setting.save(Optional.of(Locale.FRENCH));

        setting.save(Optional.empty());

        assertThat(new WindowPreferences(dataDir).get("language")).isEmpty();
        assertThat(LanguageSetting.savedIn(dataDir)).isEmpty();
        assertThat(ThemeSetting.savedIn(dataDir)).isEqualTo(ThemeChoice.DARK);
    }

    @Test
    void aSavedLanguageOnrampDoesNotShip_isNoChoice() {
        new WindowPreferences(dataDir).put("language", Optional.of("ja"));

        assertThat(LanguageSetting.savedIn(dataDir)).isEmpty();
    }

    @Test
    void aLanguageOnrampDoesNotShip_isRefused() {
        LanguageSetting setting = new LanguageSetting(new WindowPreferences(dataDir));

        assertThatThrownBy(() -> setting.save(Optional.of(Locale.JAPANESE)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(setting.choice()).isEmpty();
    }

    @Test
    void theLanguageGivenForARun_winsOverTheSavedOne_whichWinsOverTheSystems() {
        assertThat(LanguageSetting.forRun(Optional.empty(), dataDir)).as("nothing saved: the system's").isEmpty();
        new LanguageSetting(new WindowPreferences(dataDir)).save(Optional.of(Locale.GERMAN));

        assertThat(LanguageSetting.forRun(Optional.empty(), dataDir)).contains(Locale.GERMAN);
        assertThat(LanguageSetting.forRun(Optional.of(Locale.FRENCH), dataDir)).contains(Locale.FRENCH);
    }

    @Test
    void theSystemsLanguage_isTheOneTheJvmStartedWith_notTheWindowsChoice() {
        Locale before = Locale.getDefault(Locale.Category.DISPLAY);
        try {
            Locale.setDefault(Locale.Category.DISPLAY, Locale.GERMAN);
            // The tests run with -Duser.language=en.
            assertThat(LanguageSetting.system()).isEqualTo(Locale.ENGLISH);
        } finally {
            Locale.setDefault(Locale.Category.DISPLAY, before);
        }
    }

    @Test
    void anUnsavedSetting_keepsTheChoiceWhileTheAppRuns() {
        LanguageSetting setting = LanguageSetting.unsaved();
        setting.save(Optional.of(Locale.FRENCH));

        assertThat(setting.choice()).contains(Locale.FRENCH);
    }
}
