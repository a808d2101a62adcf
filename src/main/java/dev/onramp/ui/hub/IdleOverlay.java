package dev.onramp.ui.hub;

import static dev.onramp.ui.common.Visibility.showWhen;

import java.time.Clock;
import java.util.List;
import java.util.OptionalInt;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.Supplier;
import javafx.animation.Animation;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.collections.ListChangeListener;
import javafx.event.Event;
import javafx.event.EventHandler;
import javafx.event.EventType;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.input.KeyEvent;
import javafx.scene.input.MouseEvent;
import javafx.scene.input.ScrollEvent;
import javafx.scene.input.TouchEvent;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import javafx.stage.Window;
import javafx.stage.WindowEvent;
import javafx.util.Duration;

/**
 * Shows the idle reset's countdown over the hub, and feeds its model: a tick each second, and every key,
 * mouse move or click, scroll and touch in any of the app's windows as input. The minutes are read again
 * whenever one of the app's other windows (Settings) closes.
 */
public final class IdleOverlay {
    private static final List<EventType<? extends Event>> INPUT = List.of(KeyEvent.KEY_PRESSED,
            KeyEvent.KEY_RELEASED, MouseEvent.MOUSE_MOVED, MouseEvent.MOUSE_PRESSED, MouseEvent.MOUSE_RELEASED,
            MouseEvent.MOUSE_DRAGGED, ScrollEvent.SCROLL, TouchEvent.ANY);

    private final IdleResetModel model;
    private final Clock clock;
    private final Supplier<OptionalInt> minutes;
    private final Executor background;
    private final Executor fx;
    private final Timeline ticks;
    private final EventHandler<Event> input;

    private IdleOverlay(IdleResetModel model, Clock clock, Supplier<OptionalInt> minutes, Executor background,
            Executor fx) {
        this.model = model;
        this.clock = clock;
        this.minutes = minutes;
        this.background = background;
        this.fx = fx;
        this.input = event -> model.input(clock.instant());
        this.ticks = new Timeline(new KeyFrame(Duration.seconds(1), e -> model.tick(clock.instant())));
        ticks.setCycleCount(Animation.INDEFINITE);
    }

    /**
     * Puts the countdown over the hub in the center of {@code stage}'s root, starts ticking and listening to
     * input in every window of the app until {@code stage} is hidden or that root leaves it (the window built
     * again in another language, with an overlay of its own); call it on the FX thread.
     *
     * @param minutes reads the saved minutes; blocks, so it is called on {@code background}
     */
    public static void install(Stage stage, IdleResetModel model, Clock clock, Supplier<OptionalInt> minutes,
            Executor background, Executor fx) {
        IdleOverlay overlay = new IdleOverlay(model, clock, minutes, background, fx);
        BorderPane content = (BorderPane) stage.getScene().getRoot();
        Node hub = content.getCenter();
        Node view = overlay.view();
        content.setCenter(new StackPane(hub, view));
        ListChangeListener<Window> windows = new ListChangeListener<>() {
            @Override
            public void onChanged(Change<? extends Window> change) {
                if (!stage.isShowing()) {
                    overlay.uninstall(this);
                    return;
                }
                while (change.next()) {
                    change.getAddedSubList().forEach(overlay::listen);
                    if (change.wasRemoved()) {
                        change.getRemoved().forEach(overlay::stopListening);
                        overlay.readMinutes();
                    }
                }
            }
        };
        Window.getWindows().forEach(overlay::listen);
        Window.getWindows().addListener(windows);
        EventHandler<WindowEvent> hidden = new EventHandler<>() {
            @Override
            public void handle(WindowEvent event) {
                overlay.uninstall(windows);
                stage.removeEventHandler(WindowEvent.WINDOW_HIDDEN, this);
            }
        };
        stage.addEventHandler(WindowEvent.WINDOW_HIDDEN, hidden);
        view.sceneProperty().subscribe((was, is) -> {
            if (is == null) {
                hidden.handle(null);
            }
        });
        overlay.readMinutes();
        overlay.ticks.play();
    }

    /** Stops ticking and listening, once the window is hidden. */
    private void uninstall(ListChangeListener<Window> windows) {
        ticks.stop();
        Window.getWindows().removeListener(windows);
        Window.getWindows().forEach(this::stopListening);
    }

    private void listen(Window window) {
        INPUT.forEach(type -> window.addEventFilter(type, input));
    }

    private void stopListening(Window window) {
        INPUT.forEach(type -> window.removeEventFilter(type, input));
    }

    private void readMinutes() {
        try {
            CompletableFuture.supplyAsync(minutes, background).thenAcceptAsync(model::setMinutes, fx);
        } catch (RejectedExecutionException closing) {
            // The app is closing: there is nothing left to reset.
        }
    }

    private Node view() {
        Label message = new Label();
        message.setId("idle-reset-message");
        message.setWrapText(true);
        message.textProperty().bind(model.messageProperty());
        message.getStyleClass().add("idle-reset-message");
        VBox card = new VBox(message);
        card.setAlignment(Pos.CENTER);
        card.setMaxWidth(640);
        card.getStyleClass().add("idle-reset-card");
        card.setMaxHeight(Region.USE_PREF_SIZE);
        StackPane overlay = new StackPane(card);
        overlay.setId("idle-reset-overlay");
        overlay.getStyleClass().add("idle-reset-overlay");
        showWhen(overlay, model.shownProperty());
        return overlay;
    }
}
