package dev.onramp.ui.activity;

import static org.assertj.core.api.Assertions.assertThat;

import dev.onramp.ui.AppUnderTest;
import dev.onramp.ui.FxExecutor;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.Pane;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The Activity window over the real store: Escape closes it, and it speaks German with German dates and counts. */
@ExtendWith(ApplicationExtension.class)
class ActivityWindowTest {
    @TempDir
    Path dir;

    private final Locale before = Locale.getDefault(Locale.Category.DISPLAY);
    private AppUnderTest app;
    private Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        stage.setScene(new Scene(new Pane(), 200, 100));
        stage.show();
    }

    @BeforeEach
    void startApp() {
        app = AppUnderTest.start(dir.resolve("data"), url -> false);
        app.context().tenants().tenantsCreatingDemoIfNone();
        app.context().tenants().create("Globex", app.context().catalog().businessTypes().getFirst().id());
    }

    @AfterEach
    void closeApp() throws Exception {
        WaitForAsyncUtils.asyncFx(() -> List.copyOf(Window.getWindows()).stream().filter(w -> w != stage)
                .forEach(Window::hide)).get(10, TimeUnit.SECONDS);
        WaitForAsyncUtils.waitForFxEvents();
        Locale.setDefault(Locale.Category.DISPLAY, before);
        app.close();
    }

    @Test
    void escape_closesTheActivityWindow(FxRobot robot) throws Exception {
        Stage activity = openActivity(robot);

        robot.type(KeyCode.ESCAPE);
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(activity.isShowing()).isFalse();
    }

    @Test
    void escapeInAnOpenList_closesTheListAndLeavesTheWindowOpen(FxRobot robot) throws Exception {
        Stage activity = openActivity(robot);
        ComboBox<?> action = robot.lookup("#activity-action").queryAs(ComboBox.class);
        robot.clickOn(action);
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, action::isShowing);

        robot.type(KeyCode.ESCAPE);
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(action.isShowing()).isFalse();
        assertThat(activity.isShowing()).isTrue();
    }

    @Test
    void inGerman_theWindowSaysItsWordsDatesAndCountsInGerman(FxRobot robot) throws Exception {
        Locale.setDefault(Locale.Category.DISPLAY, Locale.GERMAN);

        Stage activity = openActivity(robot);

        assertThat(activity.getTitle()).isEqualTo("Aktivität — Onramp");
        List<ActivityModel.Row> rows = rows(robot);
        assertThat(rows).hasSize(2);
        assertThat(rows).extracting(ActivityModel.Row::what).containsOnly("Unternehmen angelegt (tenant.created)");
        DateTimeFormatter german = DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM).withLocale(Locale.GERMAN);
        assertThat(rows.getFirst().when()).matches("\\d{2}\\.\\d{2}\\.\\d{4}, \\d{2}:\\d{2}:\\d{2}");
        assertThat(LocalDateTime.parse(rows.getFirst().when(), german)).isNotNull();
        assertThat(text(robot, "#activity-showing")).isEqualTo("Einträge 1–2 von 2");
        TableView<?> table = robot.lookup("#activity-table").queryAs(TableView.class);
        assertThat(table.getColumns()).extracting(column -> column.getText())
                .containsExactly("Wann", "Wer", "Unternehmen", "Was", "Einzelheiten");
        assertThat(robot.lookup("#activity-verify").queryAs(Button.class).getText()).isEqualTo("Prüfen");
        assertThat(robot.lookup("#activity-business").queryAs(ComboBox.class).getValue())
                .hasToString("Alle Unternehmen");
    }

    @Test
    void inGerman_theCheckOfTheTrailSaysItsVerdictInGerman(FxRobot robot) throws Exception {
        Locale.setDefault(Locale.Category.DISPLAY, Locale.GERMAN);
        openActivity(robot);

        robot.clickOn("#activity-verify");
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> text(robot, "#activity-verify-result")
                .startsWith("Das Prüfprotokoll ist unversehrt"));

        assertThat(text(robot, "#activity-verify-result"))
                .isEqualTo("Das Prüfprotokoll ist unversehrt: 2 Einträge, lückenlos.");
    }

    private Stage openActivity(FxRobot robot) throws Exception {
        ExportTarget nowhere = owner -> Optional.empty();
        robot.interact(() -> new ActivityWindow(app.context().diagnostics().activity(), app.context().background(),
                new FxExecutor(), nowhere).open(stage, Optional.empty()));
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> robot.lookup("#activity-table").tryQuery()
                .map(table -> !((TableView<?>) table).getItems().isEmpty()).orElse(false));
        Stage activity = (Stage) robot.lookup("#activity").query().getScene().getWindow();
        robot.interact(activity::requestFocus);
        return activity;
    }

    @SuppressWarnings("unchecked")
    private static List<ActivityModel.Row> rows(FxRobot robot) throws Exception {
        return WaitForAsyncUtils.asyncFx(() -> List.copyOf(((TableView<ActivityModel.Row>) robot
                .lookup("#activity-table").query()).getItems())).get(10, TimeUnit.SECONDS);
    }

    private static String text(FxRobot robot, String id) throws Exception {
        return WaitForAsyncUtils.asyncFx(() -> robot.lookup(id).queryAs(Label.class).getText()).get(10, TimeUnit.SECONDS);
    }
}
