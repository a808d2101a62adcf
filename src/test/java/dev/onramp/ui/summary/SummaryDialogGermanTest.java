package dev.onramp.ui.summary;

import static org.assertj.core.api.Assertions.assertThat;

import dev.onramp.connect.summary.OnboardingSummary;
import dev.onramp.connect.summary.OnboardingSummary.Airbyte;
import dev.onramp.connect.summary.OnboardingSummary.AirbyteKind;
import dev.onramp.connect.summary.OnboardingSummary.Business;
import dev.onramp.connect.summary.OnboardingSummary.ConnectionEntry;
import dev.onramp.connect.summary.OnboardingSummary.Location;
import dev.onramp.connect.summary.OnboardingSummary.MissingItem;
import dev.onramp.connect.summary.OnboardingSummary.MissingKind;
import dev.onramp.connect.summary.OnboardingSummary.Progress;
import dev.onramp.connect.summary.OnboardingSummary.RecommendedSource;
import dev.onramp.connect.summary.OnboardingSummary.SourceState;
import dev.onramp.connect.summary.SummaryFormat;
import dev.onramp.text.Text;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import dev.onramp.ui.common.WindowLanguage;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.Labeled;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The Summary dialog's body in German: progress, Airbyte, a connection's status and date, what is missing. */
@ExtendWith(ApplicationExtension.class)
class SummaryDialogGermanTest {
    private static final Instant MADE = Instant.parse("2026-03-05T13:32:10Z");

    private Stage owner;
    @RegisterExtension
    final WindowLanguage german = WindowLanguage.german();

    @Start
    void start(Stage stage) {
        owner = stage;
        stage.setScene(new Scene(new StackPane(), 640, 400));
        stage.show();
    }


    private static OnboardingSummary summary() {
        ConnectionEntry stripe = new ConnectionEntry("c-1", "stripe", "Stripe", "acct_9", "NEEDS_REAUTH",
                "Needs reconnecting", "src-1", MADE.minusSeconds(3600), Optional.of(MADE), Optional.empty(),
                List.of("charges"), Optional.of(new Location("http://airbyte.local:8000/api", Optional.of("ws-1"),
                        "Airbyte at http://airbyte.local:8000/api, workspace ws-1")));
        return new OnboardingSummary(MADE, new Business("t-1", "Acme", "online-store", "Online store"),
                new Airbyte(AirbyteKind.DEMO, Text.of("model.settings.demo"), Optional.empty(), Optional.empty()),
                new Progress(2, 0, 1, 1),
                List.of(new RecommendedSource("stripe", "Stripe", "Payments", SourceState.NEEDS_ATTENTION),
                        new RecommendedSource("mailchimp", "Mailchimp", "Newsletters", SourceState.NOT_CONNECTED)),
                List.of(stripe),
                List.of(new MissingItem(MissingKind.NOT_CONNECTED, "mailchimp", "Mailchimp", Optional.empty(),
                                Optional.empty(), Optional.of("Newsletters"),
                                Text.of("connect.summary.action.connect", "mailchimp")),
                        new MissingItem(MissingKind.NEEDS_ATTENTION, "stripe", "Stripe", Optional.of("acct_9"),
                                Optional.of("NEEDS_REAUTH"), Optional.empty(),
                                Text.of("connect.summary.action.needsReauth"))));
    }

    @Test
    void theSummarysBody_isSaidInGerman_withAGermanDate(FxRobot robot) throws Exception {
        OnboardingSummary made = summary();
        WaitForAsyncUtils.asyncFx(() -> {
            SummaryModel model = new SummaryModel("Acme", () -> made, Runnable::run, Runnable::run, ZoneId.of("UTC"));
            SummaryDialog.open(owner, model);
            model.load();
        }).get(10, TimeUnit.SECONDS);
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(robot.lookup("#summary-progress").queryAs(Label.class).getText())
                .isEqualTo("0 von 2 empfohlenen Quellen verbunden");
        assertThat(robot.lookup("#summary-airbyte").queryAs(Label.class).getText())
                .isEqualTo("Airbyte: Demo: der eingebaute Airbyte-Simulator");
        List<String> labels = robot.lookup(node -> node instanceof Labeled).queryAllAs(Labeled.class).stream()
                .map(Labeled::getText).toList();
        assertThat(labels).contains("Muss neu verbunden werden · zuletzt geprüft 05.03.2026, 13:32 UTC",
                "Mailchimp — nicht verbunden", "Stripe (Konto acct_9) — braucht Aufmerksamkeit",
                "Newsletters. Verbinden Sie sie im Hub oder mit onramp connect mailchimp.");
        assertThat(String.join("\n", labels)).doesNotContain("not connected").doesNotContain("Needs reconnecting");
    }

    @Test
    void anExportIntoAFolderThatIsNotThere_isRefusedInGerman(@TempDir Path dir) throws Exception {
        OnboardingSummary made = summary();
        Path file = dir.resolve("no-such-folder").resolve("acme.txt");
        SummaryModel model = WaitForAsyncUtils.asyncFx(() -> {
            SummaryModel shown = new SummaryModel("Acme", () -> made, Runnable::run, Runnable::run, ZoneId.of("UTC"));
            shown.load();
            shown.export(SummaryFormat.TEXT, file);
            return shown;
        }).get(10, TimeUnit.SECONDS);
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(model.failedProperty().get()).isTrue();
        assertThat(model.messageProperty().get()).isEqualTo(file + " konnte nicht geschrieben werden: Der Ordner "
                + file.getParent() + " existiert nicht.");
    }
}
