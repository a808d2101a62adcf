package dev.onramp.ui.hub;

import static dev.onramp.ui.common.KeyboardWalk.closesWith;
import static dev.onramp.ui.common.KeyboardWalk.defaultButton;
import static dev.onramp.ui.common.KeyboardWalk.dialogOver;
import static dev.onramp.ui.common.KeyboardWalk.onFx;
import static dev.onramp.ui.common.KeyboardWalk.root;
import static dev.onramp.ui.common.KeyboardWalk.tabbedThrough;
import static org.assertj.core.api.Assertions.assertThat;

import dev.onramp.model.ConnectionStatus;
import dev.onramp.oauth.BrowserLauncher;
import dev.onramp.testing.ScriptedBrowser;
import dev.onramp.testing.ScriptedBrowser.Decision;
import dev.onramp.ui.AppUnderTest;
import dev.onramp.ui.HubRobot;
import dev.onramp.ui.common.AccessibleNames;
import dev.onramp.ui.common.KeyboardWalk;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Label;
import javafx.scene.control.TextInputControl;
import javafx.scene.input.KeyCode;
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
 * Every window besides the hub, New business, the credentials form and Settings (which {@link KeyboardAccessTest}
 * covers): each control a person can act on has a name, Tab reaches every one of them, Escape closes the window,
 * and Enter presses its default button. Nodes are found by id, never by their English words.
 */
@ExtendWith(ApplicationExtension.class)
class DialogsKeyboardAccessTest {
    @TempDir
    Path dataDir;

    private AppUnderTest app;
    private Stage stage;
    /** The browser the sign-ins open in: one that signs in and allows, unless a test waits on the sign-in. */
    private volatile BrowserLauncher browser = url -> new ScriptedBrowser(Decision.ALLOW).open(url);

    @Start
    void start(Stage stage) {
        this.stage = stage;
        app = AppUnderTest.start(dataDir, url -> browser.open(url));
        AppUnderTest.showHub(stage, app.services());
    }

    @AfterEach
    void closeApp() throws Exception {
        WaitForAsyncUtils.asyncFx(() -> List.copyOf(Window.getWindows()).stream().filter(w -> w != stage)
                .forEach(Window::hide)).get(10, TimeUnit.SECONDS);
        app.closeAfterHiding(stage);
    }

    /** Every control of the window has a name, and Tab reaches each of them. */
    private static void everyControlNamedAndReachedByTab(FxRobot robot, Window window, int atLeast) {
        assertThat(onFx(window::isFocused)).as("the window has the keyboard").isTrue();
        Parent root = root(window);
        List<Node> controls = onFx(() -> AccessibleNames.focusable(root));
        assertThat(controls).hasSizeGreaterThanOrEqualTo(atLeast);
        assertThat(onFx(() -> AccessibleNames.unnamed(root))).isEmpty();
        assertThat(tabbedThrough(robot, window)).containsAll(controls);
    }

    private static long showing() {
        return onFx(() -> Window.getWindows().stream().filter(Window::isShowing).count());
    }

