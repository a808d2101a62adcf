package dev.onramp.ui;

import dev.onramp.business.WindowPlacement;
import dev.onramp.business.WindowPlacement.Placement;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import javafx.event.EventHandler;
import javafx.geometry.Rectangle2D;
import javafx.stage.Screen;
import javafx.stage.Stage;
import javafx.stage.WindowEvent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Puts the window where it was when it last closed (read from the data folder before the first frame,
 * or off the FX thread once the services are there), on a screen that still exists, else centred; and
 * saves where it is when it closes, once, not while it is dragged.
 */
final class WindowPlaces {
    private static final String SAVER = "onramp.window-placement.saver";
    private static final Logger LOG = LoggerFactory.getLogger(WindowPlaces.class);

    /** The window's bounds the last time it was neither maximized nor minimized; FX thread only. */
    private double x;
    private double y;
    private double width;
    private double height;

    private WindowPlaces(Stage stage) {
        remember(stage);
        stage.xProperty().subscribe(() -> remember(stage));
        stage.yProperty().subscribe(() -> remember(stage));
        stage.widthProperty().subscribe(() -> remember(stage));
        stage.heightProperty().subscribe(() -> remember(stage));
    }

    /**
     * Restores {@code stage} from {@code placement} (read on {@code background}, applied on {@code fx}) and
     * saves it there when the stage is hidden; call it on the FX thread.
     */
    static void follow(Stage stage, WindowPlacement placement, Executor background, Executor fx) {
        follow(stage, placement, background, fx, true);
    }

    /** As {@link #follow(Stage, WindowPlacement, Executor, Executor)}; without {@code restore}, only saves. */
    static void follow(Stage stage, WindowPlacement placement, Executor background, Executor fx, boolean restore) {
        WindowPlaces places = new WindowPlaces(stage);
        if (restore) {
            CompletableFuture.supplyAsync(placement::saved, background)
                    .thenAcceptAsync(saved -> saved.ifPresent(at -> restore(stage, at)), fx);
        }
        // One saver per stage: a stage shown again (a test's) saves through the services it was last shown with.
        @SuppressWarnings("unchecked")
        EventHandler<WindowEvent> previous = (EventHandler<WindowEvent>) stage.getProperties().get(SAVER);
        if (previous != null) {
            stage.removeEventHandler(WindowEvent.WINDOW_HIDDEN, previous);
        }
        EventHandler<WindowEvent> saver = e -> places.placement(stage).ifPresent(at -> save(placement, at, background));
        stage.getProperties().put(SAVER, saver);
        stage.addEventHandler(WindowEvent.WINDOW_HIDDEN, saver);
    }

    /**
     * Saves {@code at} on {@code background}; when the app has already closed (its executor, its database),
     * nothing is saved and the next start opens the window as it was saved before.
     */
    private static void save(WindowPlacement placement, Placement at, Executor background) {
        try {
            background.execute(() -> {
                try {
                    placement.save(at);
                } catch (RuntimeException closed) {
                    LOG.debug("The window's placement was not saved: {}", closed.getMessage());
                }
            });
        } catch (RejectedExecutionException closed) {
            LOG.debug("The window's placement was not saved: the app had closed");
        }
    }

    private void remember(Stage stage) {
        if (!stage.isMaximized() && !stage.isIconified() && stage.getWidth() > 0 && stage.getHeight() > 0) {
            x = stage.getX();
            y = stage.getY();
            width = stage.getWidth();
            height = stage.getHeight();
        }
    }

    private Optional<Placement> placement(Stage stage) {
        if (!(width > 0 && height > 0) || !Double.isFinite(x) || !Double.isFinite(y)) {
            return Optional.empty();
        }
        return Optional.of(new Placement(x, y, width, height, stage.isMaximized()));
    }

    /** Puts {@code stage} at {@code at} when a screen still shows it, else centres it at that size on the main screen. */
    static void restore(Stage stage, Placement at) {
        double width = Math.max(at.width(), stage.getMinWidth());
        double height = Math.max(at.height(), stage.getMinHeight());
        if (Screen.getScreensForRectangle(at.x(), at.y(), width, height).isEmpty()) {
            Rectangle2D screen = Screen.getPrimary().getVisualBounds();
            stage.setWidth(Math.min(width, screen.getWidth()));
            stage.setHeight(Math.min(height, screen.getHeight()));
            stage.centerOnScreen();
        } else {
            stage.setX(at.x());
            stage.setY(at.y());
            stage.setWidth(width);
            stage.setHeight(height);
        }
        stage.setMaximized(at.maximized());
    }
}
