package dev.onramp.ui.hub;

import static dev.onramp.ui.common.Visibility.showWhen;

import dev.onramp.connect.summary.OnboardingSummary.SourceState;
import dev.onramp.ui.common.Icons;
import dev.onramp.ui.common.UiText;
import java.util.Locale;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.collections.ListChangeListener;
import javafx.css.PseudoClass;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.feather.Feather;

/**
 * The hub's onboarding progress under its header: a bar and "3 of 5 recommended sources connected",
 * the recommended providers as a checklist that can be hidden, and Continue, which opens the summary.
 */
final class ProgressPane {
    private static final PseudoClass COMPLETE = PseudoClass.getPseudoClass("complete");

    private final OnboardingProgress progress;
    private final VBox root = new VBox(6);
    private final FlowPane checklist = new FlowPane(6, 6);
    private final BooleanProperty expanded = new SimpleBooleanProperty(true);

    ProgressPane(OnboardingProgress progress, Runnable onContinue) {
        this.progress = progress;
        ProgressBar bar = new ProgressBar();
        bar.setId("onboarding-bar");
        bar.setPrefWidth(120);
        bar.progressProperty().bind(progress.fractionProperty());
        Label text = new Label();
        text.setId("onboarding-progress");
        text.getStyleClass().add("onboarding-progress-text");
        text.textProperty().bind(progress.textProperty());
        progress.completeProperty().subscribe(done -> text.pseudoClassStateChanged(COMPLETE, done));
        // In a narrow window the words wrap; the link and the button keep theirs whole.
        text.setWrapText(true);
        text.setMinHeight(Region.USE_PREF_SIZE);
        Hyperlink toggle = new Hyperlink();
        toggle.setId("onboarding-checklist-toggle");
        toggle.textProperty().bind(expanded.map(open -> open ? UiText.get("ui.hub.progress.hideChecklist")
                : UiText.get("ui.hub.progress.showChecklist")));
        toggle.setOnAction(e -> expanded.set(!expanded.get()));
        toggle.setMinWidth(Region.USE_PREF_SIZE);
        Region gap = new Region();
        HBox.setHgrow(gap, Priority.ALWAYS);
        Button next = new Button(UiText.get("ui.hub.progress.continue"));
        next.setId("onboarding-continue");
        next.getStyleClass().add(atlantafx.base.theme.Styles.ACCENT);
        next.setTooltip(new Tooltip(UiText.get("ui.hub.progress.continue.help")));
        next.setOnAction(e -> onContinue.run());
        next.setMinWidth(Region.USE_PREF_SIZE);
        bar.setMinWidth(Region.USE_PREF_SIZE);
        HBox line = new HBox(12, bar, text, toggle, gap, next);
        line.setAlignment(Pos.CENTER_LEFT);

        checklist.setId("onboarding-checklist");
        showWhen(checklist, expanded);
        progress.entries().addListener((ListChangeListener<OnboardingProgress.Entry>) change -> showEntries());
        showEntries();

        root.getChildren().addAll(line, checklist);
        root.getStyleClass().add("onboarding-progress");
        root.setId("onboarding");
        showWhen(root, progress.shownProperty());
    }

    Node root() {
        return root;
    }

    private void showEntries() {
        checklist.getChildren().setAll(progress.entries().stream().map(ProgressPane::item).toList());
    }

    private static Node item(OnboardingProgress.Entry entry) {
        Node icon = Icons.of(iconOf(entry.state()), "checklist-icon");
        Label name = new Label(entry.name());
        Label state = new Label(wordsOf(entry.state()));
        state.getStyleClass().add("checklist-state");
        HBox item = new HBox(5, icon, name, state);
        item.setAlignment(Pos.CENTER_LEFT);
        item.getStyleClass().addAll("checklist-item", styleOf(entry.state()));
        item.setId("checklist-" + entry.providerId());
        String why = entry.reason().isBlank() ? "" : entry.reason();
        String status = entry.status().isBlank() ? "" : entry.status();
        String tip = why + (why.isEmpty() || status.isEmpty() ? "" : "\n") + status;
        if (!tip.isEmpty()) {
            // A tooltip brings a popup window of its own: it is made when the pointer first gets there, as a
            // tile's are, not for each of the checklist's items while the hub's first frame is made.
            item.setOnMouseEntered(e -> {
                item.setOnMouseEntered(null);
                Tooltip.install(item, new Tooltip(tip));
            });
        }
        return item;
    }

    /** "connected", "needs attention" or "not connected", in the window's language. */
    private static String wordsOf(SourceState state) {
        return switch (state) {
            case CONNECTED -> UiText.get("ui.hub.progress.state.connected");
            case NEEDS_ATTENTION -> UiText.get("ui.hub.progress.state.needsAttention");
            case NOT_CONNECTED -> UiText.get("ui.hub.progress.state.notConnected");
        };
    }

    private static Feather iconOf(SourceState state) {
        return switch (state) {
            case CONNECTED -> Feather.CHECK_CIRCLE;
            case NEEDS_ATTENTION -> Feather.ALERT_CIRCLE;
            case NOT_CONNECTED -> Feather.CIRCLE;
        };
    }

    private static String styleOf(SourceState state) {
        return state.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
