package dev.onramp.ui;

import static dev.onramp.ui.HubRobot.loadedTile;
import static dev.onramp.ui.HubRobot.status;
import static org.assertj.core.api.Assertions.assertThat;

import dev.onramp.model.Tenant;
import dev.onramp.testing.ScriptedBrowser;
import dev.onramp.testing.ScriptedBrowser.Decision;
import dev.onramp.ui.activity.ActivityModel;
import dev.onramp.ui.activity.ActivityWindow;
import dev.onramp.ui.activity.ExportTarget;
import dev.onramp.diagnostics.ActivityService;
import dev.onramp.ui.common.Screenshots;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.DatePicker;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Help → Activity in the real window over the real store: the audit trail newest first, narrowed by
 * action, Verify catching an entry changed in the database file behind Onramp's back, and Export
 * writing the file a stand-in for the save dialog names.
 */
@ExtendWith(ApplicationExtension.class)
class ActivityEndToEndTest {
    @TempDir
    Path dir;

    private Stage stage;
    private AppUnderTest app;

    @Start
    void start(Stage stage) {
        this.stage = stage;
    }

    @AfterEach
    void closeApp() throws Exception {
        hideAllWindows();
        if (app != null) {
            app.close();
        }
    }

    @Test
    void activity_listsEntriesNewestFirst_filtersByAction_andVerifiesTheTrailIntact(FxRobot robot) throws Exception {
        app = AppUnderTest.start(dir.resolve("data"), url -> new ScriptedBrowser(Decision.ALLOW).open(url));
        robot.interact(() -> AppUnderTest.showHub(stage, app.services()));
        Node tile = loadedTile(robot, "hubspot");
        robot.clickOn(robot.from(tile).lookup(".connect-button").queryAs(Button.class));
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> status(robot, tile).startsWith("Connected · "));
        HubRobot.done(robot);
        Tenant shown = HubRobot.chosenTenant(robot);

        robot.clickOn("Help");
        robot.clickOn("Activity…");
        List<ActivityModel.Row> rows = loadedRows(robot);

        assertThat(rows).extracting(ActivityModel.Row::seq).isSortedAccordingTo((a, b) -> Long.compare(b, a));
        assertThat(rows.getFirst().what()).isEqualTo("Connected (connect.succeeded)");
        assertThat(rows.getFirst().business()).isEqualTo(shown.name());
        assertThat(rows.getFirst().when()).matches("[A-Z][a-z]{2} \\d{1,2}, \\d{4}, \\d{1,2}:\\d{2}:\\d{2}\\h[AP]M");
        assertThat(rows).extracting(ActivityModel.Row::what).contains("Business created (tenant.created)");
        assertThat(label(robot, "#activity-showing")).isEqualTo("Showing 1–" + rows.size() + " of " + rows.size());
        assertThat(this.<ComboBox<ActivityModel.Choice<?>>>node(robot, "#activity-business").getValue().label())
                .isEqualTo(shown.name());

