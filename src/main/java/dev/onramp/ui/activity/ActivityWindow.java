package dev.onramp.ui.activity;

import dev.onramp.diagnostics.ActivityService;
import dev.onramp.model.TenantId;
import dev.onramp.ui.common.Styles;
import dev.onramp.ui.common.UiText;
import java.time.ZoneId;
import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.function.Supplier;
import javafx.scene.Scene;
import javafx.scene.control.MenuItem;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.Pane;
import javafx.stage.Stage;
import javafx.stage.Window;

/**
 * Help → Activity…: opens the audit trail in a window of its own beside the main one, once at a time; Escape closes
 * it, and a switch of the window's language builds its content again in the new one, its filters kept.
 */
public final class ActivityWindow {
    private final ActivityService activity;
    private final Executor background;
    private final Executor fx;
    private final ExportTarget target;
    private Stage stage;
    /** The open window's model; FX thread only, as is {@link #stage}. */
    private ActivityModel model;

    public ActivityWindow(ActivityService activity, Executor background, Executor fx, ExportTarget target) {
        this.activity = activity;
        this.background = background;
        this.fx = fx;
        this.target = target;
    }

    /**
     * A Help menu item (Shortcut+Shift+A), in the window's language, that opens this window over {@code owner}, its
     * business filter on the business {@code shown} names.
     */
    public MenuItem menuItem(Window owner, Supplier<Optional<TenantId>> shown) {
        MenuItem item = new MenuItem(UiText.get("ui.activity.menuItem"));
        item.setId("activity-menu-item");
        item.setAccelerator(new KeyCodeCombination(KeyCode.A, KeyCombination.SHORTCUT_DOWN, KeyCombination.SHIFT_DOWN));
        item.setOnAction(e -> open(owner, shown.get()));
        return item;
    }

    /** Shows the window, or brings it to the front when it is open; call it on the FX thread. */
    public void open(Window owner, Optional<TenantId> shown) {
        if (isOpen()) {
            stage.toFront();
            return;
        }
        Stage opened = new Stage();
        Scene scene = new Scene(new Pane(), 1040, 600);
        Styles.apply(scene);
        opened.setScene(scene);
        // Escape closes the window, unless a control used it first (an open list or calendar closes instead).
        scene.addEventHandler(KeyEvent.KEY_PRESSED, key -> {
            if (key.getCode() == KeyCode.ESCAPE) {
                key.consume();
                opened.hide();
            }
        });
        opened.setMinWidth(640);
        opened.setMinHeight(360);
        if (owner != null) {
            opened.initOwner(owner);
        }
        opened.setOnHidden(e -> model.cancelVerify());
        stage = opened;
        fill(ActivityModel.Filters.of(shown));
        opened.show();
    }

    /**
     * Builds the open window's content again in the window's language now (View → Language), with the filters it
     * had; a chain check under way is stopped, since its words would stay in the old language. Nothing when the
     * window is not open. Call it on the FX thread.
     */
    public void speakAgain() {
        if (!isOpen()) {
            return;
        }
        ActivityModel.Filters kept = model.filters();
        model.cancelVerify();
        fill(kept);
    }

    /** Whether the window is showing. */
    public boolean isOpen() {
        return stage != null && stage.isShowing();
    }

    /** Puts a new model and view in the window's language on the stage, with {@code filters}. */
    private void fill(ActivityModel.Filters filters) {
        model = new ActivityModel(activity, background, fx, ZoneId.systemDefault());
        Stage shown = stage;
        ActivityView view = new ActivityView(model, target, () -> shown);
        shown.getScene().setRoot(view.root());
        shown.setTitle(UiText.get("ui.activity.window.title"));
        model.activate(filters);
    }
}
