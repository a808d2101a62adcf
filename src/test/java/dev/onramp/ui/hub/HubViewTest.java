package dev.onramp.ui.hub;

import static org.assertj.core.api.Assertions.assertThat;

import dev.onramp.model.Tenant;
import dev.onramp.ui.AppUnderTest;
import dev.onramp.ui.MainWindow;
import dev.onramp.ui.common.Screenshots;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.layout.TilePane;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

@ExtendWith(ApplicationExtension.class)
class HubViewTest {
    @TempDir
    Path dataDir;

    private AppUnderTest app;
    private Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        app = AppUnderTest.start(dataDir, url -> false);
        MainWindow.show(stage, app.services());
    }

    @AfterEach
    void closeApp() throws Exception {
        app.closeAfterHiding(stage);
    }

    @Test
    void hub_showsAtLeastEightTilesWithTheRecommendedOnesFirst(FxRobot robot) throws TimeoutException {
        waitUntilLoaded(robot);

        List<Node> tiles = robot.lookup(".tile-grid").queryAs(TilePane.class).getChildren();
        assertThat(tiles).hasSizeGreaterThanOrEqualTo(8);
        List<Boolean> recommended = tiles.stream().map(HubViewTest::hasVisibleBadge).toList();
        assertThat(recommended.getFirst()).isTrue();
        assertThat(recommended.subList(recommended.indexOf(false), recommended.size())).doesNotContain(true);
        Screenshots.write(stage.getScene(), "hub");
    }

    @Test
    void stripeTile_saysItTakesCredentialsAndOffersConnect(FxRobot robot) throws TimeoutException {
        waitUntilLoaded(robot);

        Node stripe = robot.lookup("#tile-stripe").query();
        assertThat(robot.from(stripe).lookup(".tile-note").queryAs(Label.class).getText())
                .isEqualTo("Connects with API credentials you type in");
        assertThat(robot.from(stripe).lookup(".connect-button").queryAs(Button.class).isVisible()).isTrue();
    }

    @Test
    void demoMode_showsTheBanner(FxRobot robot) {
        assertThat(robot.lookup("#demo-banner").queryAs(Label.class).getText())
                .isEqualTo("Demo mode — connections go to the built-in Airbyte simulator; nothing leaves this computer");
    }

    @Test
    void newBusinessWithoutAName_showsTheRefusalInTheDialog(FxRobot robot) throws TimeoutException {
        waitUntilLoaded(robot);

        robot.clickOn("#new-business");
        robot.clickOn("Create");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> robot.lookup("#business-error").query().isVisible());

        assertThat(robot.lookup("#business-error").queryAs(Label.class).getText()).isEqualTo("Give the business a name.");
        Screenshots.write(robot.lookup("#business-name").query().getScene(), "new-business-refused");
    }

    @Test
    void newBusiness_isCreatedAndChosen(FxRobot robot) throws TimeoutException {
        waitUntilLoaded(robot);

        robot.clickOn("#new-business");
        robot.clickOn("#business-name").write("Corner Bakery");
        robot.clickOn("Create");

        @SuppressWarnings("unchecked")
        ComboBox<Tenant> chooser = robot.lookup("#business-chooser").queryAs(ComboBox.class);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> chooser.getValue() != null
                && chooser.getValue().name().equals("Corner Bakery"));
        assertThat(robot.lookup("#business-name").tryQuery()).isEmpty();
        waitUntilLoaded(robot);
    }

    private static boolean hasVisibleBadge(Node tile) {
        return tile.lookupAll(".badge").stream().anyMatch(Node::isVisible);
    }

    private static void waitUntilLoaded(FxRobot robot) throws TimeoutException {
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> !robot.lookup("#hub-loading").query().isVisible());
        WaitForAsyncUtils.waitForFxEvents();
    }
}
