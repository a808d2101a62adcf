package dev.onramp.ui;

import static dev.onramp.ui.HubRobot.loadedTile;
import static dev.onramp.ui.HubRobot.status;
import static org.assertj.core.api.Assertions.assertThat;

import dev.onramp.testing.ScriptedBrowser;
import dev.onramp.testing.ScriptedBrowser.Decision;
import dev.onramp.ui.common.Screenshots;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
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

/**
 * Demo → Demo scenarios… in the whole app in demo mode: "Source check fails" switched on makes a Stripe
 * connect with its sample values end with the failing check's sentence and the banner say so; switched
 * off, the same connect goes through.
 */
@ExtendWith(ApplicationExtension.class)
class DemoScenariosTest {
    private static final String BANNER =
            "Demo mode — connections go to the built-in Airbyte simulator; nothing leaves this computer";

    @TempDir
    Path dataDir;

    private Stage stage;
    private AppUnderTest app;

    @Start
    void start(Stage stage) {
        this.stage = stage;
    }

    @AfterEach
    void closeApp() throws Exception {
        WaitForAsyncUtils.asyncFx(() -> List.copyOf(Window.getWindows()).forEach(Window::hide)).get(10, TimeUnit.SECONDS);
        WaitForAsyncUtils.waitForFxEvents();
        if (app != null) {
            app.close();
        }
    }

    @Test
    void sourceCheckFails_switchedOn_failsTheConnectWithItsSentence_andSwitchedOff_letsItConnect(FxRobot robot)
            throws Exception {
        app = AppUnderTest.start(dataDir, url -> new ScriptedBrowser(Decision.ALLOW).open(url));
        robot.interact(() -> AppUnderTest.showHub(stage, app.services()));
        Node tile = loadedTile(robot, "stripe");

        switchCheckFails(robot, true);
        assertThat(banner(robot)).isEqualTo(BANNER + " · Demo scenario on: Source check fails");

        openStripeFormAndConnectWithSamples(robot, tile);
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> robot.lookup("#credentials-message").queryAs(Label.class)
                .getText().contains("HTTP 500")
                && !robot.lookup("#credentials-connect").queryAs(Button.class).isDisabled());
        assertThat(robot.lookup("#credentials-message").queryAs(Label.class).getText())
                .startsWith("Airbyte could not sign in to Stripe with that key");
        Screenshots.write(robot.lookup("#credentials-message").query().getScene(), "demo-scenario-check-fails");
        robot.clickOn("Cancel");
        WaitForAsyncUtils.waitForFxEvents();

        switchCheckFails(robot, false);
        assertThat(banner(robot)).isEqualTo(BANNER);
        openStripeFormAndConnectWithSamples(robot, tile);
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> status(robot, tile).startsWith("Connected · "));
        HubRobot.done(robot);
    }

    /** Demo → Demo scenarios…, the switch, then Close: the scenario stays as it was switched. */
    private void switchCheckFails(FxRobot robot, boolean on) throws TimeoutException {
        robot.clickOn("Demo");
        robot.clickOn("Demo scenarios…");
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> robot.lookup("#scenario-check-fails").tryQuery().isPresent());
        CheckBox toggle = robot.lookup("#scenario-check-fails").queryAs(CheckBox.class);
        assertThat(toggle.isSelected()).isEqualTo(!on);
        robot.clickOn(toggle);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(toggle.isSelected()).isEqualTo(on);
        if (on) {
            Screenshots.write(toggle.getScene(), "demo-scenarios");
        }
        robot.clickOn(robot.from(toggle.getScene().getRoot()).lookup(".button")
                .match(node -> node instanceof Button button && button.getText().equals("Close")).queryButton());
        WaitForAsyncUtils.waitForFxEvents();
    }

    private static void openStripeFormAndConnectWithSamples(FxRobot robot, Node tile) throws TimeoutException {
        robot.clickOn(robot.from(tile).lookup(".connect-button").queryAs(Button.class));
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> robot.lookup("#fill-samples").tryQuery().isPresent());
        robot.clickOn("#fill-samples");
        robot.clickOn("#credentials-connect");
    }

    private static String banner(FxRobot robot) {
        return robot.lookup("#demo-banner").queryAs(Label.class).getText();
    }
}
