package dev.onramp.ui.hub;

import static org.assertj.core.api.Assertions.assertThat;

import dev.onramp.ui.AppUnderTest;
import dev.onramp.ui.HubRobot;
import dev.onramp.ui.common.AccessibleNames;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.stage.Stage;
import javafx.stage.Window;
import javafx.scene.input.KeyCode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The hub and its dialogs work with the keyboard alone, and every control a person can reach has a name. */
@ExtendWith(ApplicationExtension.class)
class KeyboardAccessTest {
    @TempDir
    Path dataDir;

    private AppUnderTest app;
    private Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        app = AppUnderTest.start(dataDir, url -> true);
        AppUnderTest.showHub(stage, app.services());
    }

    @AfterEach
    void closeApp() throws Exception {
        app.closeAfterHiding(stage);
    }

    @Test
    void theKeyboardAlone_searchesMovesBetweenTilesOpensAConnectAndClosesIt(FxRobot robot) throws TimeoutException {
        waitUntilLoaded(robot);
        assertThat(focused(robot).getId()).isEqualTo("hub-search");

        robot.write("invoices");
        WaitForAsyncUtils.waitForFxEvents();
        for (int i = 0; i < 100 && !focused(robot).getStyleClass().contains("connect-button"); i++) {
            robot.type(KeyCode.TAB);
        }
        Node first = focused(robot);
        assertThat(first.getStyleClass()).contains("connect-button");
        Node firstTile = tileOf(first);
        assertThat(((Button) first).getAccessibleText()).isEqualTo("Connect " + name(firstTile));

        robot.type(KeyCode.RIGHT);
        Node right = focused(robot);
        assertThat(tileOf(right)).isNotNull().isNotSameAs(firstTile);
        assertThat(y(tileOf(right))).isEqualTo(y(firstTile));

        robot.type(KeyCode.DOWN);
        Node below = focused(robot);
        assertThat(tileOf(below)).isNotNull().isNotSameAs(tileOf(right));
        assertThat(y(tileOf(below))).isGreaterThan(y(tileOf(right)));
        robot.type(KeyCode.UP);
        assertThat(tileOf(focused(robot))).isSameAs(tileOf(right));

        robot.type(KeyCode.ENTER);
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> showing() == 2);
        Window dialog = Window.getWindows().stream().filter(w -> w.isShowing() && w != stage).findFirst().orElseThrow();
        assertThat(dialog.isFocused()).isTrue();
        robot.type(KeyCode.ESCAPE);
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> showing() == 1);
    }

    @Test
    void everyControlInTheHubTheNewBusinessDialogAndTheCredentialsForm_hasAnAccessibleName(FxRobot robot) throws Exception {
        Node stripe = HubRobot.loadedTile(robot, "stripe");
        assertThat(stripe.getAccessibleText()).startsWith("Stripe, ");
        assertThat(robot.lookup("#chip-payments").query().getAccessibleText()).isEqualTo("Category: Payments");
        assertThat(onFx(() -> AccessibleNames.focusable(stage.getScene().getRoot()))).hasSizeGreaterThan(10);
        assertThat(onFx(() -> AccessibleNames.unnamed(stage.getScene().getRoot()))).isEmpty();

        robot.clickOn("#new-business");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> showing() == 2);
        Parent newBusiness = onFx(() -> robot.lookup("#business-name").query().getScene().getRoot());
        assertThat(onFx(() -> AccessibleNames.unnamed(newBusiness))).isEmpty();
        robot.type(KeyCode.ESCAPE);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> showing() == 1);

        robot.clickOn(robot.from(stripe).lookup(".connect-button").queryAs(Button.class));
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> onFx(() -> robot.lookup("#field-client_secret")
                .tryQuery().map(Node::getScene).map(scene -> scene.getWindow().isShowing()).orElse(false)));
        WaitForAsyncUtils.waitForFxEvents();
        Parent form = onFx(() -> robot.lookup("#field-client_secret").query().getScene().getRoot());
        assertThat(onFx(() -> AccessibleNames.focusable(form))).hasSizeGreaterThan(3);
        assertThat(onFx(() -> AccessibleNames.unnamed(form))).isEmpty();
        assertThat(robot.lookup("#field-client_secret").query().getAccessibleText()).isNotBlank();
    }

    @Test
    void everyControlInSettings_hasAnAccessibleName_andEscapeClosesIt(FxRobot robot) throws TimeoutException {
        waitUntilLoaded(robot);

        robot.clickOn("#open-settings");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> showing() == 2);
        WaitForAsyncUtils.waitForFxEvents();
        Parent settings = onFx(() -> Window.getWindows().stream().filter(w -> w.isShowing() && w != stage)
                .findFirst().orElseThrow().getScene().getRoot());
        assertThat(onFx(() -> AccessibleNames.focusable(settings))).hasSizeGreaterThan(3);
        assertThat(onFx(() -> AccessibleNames.unnamed(settings))).isEmpty();
        robot.type(KeyCode.ESCAPE);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> showing() == 1);
    }

    @Test
    void altAndAMenusUnderlinedLetter_opensThatMenu(FxRobot robot) throws TimeoutException {
        waitUntilLoaded(robot);

        robot.press(KeyCode.ALT).press(KeyCode.B).release(KeyCode.B).release(KeyCode.ALT);
        WaitForAsyncUtils.waitForFxEvents();

        Menu business = onFx(() -> ((MenuBar) stage.getScene().lookup(".menu-bar")).getMenus().stream()
                .filter(menu -> "business-menu".equals(menu.getId())).findFirst().orElseThrow());
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, business::isShowing);
        assertThat(business.getText()).isEqualTo("_Business");
        assertThat(business.isMnemonicParsing()).isTrue();
        robot.type(KeyCode.ESCAPE);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> !business.isShowing());
    }

    private static long showing() {
        return Window.getWindows().stream().filter(Window::isShowing).count();
    }

    private static String name(Node tile) {
        return ((javafx.scene.control.Label) tile.lookup(".tile-name")).getText();
    }

    private static double y(Node tile) {
        return tile.localToScene(tile.getBoundsInLocal()).getMinY();
    }

    private Node focused(FxRobot robot) {
        WaitForAsyncUtils.waitForFxEvents();
        return onFx(() -> stage.getScene().getFocusOwner());
    }

    private static Node tileOf(Node node) {
        for (Node at = node; at != null; at = at.getParent()) {
            if (at.getStyleClass().contains("tile")) {
                return at;
            }
        }
        return null;
    }

    private static <T> T onFx(java.util.concurrent.Callable<T> look) {
        try {
            return WaitForAsyncUtils.asyncFx(look).get(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static void waitUntilLoaded(FxRobot robot) throws TimeoutException {
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> HubRobot.loaded(robot));
        WaitForAsyncUtils.waitForFxEvents();
    }
}
