package dev.onramp.ui.summary;

import static org.assertj.core.api.Assertions.assertThat;

import dev.onramp.connect.summary.OnboardingSummary;
import dev.onramp.connect.summary.SummaryFormat;
import java.time.ZoneId;
import java.util.Locale;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The Summary dialog's sentences, without a toolkit: in English as before, and in German. */
class SummaryModelTest {
    private final Locale before = Locale.getDefault(Locale.Category.DISPLAY);

    @AfterEach
    void restoreLocale() {
        Locale.setDefault(Locale.Category.DISPLAY, before);
    }

    private static SummaryModel failing() {
        Supplier<OnboardingSummary> build = () -> {
            throw new IllegalStateException("the database is closed");
        };
        return new SummaryModel("Globex", build, Runnable::run, Runnable::run, ZoneId.of("UTC"));
    }

    @Test
    void aSummaryThatCannotBeMade_saysWhyInOneSentence() {
        Locale.setDefault(Locale.Category.DISPLAY, Locale.ENGLISH);
        SummaryModel model = failing();

        model.load();

        assertThat(model.messageProperty().get())
                .isEqualTo("Onramp could not make the summary of Globex: the database is closed");
        assertThat(model.failedProperty().get()).isTrue();
        assertThat(model.suggestedName(SummaryFormat.PDF)).isEqualTo("summary.pdf");
    }

    @Test
    void inGerman_aSummaryThatCannotBeMade_saysWhyInGerman() {
        Locale.setDefault(Locale.Category.DISPLAY, Locale.GERMAN);
        SummaryModel model = failing();

        model.load();

        assertThat(model.messageProperty().get())
                .isEqualTo("Onramp konnte die Zusammenfassung von Globex nicht erstellen: the database is closed");
        assertThat(model.suggestedName(SummaryFormat.JSON)).isEqualTo("Zusammenfassung.json");
    }
}
