package dev.onramp.ui;

import static dev.onramp.ui.HubRobot.loadedTile;
import static dev.onramp.ui.HubRobot.status;
import static org.assertj.core.api.Assertions.assertThat;

import dev.onramp.AppContext;
import dev.onramp.AppOptions;
import dev.onramp.connect.ConnectionHealth;
import dev.onramp.demo.AirbyteSimulator;
import dev.onramp.model.Connection;
import dev.onramp.model.ConnectionStatus;
import dev.onramp.testing.ScriptedBrowser;
import dev.onramp.testing.ScriptedBrowser.Decision;
import dev.onramp.ui.common.Screenshots;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.DialogPane;
import javafx.scene.control.Label;
import javafx.scene.control.MenuBar;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The window's Demo menu: there while the built-in simulator runs, absent with another Airbyte, and
 * "Delete a source in Airbyte…" deletes the chosen connection's source in the simulator.
 */
@ExtendWith(ApplicationExtension.class)
class DemoMenuTest {
    @TempDir
    Path dataDir;

    private Stage stage;
    private AppUnderTest app;
    private AppContext other;
    private AirbyteSimulator separate;

    @Start
    void start(Stage stage) {
        this.stage = stage;
    }

    @AfterEach
    void closeApp() throws Exception {
        WaitForAsyncUtils.asyncFx(() -> List.copyOf(javafx.stage.Window.getWindows()).forEach(javafx.stage.Window::hide))
                .get(10, TimeUnit.SECONDS);
        WaitForAsyncUtils.waitForFxEvents();
        if (app != null) {
            app.close();
        }
        if (other != null) {
            other.close();
        }
        if (separate != null) {
            separate.close();
        }
    }

    private static boolean hasDemoMenu(Stage stage) {
        return stage.getScene().getRoot().lookupAll(".menu-bar").stream()
                .flatMap(bar -> ((MenuBar) bar).getMenus().stream())
                .anyMatch(menu -> "demo-menu".equals(menu.getId()) && menu.isVisible());
    }

    @Test
    void inDemoMode_deleteASourceInAirbyte_deletesTheChosenConnectionsSourceInTheSimulator(FxRobot robot)
            throws Exception {
        app = AppUnderTest.start(dataDir, url -> new ScriptedBrowser(Decision.ALLOW).open(url));
        robot.interact(() -> AppUnderTest.showHub(stage, app.services()));
        Node tile = loadedTile(robot, "hubspot");
        robot.clickOn(robot.from(tile).lookup(".connect-button").queryAs(Button.class));
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> status(robot, tile).startsWith("Connected · "));
        HubRobot.done(robot);
        Connection hubspot = app.context().connect().connections(HubRobot.chosenTenant(robot).id()).getFirst();
        AirbyteSimulator simulator = app.context().simulator().orElseThrow();
        assertThat(simulator.sourceIds()).contains(hubspot.sourceId());
        assertThat(hasDemoMenu(stage)).isTrue();

        robot.clickOn("Demo");
        robot.clickOn("Delete a source in Airbyte…");
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> robot.lookup("#demo-choice").tryQuery().isPresent());
        DialogPane choice = robot.lookup("#demo-choice").queryAs(DialogPane.class);
        assertThat(choice.getHeaderText()).isEqualTo("Which connection's source is deleted in Airbyte, behind Onramp's back?");
        Screenshots.write(choice.getScene(), "demo-delete-source");
        robot.clickOn(robot.from(choice).lookup(".button").match(node -> node instanceof Button button
                && button.getText().equals("OK")).queryButton());
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> robot.lookup("#demo-result").tryQuery().isPresent());

        assertThat(simulator.sourceIds()).doesNotContain(hubspot.sourceId());
        DialogPane result = robot.lookup("#demo-result").queryAs(DialogPane.class);
        assertThat(result.getContentText()).isEqualTo("HubSpot's source was deleted in Airbyte: the next check says it"
                + " is missing there, and Connect makes a new one.");
        List<ConnectionHealth> checked = app.context().connect().checkConnections(hubspot.tenantId(), health -> { });
        assertThat(checked).singleElement().extracting(ConnectionHealth::status).isEqualTo(ConnectionStatus.MISSING);
    }

    @Test
    void withAnotherAirbyteThanTheBuiltInSimulator_thereIsNoDemoMenu(FxRobot robot) throws Exception {
        separate = AirbyteSimulator.start(Duration.ZERO);
        other = AppContext.start(new AppOptions(dataDir, Optional.of(separate.apiBaseUrl()), url -> false,
                Duration.ZERO, Duration.ofMinutes(1)));
        robot.interact(() -> AppUnderTest.showHub(stage, AppUnderTest.servicesOf(other, other.background(), new FxExecutor())));
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> HubRobot.loaded(robot));
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(other.demoAirbyte()).isEmpty();
        assertThat(hasDemoMenu(stage)).isFalse();
        assertThat(robot.lookup("Help").tryQuery()).isPresent();
        assertThat(robot.lookup("#demo-banner").queryAs(Label.class).isVisible()).isFalse();
    }
}
