package dev.onramp.ui;

import static dev.onramp.ui.HubRobot.chosenTenant;
import static dev.onramp.ui.HubRobot.loadedTile;
import static dev.onramp.ui.HubRobot.status;
import static org.assertj.core.api.Assertions.assertThat;

import dev.onramp.airbyte.ConfigApiGateway;
import dev.onramp.demo.AirbyteSimulator;
import dev.onramp.model.AuditEvent;
import dev.onramp.model.Connection;
import dev.onramp.testing.ScriptedBrowser;
import dev.onramp.testing.ScriptedBrowser.Decision;
import dev.onramp.ui.common.Screenshots;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The whole app in demo mode: Reconnect in a connected tile's streams dialog signs the expired connection in again. */
@ExtendWith(ApplicationExtension.class)
class ReconnectEndToEndTest {
    @TempDir
    Path dataDir;

    private AppUnderTest app;
    private Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        app = AppUnderTest.start(dataDir, url -> new ScriptedBrowser(Decision.ALLOW).open(url));
        AppUnderTest.showHub(stage, app.services());
    }

    @AfterEach
    void closeApp() throws Exception {
        app.closeAfterHiding(stage);
    }

    @Test
    void reconnectFromTheStreamsOfAnExpiredHubSpot_signsInAgainUnderTheSameSource(FxRobot robot) throws Exception {
        Node tile = loadedTile(robot, "hubspot");
        robot.clickOn(robot.from(tile).lookup(".connect-button").queryAs(Button.class));
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> status(robot, tile).startsWith("Connected · "));
        HubRobot.done(robot);
        Connection connected = app.context().connect().connections(chosenTenant(robot).id()).getFirst();
        AirbyteSimulator simulator = app.context().simulator().orElseThrow();
        ConfigApiGateway airbyte = new ConfigApiGateway(simulator.apiBaseUrl(), Duration.ofSeconds(10));
        simulator.expireSourceTokens(connected.sourceId());
        assertThat(airbyte.checkConnection(connected.sourceId()).succeeded()).isFalse();
        // Connected, the tile moved to the Connected section: scrolled to again, as a person finds it there.
        HubRobot.showTile(robot, tile);
        robot.clickOn(robot.from(tile).lookup(".streams-button").queryAs(Button.class));
        Button reconnect = robot.lookup("#streams-reconnect").queryButton();
        Screenshots.write(reconnect.getScene(), "streams-dialog-reconnect");

        robot.clickOn(reconnect);
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> app.context().audit().list(chosenTenant(robot).id())
                .stream().anyMatch(entry -> entry.action().equals("connect.reauthorized")));
        WaitForAsyncUtils.waitForFxEvents();

        Connection reconnected = app.context().connect().connections(chosenTenant(robot).id()).getFirst();
        assertThat(reconnected.id()).isEqualTo(connected.id());
        assertThat(reconnected.sourceId()).isEqualTo(connected.sourceId());
        assertThat(airbyte.checkConnection(connected.sourceId()).succeeded()).isTrue();
        assertThat(status(robot, tile)).isEqualTo("Connected · " + reconnected.streamCount() + " streams");
        assertThat(app.context().audit().list(chosenTenant(robot).id())).extracting(AuditEvent::action)
                .containsOnlyOnce("connect.reauthorized");
        assertThat(robot.lookup("#connected-headline").queryAs(javafx.scene.control.Label.class).getText())
                .isEqualTo("HubSpot reconnected — " + reconnected.streamCount() + " streams");
        assertThat(robot.lookup("#connected-another").tryQuery()).as("a reconnect adds no account").isEmpty();
        robot.clickOn("#connected-done");
        assertThat(robot.listWindows()).noneMatch(window -> window instanceof Stage dialog
                && "Reconnecting HubSpot".equals(dialog.getTitle()) && dialog.isShowing());
    }
}
