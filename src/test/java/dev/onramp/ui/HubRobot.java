package dev.onramp.ui;

import dev.onramp.model.Tenant;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javafx.scene.Node;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import java.util.stream.Stream;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

/** What UI tests do on the hub as a person would: wait for it, find a tile, read it, see the chosen business. */
public final class HubRobot {
    private HubRobot() {}

    /** Waits until the hub has loaded, then scrolls the provider's tile into view and returns it. */
    public static Node loadedTile(FxRobot robot, String providerId) throws TimeoutException {
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> !robot.lookup("#hub-loading").query().isVisible());
        Node tile = robot.lookup("#tile-" + providerId).query();
        // A tile makes its buttons when they first apply, in an FX event of its own after the hub's.
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> Stream.of(".connect-button", ".streams-button",
                ".reconnect-button").flatMap(button -> robot.from(tile).lookup(button).queryAll().stream())
                .anyMatch(Node::isVisible));
        WaitForAsyncUtils.waitForFxEvents();
        robot.interact(() -> scrollIntoView(tile));
        return tile;
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
        robot.interact(() -> scrollIntoView(tile));
    }

    /** Scrolls the hub so that the tile's top is in view, as a person would before clicking. */
    private static void scrollIntoView(Node tile) {
        Node ancestor = tile.getParent();
        while (!(ancestor instanceof ScrollPane)) {
            ancestor = ancestor.getParent();
        }
        ScrollPane scroll = (ScrollPane) ancestor;
        double hidden = scroll.getContent().getLayoutBounds().getHeight() - scroll.getViewportBounds().getHeight();
        if (hidden > 0) {
            scroll.setVvalue(Math.min(1, tile.getBoundsInParent().getMinY() / hidden));
        }
    }
}
