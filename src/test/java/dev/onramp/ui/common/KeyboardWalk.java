package dev.onramp.ui.common;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.input.KeyCode;
import javafx.stage.Window;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

/** What a person does in a window with the keyboard alone: Tab round its controls, Enter, Escape; and what it says. */
public final class KeyboardWalk {
    private KeyboardWalk() {}

    /** The showing window other than {@code main}, once there is one (the dialog just opened). */
    public static Window dialogOver(Window main) throws TimeoutException {
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> onFx(() -> Window.getWindows().stream()
                .anyMatch(w -> w.isShowing() && w != main)));
        WaitForAsyncUtils.waitForFxEvents();
        return onFx(() -> Window.getWindows().stream().filter(w -> w.isShowing() && w != main).reduce((a, b) -> b)
                .orElseThrow());
    }

    /** The window's root, looked at on the FX thread. */
    public static Parent root(Window window) {
        return onFx(() -> window.getScene().getRoot());
    }

    /**
     * Presses Tab twice as often as the window has controls to reach, and returns each control that had the focus
     * meanwhile, in order: a control Tab never reaches, or a control that keeps Tab to itself, shows as missing.
     */
    public static List<Node> tabbedThrough(FxRobot robot, Window window) {
        int controls = onFx(() -> AccessibleNames.focusable(window.getScene().getRoot()).size());
        List<Node> reached = new ArrayList<>();
        for (int i = 0; i < 2 * controls + 2; i++) {
            robot.type(KeyCode.TAB);
            WaitForAsyncUtils.waitForFxEvents();
            Node owner = onFx(() -> window.getScene().getFocusOwner());
            if (owner != null && !reached.contains(owner)) {
                reached.add(owner);
            }
        }
        return reached;
    }

    /** The window's default button, shown and enabled now: what Enter presses; null when it has none. */
    public static Button defaultButton(Window window) {
        return onFx(() -> window.getScene().getRoot().lookupAll(".button").stream()
                .filter(Button.class::isInstance).map(Button.class::cast)
                .filter(button -> button.isDefaultButton() && shown(button) && !button.isDisabled())
                .findFirst().orElse(null));
    }

    /** Presses {@code key} and waits until {@code window} has closed. */
    public static void closesWith(FxRobot robot, Window window, KeyCode key) throws TimeoutException {
        robot.type(key);
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> onFx(() -> !window.isShowing()));
        WaitForAsyncUtils.waitForFxEvents();
    }

    /** Moves the focus with Tab until the node with {@code id} has it (as a person would), and returns it. */
    public static Node tabTo(FxRobot robot, Window window, String id) {
        for (int i = 0; i < 60; i++) {
            Node owner = onFx(() -> window.getScene().getFocusOwner());
            if (owner != null && id.equals(owner.getId())) {
                return owner;
            }
            robot.type(KeyCode.TAB);
            WaitForAsyncUtils.waitForFxEvents();
        }
        throw new AssertionError("Tab never reached #" + id);
    }

    /** What the window's announcer said last (its accessible text), read on the FX thread. */
    public static String announced(Window window) {
        return onFx(() -> {
            Node announcer = window.getScene().getRoot().lookup("#" + Announcer.ID);
            return announcer == null || announcer.getAccessibleText() == null ? "" : announcer.getAccessibleText();
        });
    }

    /** True when the node and every one of its parents are visible. */
    public static boolean shown(Node node) {
        for (Node at = node; at != null; at = at.getParent()) {
            if (!at.isVisible()) {
                return false;
            }
        }
        return true;
    }

    /** What {@code look} finds, looked for on the FX thread. */
    public static <T> T onFx(Callable<T> look) {
        try {
            return WaitForAsyncUtils.asyncFx(look).get(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
