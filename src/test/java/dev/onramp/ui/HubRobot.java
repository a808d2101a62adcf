package dev.onramp.ui;

import dev.onramp.model.Tenant;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javafx.scene.Node;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import dev.onramp.ui.hub.HubRow;
import javafx.scene.control.ListView;
import java.util.stream.Stream;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

/** What UI tests do on the hub as a person would: wait for it, find a tile, read it, see the chosen business. */
public final class HubRobot {
    private HubRobot() {}

    /** Waits until the hub has loaded, then scrolls the provider's tile into view and returns it. */
    public static Node loadedTile(FxRobot robot, String providerId) throws TimeoutException {
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> HubRobot.loaded(robot));
        // Only the tiles in view exist: the list is scrolled to the provider's row first.
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> onFx(() -> {
            scrollTo(robot, providerId);
            return robot.lookup("#tile-" + providerId).tryQuery().isPresent();
        }));
        Node tile = onFx(() -> robot.lookup("#tile-" + providerId).query());
        // A tile makes its buttons when they first apply, in an FX event of its own after the hub's.
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> onFx(() -> Stream.of(".connect-button",
                ".streams-button", ".reconnect-button").flatMap(button -> robot.from(tile).lookup(button).queryAll()
                        .stream()).anyMatch(Node::isVisible)));
        WaitForAsyncUtils.waitForFxEvents();
        return onFx(() -> {
            scrollTo(robot, providerId);
            return robot.lookup("#tile-" + providerId).query();
        });
    }

    /**
     * Whether the hub has loaded (its loading indicator hidden), looked up on the FX thread: the hub's
     * list changes its rows meanwhile, and the scene graph is not to be walked from another thread then.
     */
    public static boolean loaded(FxRobot robot) throws Exception {
        return onFx(() -> !robot.lookup("#hub-loading").query().isVisible());
    }

    /** What {@code look} finds, looked for on the FX thread, while the scene graph holds still. */
    private static <T> T onFx(java.util.concurrent.Callable<T> look) {
        try {
            return WaitForAsyncUtils.asyncFx(look).get(10, TimeUnit.SECONDS);
        } catch (java.util.concurrent.ExecutionException e) {
            throw new IllegalStateException(e.getCause());
        } catch (InterruptedException | TimeoutException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Waits for the connect dialog's success ("Stripe connected — account …, 4 streams"), returns
     * what it says, and presses Done.
     */
    public static String done(FxRobot robot) throws TimeoutException {
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> robot.lookup("#connected-done").queryAll().stream()
                .anyMatch(HubRobot::shown));
        Node done = robot.lookup("#connected-done").queryAll().stream().filter(HubRobot::shown).findFirst().orElseThrow();
        String headline = ((Label) done.getScene().lookup("#connected-headline")).getText();
        robot.clickOn(done);
        WaitForAsyncUtils.waitForFxEvents();
        return headline;
    }

    /** True when the node and every one of its parents are visible. */
    private static boolean shown(Node node) {
        for (Node at = node; at != null; at = at.getParent()) {
            if (!at.isVisible()) {
                return false;
            }
        }
        return true;
    }

    /** The tile's status line, e.g. "Connected · 12 streams". */
    public static String status(FxRobot robot, Node tile) {
        return robot.from(tile).lookup(".tile-status").queryAs(Label.class).getText();
    }

    @SuppressWarnings("unchecked")
    public static Tenant chosenTenant(FxRobot robot) {
        return ((ComboBox<Tenant>) robot.lookup("#business-chooser").query()).getValue();
    }

    /** Scrolls the hub so that the tile's top is in view again (its height may have changed). */
    public static void showTile(FxRobot robot, Node tile) {
        robot.interact(() -> scrollTo(robot, tile.getId().substring("tile-".length())));
        WaitForAsyncUtils.waitForFxEvents();
    }

    /** Scrolls the hub's list so that the row holding the provider's tile is at its top, as a person would. */
    @SuppressWarnings("unchecked")
    private static void scrollTo(FxRobot robot, String providerId) {
        ListView<HubRow> list = robot.lookup("#hub-list").queryAs(ListView.class);
        for (int i = 0; i < list.getItems().size(); i++) {
            if (list.getItems().get(i).shows(providerId)) {
                list.scrollTo(i);
                list.layout();
                return;
            }
        }
    }
}