    /** Connects HubSpot through its tile with the browser that allows, and returns its tile. */
    private Node connectedHubSpot(FxRobot robot) throws TimeoutException {
        Node tile = HubRobot.loadedTile(robot, "hubspot");
        robot.clickOn(robot.from(tile).lookup(".connect-button").queryAs(Button.class));
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> HubRobot.status(robot, tile).startsWith("Connected · "));
        HubRobot.done(robot);
        return HubRobot.loadedTile(robot, "hubspot");
    }

    private static void openMenuItem(FxRobot robot, String menu, String item) {
        robot.clickOn(menu);
        robot.clickOn(item);
        WaitForAsyncUtils.waitForFxEvents();
    }

    @Test
    void theConnectDialogWaitingOnTheSignIn_namesItsControls_tabsThroughThem_andEscapeCancelsIt(FxRobot robot)
            throws Exception {
        browser = url -> true; // a browser that opens nothing: the dialog waits on the sign-in
        Node tile = HubRobot.loadedTile(robot, "hubspot");
        robot.clickOn(robot.from(tile).lookup(".connect-button").queryAs(Button.class));
        Window dialog = dialogOver(stage);
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> !robot.lookup("#connect-link")
                .queryAs(TextInputControl.class).getText().isEmpty());
        WaitForAsyncUtils.waitForFxEvents();

        everyControlNamedAndReachedByTab(robot, dialog, 3);
        closesWith(robot, dialog, KeyCode.ESCAPE);

        assertThat(KeyboardWalk.announced(stage)).isEqualTo("Connecting HubSpot was cancelled; nothing was connected.");
        assertThat(app.context().connect().connections(HubRobot.chosenTenant(robot).id())).isEmpty();
    }

    @Test
    void theStreamsDialogItsRenameAndTheDemoMenusChoice_nameTheirControls_escapeClosesThem_andEnterPressesClose(FxRobot robot)
            throws Exception {
        Node tile = connectedHubSpot(robot);

        robot.clickOn(robot.from(tile).lookup(".streams-button").queryAs(Button.class));
        Window streams = dialogOver(stage);
        everyControlNamedAndReachedByTab(robot, streams, 3);
        closesWith(robot, streams, KeyCode.ESCAPE);

        robot.clickOn(robot.from(tile).lookup(".streams-button").queryAs(Button.class));
        streams = dialogOver(stage);
        assertThat(defaultButton(streams).getId()).isEqualTo("streams-close");
        closesWith(robot, streams, KeyCode.ENTER);

        robot.clickOn(robot.from(tile).lookup(".streams-button").queryAs(Button.class));
        streams = dialogOver(stage);
        KeyboardWalk.tabTo(robot, streams, "streams-rename");
        robot.type(KeyCode.SPACE);
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> robot.lookup("#rename-account").tryQuery().isPresent());
        Window rename = dialogOver(stage);
        everyControlNamedAndReachedByTab(robot, rename, 2);
        closesWith(robot, rename, KeyCode.ESCAPE);

        // The Demo menu asks which connection in a dialog of the same kind.
        openMenuItem(robot, "#demo-menu", "#demo-break-source");
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> robot.lookup("#demo-choice").tryQuery().isPresent());
        Window choice = dialogOver(stage);
        everyControlNamedAndReachedByTab(robot, choice, 2);
        closesWith(robot, choice, KeyCode.ESCAPE);
    }

    @Test
    void theDisconnectDialog_namesItsControls_escapeCancelsIt_andOnceDisconnectedSaysSo_andEscapeClosesIt(FxRobot robot)
            throws Exception {
        Node tile = connectedHubSpot(robot);

        robot.clickOn(robot.from(tile).lookup(".disconnect-link").queryAs(Hyperlink.class));
        Window asking = dialogOver(stage);
        everyControlNamedAndReachedByTab(robot, asking, 2);
        closesWith(robot, asking, KeyCode.ESCAPE);
        assertThat(app.context().connect().connections(HubRobot.chosenTenant(robot).id()).getFirst().status())
                .isEqualTo(ConnectionStatus.ACTIVE);

        robot.clickOn(robot.from(tile).lookup(".disconnect-link").queryAs(Hyperlink.class));
        Window dialog = dialogOver(stage);
        KeyboardWalk.tabTo(robot, dialog, "disconnect-confirm");
        robot.type(KeyCode.SPACE);
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> !robot.lookup("#disconnect-message")
                .queryAs(Label.class).getText().isEmpty());
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(onFx(() -> dialog.getScene().getFocusOwner().getId())).as("the keyboard starts at Close")
                .isEqualTo("disconnect-close");
        assertThat(KeyboardWalk.announced(dialog)).startsWith("Disconnected HubSpot of ")
                .isEqualTo(robot.lookup("#disconnect-message").queryAs(Label.class).getText());
        everyControlNamedAndReachedByTab(robot, dialog, 1);
        assertThat(defaultButton(dialog).getId()).isEqualTo("disconnect-close");

        closesWith(robot, dialog, KeyCode.ESCAPE);
        assertThat(app.context().connect().connections(HubRobot.chosenTenant(robot).id()).getFirst().status())
                .isEqualTo(ConnectionStatus.DISCONNECTED);
    }

    @Test
    void theSummary_opensFromContinueWithEnter_namesItsControls_andEscapeOrEnterClosesIt(FxRobot robot)
            throws Exception {
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> HubRobot.loaded(robot)
                && robot.lookup("#onboarding-continue").query().isVisible());
        robot.interact(() -> robot.lookup("#onboarding-continue").query().requestFocus());
        robot.type(KeyCode.ENTER);
        Window summary = dialogOver(stage);
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> !robot.lookup("#summary-progress").queryAs(Label.class)
                .getText().isEmpty() && !robot.lookup("#summary-copy").query().isDisabled());
        WaitForAsyncUtils.waitForFxEvents();

        everyControlNamedAndReachedByTab(robot, summary, 4);
        KeyboardWalk.tabTo(robot, summary, "summary-copy");
        robot.type(KeyCode.SPACE);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(KeyboardWalk.announced(summary)).isEqualTo("The summary of " + HubRobot.chosenTenant(robot).name()
                + " was copied to the clipboard.");
        closesWith(robot, summary, KeyCode.ESCAPE);

        robot.clickOn("#onboarding-continue");
        Window again = dialogOver(stage);
        assertThat(defaultButton(again).getId()).isEqualTo("summary-close");
        closesWith(robot, again, KeyCode.ENTER);
    }

    @Test
    void theActivityWindow_opensWithCtrlShiftA_namesItsControls_andEscapeClosesIt(FxRobot robot) throws Exception {
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> HubRobot.loaded(robot));
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> robot.lookup("#demo-menu").tryQuery().isPresent());
        robot.press(KeyCode.CONTROL, KeyCode.SHIFT, KeyCode.A).release(KeyCode.A, KeyCode.SHIFT, KeyCode.CONTROL);
        Window activity = dialogOver(stage);
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> robot.lookup("#activity-table").tryQuery().isPresent());
        WaitForAsyncUtils.waitForFxEvents();

        everyControlNamedAndReachedByTab(robot, activity, 6);
        closesWith(robot, activity, KeyCode.ESCAPE);
    }

    @Test
    void aboutAndKeyboardShortcuts_nameTheirControls_andEscapeOrEnterClosesThem(FxRobot robot) throws Exception {
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> HubRobot.loaded(robot));

        openMenuItem(robot, "#help-menu", "#about-onramp");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> robot.lookup("#about-licences").tryQuery().isPresent());
        Window about = dialogOver(stage);
        everyControlNamedAndReachedByTab(robot, about, 3);
        closesWith(robot, about, KeyCode.ESCAPE);

        openMenuItem(robot, "#help-menu", "#keyboard-shortcuts");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> robot.lookup("#shortcut-list").tryQuery().isPresent());
        Window shortcuts = dialogOver(stage);
        everyControlNamedAndReachedByTab(robot, shortcuts, 1);
        assertThat(defaultButton(shortcuts)).isNotNull();
        closesWith(robot, shortcuts, KeyCode.ENTER);
    }

    @Test
    void theRenameRetypeAndDeleteBusinessDialogs_nameTheirControls_escapeClosesThem_andEnterRenames(FxRobot robot)
            throws Exception {
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> HubRobot.loaded(robot));

        for (String item : List.of("#menu-rename-business", "#menu-retype-business", "#menu-delete-business")) {
            openMenuItem(robot, "#business-menu", item);
            Window dialog = dialogOver(stage);
            WaitForAsyncUtils.waitForFxEvents();
            everyControlNamedAndReachedByTab(robot, dialog, 2);
            closesWith(robot, dialog, KeyCode.ESCAPE);
            assertThat(showing()).isEqualTo(1);
        }

        openMenuItem(robot, "#business-menu", "#menu-rename-business");
        Window rename = dialogOver(stage);
        KeyboardWalk.tabTo(robot, rename, "rename-business-name");
        robot.interact(() -> ((TextInputControl) robot.lookup("#rename-business-name").query()).setText(""));
        robot.targetWindow(rename).write("Keyboard Bakery");
        closesWith(robot, rename, KeyCode.ENTER);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> "Keyboard Bakery".equals(HubRobot.chosenTenant(robot).name()));
    }

    @Test
    void resetDemoAndDemoScenarios_nameTheirControls_andEscapeClosesThem_alsoOnceTheResetHasEnded(FxRobot robot) throws Exception {
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> HubRobot.loaded(robot)
                && robot.lookup("#demo-menu").tryQuery().isPresent());

        openMenuItem(robot, "#demo-menu", "#demo-reset-menu");
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> robot.lookup("#demo-reset-question").tryQuery().isPresent());
        Window reset = dialogOver(stage);
        everyControlNamedAndReachedByTab(robot, reset, 2);
        closesWith(robot, reset, KeyCode.ESCAPE);

        openMenuItem(robot, "#demo-menu", "#demo-scenarios");
        Window scenarios = dialogOver(stage);
        everyControlNamedAndReachedByTab(robot, scenarios, 3);
        assertThat(defaultButton(scenarios)).isNotNull();
        closesWith(robot, scenarios, KeyCode.ESCAPE);

        // A reset run with the keyboard alone: it says how it ended, and Escape closes it then too.
        openMenuItem(robot, "#demo-menu", "#demo-reset-menu");
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> robot.lookup("#demo-reset-question").tryQuery().isPresent());
        Window resetting = dialogOver(stage);
        KeyboardWalk.tabTo(robot, resetting, "demo-reset-confirm");
        robot.type(KeyCode.SPACE);
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> robot.lookup("#demo-reset-result").query().isVisible());
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(KeyboardWalk.announced(resetting))
                .isEqualTo(robot.lookup("#demo-reset-result").queryAs(Label.class).getText()).startsWith("The demo was reset");
        everyControlNamedAndReachedByTab(robot, resetting, 1);
        closesWith(robot, resetting, KeyCode.ESCAPE);
    }
}