        ComboBox<ActivityModel.Choice<String>> action = node(robot, "#activity-action");
        robot.interact(() -> action.setValue(action.getItems().stream()
                .filter(choice -> choice.value().equals(Optional.of("tenant.created"))).findFirst().orElseThrow()));
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> tableRows(robot).stream()
                .allMatch(row -> row.what().equals("Business created (tenant.created)")));
        assertThat(tableRows(robot)).isNotEmpty();
        assertThat(label(robot, "#activity-showing")).isEqualTo("Showing 1–1 of 1");

        DatePicker from = node(robot, "#activity-from");
        DatePicker to = node(robot, "#activity-to");
        robot.interact(() -> {
            from.setValue(LocalDate.of(2026, 12, 9));
            to.setValue(LocalDate.of(2026, 12, 8));
        });
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(label(robot, "#activity-problem")).isEqualTo("The \"from\" date (9 Dec 2026) is after the \"to\""
                + " date (8 Dec 2026): choose a \"from\" on or before the \"to\".");
        robot.interact(() -> {
            from.setValue(null);
            to.setValue(null);
        });

        robot.clickOn("#activity-verify");
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> label(robot, "#activity-verify-result")
                .startsWith("The audit trail is intact"));
        long entries = app.context().audit().verify() instanceof dev.onramp.store.AuditVerification.Intact intact
                ? intact.entries() : -1;
        assertThat(label(robot, "#activity-verify-result"))
                .isEqualTo("The audit trail is intact: " + entries + " entries, unbroken.");
        Screenshots.write(node(robot, "#activity").getScene(), "activity");
    }

    @Test
    void verify_afterAnEntryWasChangedInTheDatabaseFile_saysWhichAndWhatToDo(FxRobot robot) throws Exception {
        Path dataDir = dir.resolve("data");
        app = AppUnderTest.start(dataDir, url -> false);
        app.context().tenants().tenantsCreatingDemoIfNone();
        app.context().tenants().create("Globex", app.context().catalog().businessTypes().getFirst().id());
        app.close();
        try (Connection jdbc = DriverManager.getConnection("jdbc:h2:file:" + dataDir.resolve("onramp"), "onramp", "");
                Statement sql = jdbc.createStatement()) {
            sql.execute("DROP TRIGGER audit_log_append_only");
            sql.execute("UPDATE audit_log SET details = 'name=Someone Else' WHERE seq = 1");
            sql.execute("CREATE TRIGGER audit_log_append_only BEFORE UPDATE, DELETE ON audit_log FOR EACH ROW CALL"
                    + " \"dev.onramp.store.AppendOnlyTrigger\"");
        }
        app = AppUnderTest.start(dataDir, url -> false);
        robot.interact(() -> AppUnderTest.showHub(stage, app.services()));
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> HubRobot.loaded(robot));

        robot.clickOn("Help");
        robot.clickOn("Activity…");
        loadedRows(robot);
        robot.clickOn("#activity-verify");
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> label(robot, "#activity-verify-result")
                .startsWith("The audit log was tampered with"));

        assertThat(label(robot, "#activity-verify-result")).isEqualTo("The audit log was tampered with at entry 1:"
                + " entry 1 was changed after it was written: its MAC does not match. This means that entries from 1 on"
                + " cannot be relied on to be what Onramp wrote: keep this data folder as it is, export the audit"
                + " trail, and send a support bundle (onramp support-bundle) to support.");
        Screenshots.write(node(robot, "#activity").getScene(), "activity-tampered");
    }

    @Test
    void export_writesTheEntriesShownToTheFileTheDialogNames_andSaysSo(FxRobot robot) throws Exception {
        app = AppUnderTest.start(dir.resolve("data"), url -> false);
        app.context().tenants().tenantsCreatingDemoIfNone();
        app.context().tenants().create("Globex", app.context().catalog().businessTypes().getFirst().id());
        Path file = Files.createDirectory(dir.resolve("exports")).resolve("audit.csv");
        ExportTarget chosen = owner -> Optional.of(new ExportTarget.Choice(file, ActivityService.Format.CSV));
        robot.interact(() -> new ActivityWindow(app.context().diagnostics().activity(), app.context().background(),
                new FxExecutor(), chosen).open(stage, Optional.empty()));
        loadedRows(robot);

        robot.clickOn("#activity-export");
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> label(robot, "#activity-export-result")
                .startsWith("Wrote"));

        assertThat(label(robot, "#activity-export-result")).isEqualTo("Wrote 2 audit entries to " + file + ".");
        List<String> lines = Files.readAllLines(file);
        assertThat(lines).hasSize(3);
        assertThat(lines.getFirst()).isEqualTo("seq,tenant_id,business,at,actor,action,resource,details");
        assertThat(lines.get(2)).contains(",Globex,", "tenant.created");
    }

    private List<ActivityModel.Row> loadedRows(FxRobot robot) throws Exception {
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> robot.lookup("#activity-showing").tryQuery()
                .map(node -> ((Label) node).getText().startsWith("Showing")).orElse(false));
        return tableRows(robot);
    }

    @SuppressWarnings("unchecked")
    private static List<ActivityModel.Row> tableRows(FxRobot robot) throws Exception {
        return WaitForAsyncUtils.asyncFx(() -> List.copyOf(((TableView<ActivityModel.Row>) robot
                .lookup("#activity-table").query()).getItems())).get(10, TimeUnit.SECONDS);
    }

    private static String label(FxRobot robot, String id) throws Exception {
        return WaitForAsyncUtils.asyncFx(() -> robot.lookup(id).queryAs(Label.class).getText()).get(10,
                TimeUnit.SECONDS);
    }

    @SuppressWarnings("unchecked")
    private <T extends Node> T node(FxRobot robot, String id) {
        return (T) robot.lookup(id).query();
    }

    private static void hideAllWindows() throws Exception {
        WaitForAsyncUtils.asyncFx(() -> List.copyOf(Window.getWindows()).forEach(Window::hide)).get(10, TimeUnit.SECONDS);
        WaitForAsyncUtils.waitForFxEvents();
    }
}
