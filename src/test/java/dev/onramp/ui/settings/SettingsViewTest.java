package dev.onramp.ui.settings;

import dev.onramp.ui.HubRobot;
import static dev.onramp.ui.HubRobot.chosenTenant;
import static org.assertj.core.api.Assertions.assertThat;

import dev.onramp.demo.AirbyteSimulator;
import dev.onramp.model.AirbyteSettings;
import dev.onramp.model.Tenant;
import dev.onramp.ui.AppUnderTest;
import dev.onramp.ui.common.Screenshots;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
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

/** The Settings screen, opened from the hub's header of the whole app. */
@ExtendWith(ApplicationExtension.class)
class SettingsViewTest {
    private static final String SECRET = "cloud-secret-PLANTED-ui-77d2";

    @TempDir
    Path dataDir;

    private AppUnderTest app;
    private Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        app = AppUnderTest.start(dataDir, url -> false);
        AppUnderTest.showHub(stage, app.services());
    }

    @AfterEach
    void closeApp() {
        app.close();
    }

    @Test
    void selfManagedAirbyte_isTestedSavedAndShownInTheHeader(FxRobot robot) throws Exception {
        try (AirbyteSimulator separate = AirbyteSimulator.start(Duration.ZERO)) {
            openSettings(robot);
            robot.clickOn("#settings-target-self-managed");
            robot.clickOn("#settings-url").write(separate.apiBaseUrl().toString());

            robot.clickOn("#settings-test");
            WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> !status(robot).isEmpty());
            assertThat(status(robot)).isEqualTo("Onramp reached this Airbyte: 1 workspace.");
            Screenshots.write(settingsWindow(robot).getScene(), "settings-self-managed");

            robot.clickOn("#settings-save");
            WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> robot.lookup("#airbyte-description")
                    .queryAs(Label.class).getText().equals("Airbyte at " + separate.apiBaseUrl()));
            WaitForAsyncUtils.waitForFxEvents(); // the banner changes in the same FX event

            assertThat(robot.lookup("#demo-banner").query().isVisible()).isFalse();
            assertThat(app.context().settings().settings(chosenTenant(robot).id()))
                    .isEqualTo(new AirbyteSettings.SelfManaged(separate.apiBaseUrl(), Optional.empty()));
        }
    }

    @Test
    void cloudWithAPlainHttpRelay_isRefusedWithTheHttpsRule(FxRobot robot) throws Exception {
        openSettings(robot);
        robot.clickOn("#settings-target-cloud");
        robot.clickOn("#settings-cloud-client-id").write("client-1");
        robot.clickOn("#settings-cloud-secret").write(SECRET);
        robot.clickOn("#settings-workspace").write("ws-1");
        robot.clickOn("#settings-relay").write("http://relay.example.org/");

        robot.clickOn("#settings-save");
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> !status(robot).isEmpty());

        assertThat(status(robot)).startsWith("Airbyte Cloud only sends people back to https addresses");
        Screenshots.write(settingsWindow(robot).getScene(), "settings-cloud-refused");
    }

    @Test
    void cloudSettings_areSavedWithTheSecretEncrypted(FxRobot robot) throws Exception {
        openSettings(robot);
        robot.clickOn("#settings-target-cloud");
        robot.clickOn("#settings-cloud-client-id").write("client-1");
        robot.clickOn("#settings-cloud-secret").write(SECRET);
        @SuppressWarnings("unchecked")
        ComboBox<?> workspace = robot.lookup("#settings-workspace").queryAs(ComboBox.class);
        robot.clickOn(workspace).write("ws-1");
        robot.clickOn("#settings-relay").write("https://relay.example.org/onramp/");

        robot.clickOn("#settings-save");
        // Airbyte Cloud cannot be reached from here: saving is offered as an explicit second choice.
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> robot.lookup("#settings-save-anyway").query().isVisible());
        assertThat(status(robot)).endsWith("Save these settings anyway?");
        Screenshots.write(settingsWindow(robot).getScene(), "settings-save-anyway");
        robot.clickOn("#settings-save-anyway");
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> robot.lookup("#airbyte-description")
                .queryAs(Label.class).getText().equals("Airbyte Cloud, workspace ws-1"));

        Tenant tenant = chosenTenant(robot);
        assertThat(app.context().settings().settings(tenant.id())).isInstanceOfSatisfying(AirbyteSettings.Cloud.class,
                cloud -> assertThat(cloud.clientSecret()).isEqualTo(SECRET));
        app.close();
        assertThat(new String(Files.readAllBytes(dataDir.resolve("onramp.mv.db")), StandardCharsets.ISO_8859_1))
                .doesNotContain(SECRET);
    }

    private void openSettings(FxRobot robot) throws TimeoutException {
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> HubRobot.loaded(robot));
        robot.clickOn("#open-settings");
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> robot.lookup("#settings-target-demo").tryQuery()
                .map(button -> !button.isDisabled()).orElse(false));
        Screenshots.write(settingsWindow(robot).getScene(), "settings-demo");
    }

    private static String status(FxRobot robot) {
        return robot.lookup("#settings-status").queryAs(Label.class).getText();
    }

    private static Window settingsWindow(FxRobot robot) {
        return robot.listWindows().stream()
                .filter(window -> window instanceof Stage dialog && "Settings".equals(dialog.getTitle()))
                .findFirst().orElseThrow();
    }

}
