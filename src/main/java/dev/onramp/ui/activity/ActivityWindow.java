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
import javafx.stage.Stage;
import javafx.stage.Window;

/** Help → Activity…: opens the audit trail in a window of its own beside the main one, once at a time; Escape closes it. */
public final class ActivityWindow {
    private final ActivityService activity;
    private final Executor background;
    private final Executor fx;
    private final ExportTarget target;
    private Stage stage;

    public ActivityWindow(ActivityService activity, Executor background, Executor fx, ExportTarget target) {
        this.activity = activity;
        this.background = background;
        this.fx = fx;
        this.target = target;
    }

    /**
     * The Help menu's item (Shortcut+Shift+A) that opens the window over {@code owner}, its business
     * filter on the business {@code shown} names.
     */
    public static MenuItem menuItem(ActivityService activity, Executor background, Executor fx, Window owner,
            Supplier<Optional<TenantId>> shown) {
        ActivityWindow window = new ActivityWindow(activity, background, fx, ExportTarget.fileChooser());
        MenuItem item = new MenuItem(UiText.get("ui.activity.menuItem"));
        item.setId("activity-menu-item");
        item.setAccelerator(new KeyCodeCombination(KeyCode.A, KeyCombination.SHORTCUT_DOWN, KeyCombination.SHIFT_DOWN));
        item.setOnAction(e -> window.open(owner, shown.get()));
        return item;
    }

    /** Shows the window, or brings it to the front when it is open; call it on the FX thread. */
    public void open(Window owner, Optional<TenantId> shown) {
        if (stage != null && stage.isShowing()) {
            stage.toFront();
            return;
        }
        ActivityModel model = new ActivityModel(activity, background, fx, ZoneId.systemDefault());
        Stage opened = new Stage();
        ActivityView view = new ActivityView(model, target, () -> opened);
        Scene scene = new Scene(view.root(), 1040, 600);
        Styles.apply(scene);
        opened.setTitle(UiText.get("ui.activity.window.title"));
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
        opened.show();
        model.activate(shown);
    }
}
