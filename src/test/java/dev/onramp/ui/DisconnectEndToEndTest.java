package dev.onramp.ui;

import static dev.onramp.ui.HubRobot.chosenTenant;
import static dev.onramp.ui.HubRobot.loadedTile;
import static dev.onramp.ui.HubRobot.status;
import static org.assertj.core.api.Assertions.assertThat;

import dev.onramp.demo.AirbyteSimulator;
import dev.onramp.model.AuditEvent;
import dev.onramp.model.Connection;
import dev.onramp.model.ConnectionStatus;
import dev.onramp.testing.ScriptedBrowser;
import dev.onramp.testing.ScriptedBrowser.Decision;
import dev.onramp.ui.common.Screenshots;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Label;
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
 * The whole app in demo mode: Disconnect… on a connected tile and in its streams dialog asks first,
 * naming the account, deletes the source in the simulator and leaves the tile not connected; an
 * Airbyte that cannot be reached offers Remove from Onramp only; Show disconnected shows it again, greyed.
 */
@ExtendWith(ApplicationExtension.class)
class DisconnectEndToEndTest {
    @TempDir
    Path dataDir;

    private AppUnderTest app;
    private Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        app = AppUnderTest.start(dataDir, url -> new ScriptedBrowser(Decision.ALLOW).open(url));
        // The window at its own size, not at whatever an earlier test's scene left (a strip 120 px high).
        stage.setScene(null);
        AppUnderTest.showHub(stage, app.services());
    }

    @AfterEach
    void closeApp() throws Exception {
        app.closeAfterHiding(stage);
    }

    /** Connects HubSpot through its tile, as a person does, and returns the tile and its connection. */
    private Node connectedHubSpot(FxRobot robot) throws TimeoutException {
        Node tile = loadedTile(robot, "hubspot");
        robot.clickOn(robot.from(tile).lookup(".connect-button").queryAs(Button.class));
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> status(robot, tile).startsWith("Connected · "));
        HubRobot.done(robot);
        // The tile grew a row for Disconnect…, and so did every tile of the grid: scroll to it again.
        return loadedTile(robot, "hubspot");
    }

    private Connection onlyConnection(FxRobot robot) {
        return app.context().connect().connections(chosenTenant(robot).id()).getFirst();
    }

    private void waitForTheEnd(FxRobot robot) throws TimeoutException {
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS,
                () -> !robot.lookup("#disconnect-message").queryAs(Label.class).getText().isEmpty());
        WaitForAsyncUtils.waitForFxEvents();
    }

    @Test
    void connectedTile_offersDisconnect_whoseConfirmationNamesTheAccount_andSuccessLeavesItNotConnected(FxRobot robot)
            throws Exception {
        Node tile = connectedHubSpot(robot);
        Connection connected = onlyConnection(robot);
        AirbyteSimulator simulator = app.context().simulator().orElseThrow();
        assertThat(simulator.sourceIds()).contains(connected.sourceId());

        robot.clickOn(robot.from(tile).lookup(".disconnect-link").queryAs(Hyperlink.class));
        Label question = robot.lookup("#disconnect-question").queryAs(Label.class);
        assertThat(question.getText()).isEqualTo("Disconnect HubSpot from " + chosenTenant(robot).name()
                + "? Its source is deleted in Airbyte.");
        assertThat(robot.lookup("#disconnect-confirm").queryButton().isVisible()).isTrue();
        assertThat(robot.lookup("#disconnect-onramp-only").queryButton().isVisible()).isFalse();
        Screenshots.write(question.getScene(), "disconnect-confirm");

        robot.clickOn("#disconnect-confirm");
        waitForTheEnd(robot);

        Label message = robot.lookup("#disconnect-message").queryAs(Label.class);
        assertThat(message.getText()).isEqualTo("Disconnected HubSpot of " + chosenTenant(robot).name()
                + ". Its source " + connected.sourceId() + " was deleted in Airbyte.");
        Screenshots.write(message.getScene(), "disconnect-done");
        robot.clickOn("#disconnect-close");
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> status(robot, tile).isEmpty()
                && robot.from(tile).lookup(".connect-button").queryAs(Button.class).isVisible());
        assertThat(robot.from(tile).lookup(".disconnect-link").queryAs(Hyperlink.class).isVisible()).isFalse();
        assertThat(simulator.sourceIds()).doesNotContain(connected.sourceId());
        assertThat(onlyConnection(robot).status()).isEqualTo(ConnectionStatus.DISCONNECTED);
        assertThat(app.context().audit().list(chosenTenant(robot).id())).extracting(AuditEvent::action)
                .containsOnlyOnce("connection.disconnected");
    }

    @Test
    void streamsDialog_offersDisconnect(FxRobot robot) throws Exception {
        Node tile = connectedHubSpot(robot);

        robot.clickOn(robot.from(tile).lookup(".streams-button").queryAs(Button.class));
        Button disconnect = robot.lookup("#streams-disconnect").queryButton();
        assertThat(disconnect.getText()).isEqualTo("Disconnect…");
        Screenshots.write(disconnect.getScene(), "streams-dialog-disconnect");
        robot.clickOn(disconnect);

        assertThat(robot.lookup("#disconnect-question").queryAs(Label.class).getText()).startsWith("Disconnect HubSpot");
        robot.clickOn("#disconnect-cancel");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(status(robot, tile)).startsWith("Connected · ");
        assertThat(onlyConnection(robot).status()).isEqualTo(ConnectionStatus.ACTIVE);
    }

    @Test
    void disconnectOfAnUnreachableAirbyte_offersRemovingFromOnrampOnly(FxRobot robot) throws Exception {
        Node tile = connectedHubSpot(robot);
        Connection connected = onlyConnection(robot);
        app.context().simulator().orElseThrow().close();

        robot.clickOn(robot.from(tile).lookup(".disconnect-link").queryAs(Hyperlink.class));
        robot.clickOn("#disconnect-confirm");
        waitForTheEnd(robot);

        Label message = robot.lookup("#disconnect-message").queryAs(Label.class);
        assertThat(message.getText()).startsWith("HubSpot of " + chosenTenant(robot).name() + " stays connected."
                + " Airbyte could not be reached to delete its source:");
        Button onrampOnly = robot.lookup("#disconnect-onramp-only").queryButton();
        assertThat(onrampOnly.isVisible()).isTrue();
        assertThat(robot.lookup("#disconnect-cancel").queryButton().isVisible()).isTrue();
        assertThat(robot.lookup("#disconnect-open-settings").queryButton().isVisible()).isTrue();
        assertThat(onlyConnection(robot).status()).isEqualTo(ConnectionStatus.ACTIVE);
        Screenshots.write(message.getScene(), "disconnect-unreachable");

        robot.clickOn(onrampOnly);
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> message.getText().startsWith("Removed HubSpot"));
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(message.getText()).contains("from Onramp only. Its source " + connected.sourceId()
                + " stays in Airbyte at ");
        robot.clickOn("#disconnect-close");
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> status(robot, tile).isEmpty());
        assertThat(onlyConnection(robot).status()).isEqualTo(ConnectionStatus.DISCONNECTED);
        assertThat(app.context().audit().list(chosenTenant(robot).id())).extracting(AuditEvent::action)
                .containsSubsequence("disconnect.failed", "connection.disconnected");
    }

    @Test
    void showDisconnected_showsTheDisconnectedConnectionGreyedWithItsDate(FxRobot robot) throws Exception {
        Node tile = connectedHubSpot(robot);
        robot.clickOn(robot.from(tile).lookup(".disconnect-link").queryAs(Hyperlink.class));
        robot.clickOn("#disconnect-confirm");
        waitForTheEnd(robot);
        robot.clickOn("#disconnect-close");
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> status(robot, tile).isEmpty());
        Label note = robot.from(tile).lookup(".tile-disconnected").queryAs(Label.class);
        assertThat(note.isVisible()).isFalse();

        robot.clickOn("View").clickOn("Show disconnected");
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(note.isVisible()).isTrue();
        assertThat(note.getText()).matches("Disconnected on [A-Z][a-z]{2} \\d{1,2}, \\d{4}");
        Screenshots.write(stage.getScene(), "hub-show-disconnected");

        robot.clickOn("View").clickOn("Show disconnected");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(note.isVisible()).isFalse();
    }
}
