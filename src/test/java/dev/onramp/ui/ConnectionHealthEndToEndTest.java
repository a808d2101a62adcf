package dev.onramp.ui;

import static dev.onramp.ui.HubRobot.chosenTenant;
import static dev.onramp.ui.HubRobot.loadedTile;
import static dev.onramp.ui.HubRobot.status;
import static org.assertj.core.api.Assertions.assertThat;

import dev.onramp.airbyte.ConfigApiGateway;
import dev.onramp.demo.AirbyteSimulator;
import dev.onramp.model.AirbyteSettings;
import dev.onramp.model.Connection;
import dev.onramp.model.ConnectionStatus;
import dev.onramp.model.Tenant;
import dev.onramp.testing.ScriptedBrowser;
import dev.onramp.testing.ScriptedBrowser.Decision;
import dev.onramp.ui.common.Screenshots;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
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
 * The whole app in demo mode: a connected tile is checked again when its hub opens and on Check now,
 * and shows each state a check finds, with when it was checked.
 */
@ExtendWith(ApplicationExtension.class)
class ConnectionHealthEndToEndTest {
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

    private Connection connectHubSpot(FxRobot robot, Node tile) throws TimeoutException {
        robot.clickOn(robot.from(tile).lookup(".connect-button").queryAs(Button.class));
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> status(robot, tile).startsWith("Connected · "));
        HubRobot.done(robot);
        return app.context().connect().connections(chosenTenant(robot).id()).getFirst();
    }

    private static String checked(FxRobot robot, Node tile) {
        return robot.from(tile).lookup(".tile-checked").queryAs(Label.class).getText();
    }

    private static void checkNow(FxRobot robot, Node tile) throws TimeoutException {
        Hyperlink checkNow = robot.from(tile).lookup(".check-now").queryAs(Hyperlink.class);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> !checkNow.isDisabled());
        HubRobot.showTile(robot, tile);
        robot.clickOn(checkNow);
    }

    @Test
    void aConnectedTile_saysWhenItWasChecked_andReadsAsTheHubOpensAgainAfterItsSignInExpired(FxRobot robot)
            throws Exception {
        Node tile = loadedTile(robot, "hubspot");
        Connection hubspot = connectHubSpot(robot, tile);
        assertThat(checked(robot, tile)).isEqualTo("Checked just now");
        Tenant business = chosenTenant(robot);
        app.context().simulator().orElseThrow().expireSourceTokens(hubspot.sourceId());

        // Another business, then back: its hub opens again and checks its connections by itself.
        Tenant other = app.context().tenants().create("Corner Bakery", business.businessTypeId());
        @SuppressWarnings("unchecked")
        ComboBox<Tenant> chooser = robot.lookup("#business-chooser").queryAs(ComboBox.class);
        robot.interact(() -> chooser.setValue(other));
        robot.interact(() -> chooser.setValue(business));
        Node again = loadedTile(robot, "hubspot");
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> status(robot, again).startsWith("Needs reconnecting"));
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(robot.from(again).lookup(".reconnect-button").queryAs(Button.class).isVisible()).isTrue();
        assertThat(checked(robot, again)).isEqualTo("Checked just now");
        Screenshots.write(stage.getScene(), "tile-needs-reconnecting");
    }

    @Test
    void anAirbyteThatStoppedAnswering_leavesTheStatus_saysCouldNotCheck_andTheHubOffersOpenSettings(FxRobot robot)
            throws Exception {
        Node tile = loadedTile(robot, "hubspot");
        connectHubSpot(robot, tile);
        Tenant business = chosenTenant(robot);
        app.context().simulator().orElseThrow().close();

        Tenant other = app.context().tenants().create("Corner Bakery", business.businessTypeId());
        @SuppressWarnings("unchecked")
        ComboBox<Tenant> chooser = robot.lookup("#business-chooser").queryAs(ComboBox.class);
        robot.interact(() -> chooser.setValue(other));
        robot.interact(() -> chooser.setValue(business));
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> robot.lookup("#hub-open-settings").query().isVisible());
        Node again = loadedTile(robot, "hubspot");
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> checked(robot, again).startsWith("Could not check"));

        assertThat(status(robot, again)).startsWith("Connected · ");
        assertThat(robot.lookup("#hub-problem").queryAs(Label.class).getText())
                .startsWith("Onramp could not check the connections of " + business.name() + ": Onramp could not reach");
        Screenshots.write(stage.getScene(), "hub-could-not-check");

        robot.clickOn("#hub-open-settings");
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> robot.lookup("#settings-target-demo").tryQuery().isPresent());
    }

    @Test
    void checkNow_ofASourceWhoseTestFails_saysFailingWithAirbytesReason(FxRobot robot) throws Exception {
        Node tile = loadedTile(robot, "hubspot");
        connectHubSpot(robot, tile);
        app.context().simulator().orElseThrow().faults().arm(dev.onramp.demo.Fault.checkFailure());

        checkNow(robot, tile);
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> status(robot, tile).equals("Failing"));
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(robot.from(tile).lookup(".tile-status-detail").queryAs(Label.class).getText())
                .contains("HTTP 500");
        Screenshots.write(stage.getScene(), "tile-failing");
    }

    @Test
    void checkNow_findsASourceDeletedInAirbyte_missing_offeringConnect(FxRobot robot) throws Exception {
        Node tile = loadedTile(robot, "hubspot");
        Connection hubspot = connectHubSpot(robot, tile);
        AirbyteSimulator simulator = app.context().simulator().orElseThrow();
        new ConfigApiGateway(simulator.apiBaseUrl(), Duration.ofSeconds(10)).deleteSource(hubspot.sourceId());

        checkNow(robot, tile);
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> status(robot, tile).startsWith("Missing in Airbyte"));
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(robot.from(tile).lookup(".connect-button").queryAs(Button.class).isVisible()).isTrue();
        assertThat(robot.from(tile).lookup(".reconnect-button").tryQuery().filter(Node::isVisible)).isEmpty();
        Screenshots.write(stage.getScene(), "tile-missing");
    }

    @Test
    void aBusinessThatNowUsesAnotherAirbyte_seesItsConnectionThereAsInAnotherAirbyte_neverConnected(FxRobot robot)
            throws Exception {
        Node tile = loadedTile(robot, "hubspot");
        Connection hubspot = connectHubSpot(robot, tile);
        Tenant business = chosenTenant(robot);
        try (AirbyteSimulator elsewhere = AirbyteSimulator.start(Duration.ZERO)) {
            app.context().settings().save(business.id(), new AirbyteSettings.SelfManaged(elsewhere.apiBaseUrl()));

            checkNow(robot, tile);
            WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> status(robot, tile).startsWith("In another Airbyte"));
            WaitForAsyncUtils.waitForFxEvents();

            assertThat(robot.from(tile).lookup(".tile-status-detail").queryAs(Label.class).getText())
                    .contains("the built-in simulator", elsewhere.apiBaseUrl().toString());
            assertThat(robot.from(tile).lookup(".streams-button").tryQuery().filter(Node::isVisible)).isEmpty();
            assertThat(elsewhere.calls()).noneMatch(call -> call.contains("check_connection"));
            assertThat(app.context().connect().connections(business.id())).singleElement()
                    .satisfies(c -> assertThat(c.status()).isEqualTo(ConnectionStatus.OTHER_AIRBYTE));
            Screenshots.write(stage.getScene(), "tile-other-airbyte");
        }
        assertThat(hubspot.airbyte()).isPresent();
    }
}
