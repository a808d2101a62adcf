package dev.onramp.ui.summary;

import static dev.onramp.ui.common.Visibility.showWhen;

import dev.onramp.connect.summary.OnboardingSummary;
import dev.onramp.connect.summary.OnboardingSummary.ConnectionEntry;
import dev.onramp.connect.summary.OnboardingSummary.MissingItem;
import dev.onramp.connect.summary.OnboardingSummary.MissingKind;
import dev.onramp.connect.summary.SummaryFormat;
import dev.onramp.connect.summary.SummaryText;
import dev.onramp.ui.common.Announcer;
import dev.onramp.ui.common.Styles;
import dev.onramp.ui.common.UiText;
import javafx.animation.PauseTransition;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.ScrollPane;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.Modality;
import javafx.stage.Stage;
import javafx.stage.Window;
import javafx.util.Duration;

/**
 * The Summary dialog: the business's Airbyte and workspace, its progress, each connection with its
 * status, last check (local time) and streams, and what is still missing; Export PDF…, Export JSON…
 * (written in the background, a failure said in one sentence), Copy (plain text) and Close.
 */
public final class SummaryDialog {

    private final SummaryModel model;
    private final Stage stage = new Stage();
    private final VBox body = new VBox(10);
    private final Label heading = new Label();
    private final Label airbyte = new Label();
    private final Label progressText = new Label();
    private final ProgressBar progressBar = new ProgressBar(0);
    private Announcer announcer;

    private SummaryDialog(Window owner, SummaryModel model) {
        this.model = model;
        stage.initOwner(owner);
        stage.initModality(Modality.WINDOW_MODAL);
        stage.setTitle(UiText.get("ui.summary.window.title", model.businessName()));
        VBox root = layout(owner);
        announcer = Announcer.in(root);
        Scene scene = new Scene(root, 640, 560);
        Styles.apply(scene);
        stage.setScene(scene);
        model.summaryProperty().subscribe(this::show);
        // How an export went (or why the summary could not be made), for a screen reader.
        announcer.follow(model.messageProperty());
    }

    /** Opens the dialog over {@code owner} and builds the summary in the background. */
    public static void open(Window owner, SummaryModel model) {
        SummaryDialog dialog = new SummaryDialog(owner, model);
        dialog.stage.show();
        model.load();
    }

    private VBox layout(Window owner) {
        heading.setText(UiText.get("ui.summary.title", model.businessName()));
        heading.getStyleClass().add("dialog-title");
        heading.setId("summary-title");
        airbyte.setId("summary-airbyte");
        airbyte.getStyleClass().add("hint");
        airbyte.setWrapText(true);
        airbyte.setMaxWidth(Double.MAX_VALUE);
        airbyte.setMinHeight(Region.USE_PREF_SIZE);
        progressText.setId("summary-progress");
        progressText.getStyleClass().add("summary-progress");
        progressBar.setPrefWidth(140);
        HBox progress = new HBox(10, progressBar, progressText);
        progress.setAlignment(Pos.CENTER_LEFT);

        ProgressIndicator loading = new ProgressIndicator();
        loading.setPrefSize(28, 28);
        showWhen(loading, model.loadingProperty());
        body.getChildren().add(loading);
        body.getStyleClass().add("summary-body");
        ScrollPane scroll = new ScrollPane(body);
        scroll.setFitToWidth(true);
        scroll.setId("summary-scroll");
        VBox.setVgrow(scroll, Priority.ALWAYS);

        ProgressIndicator exporting = new ProgressIndicator();
        exporting.setId("summary-exporting");
        exporting.setPrefSize(18, 18);
        showWhen(exporting, model.exportingProperty());
        Label message = new Label();
        message.setId("summary-message");
        message.setWrapText(true);
        message.setMinHeight(Region.USE_PREF_SIZE);
        message.textProperty().bind(model.messageProperty());
        model.failedProperty().subscribe(failed -> {
            message.getStyleClass().removeAll("error-message", "hint");
            message.getStyleClass().add(failed ? "error-message" : "hint");
        });
        HBox status = new HBox(8, exporting, message);
        status.setAlignment(Pos.CENTER_LEFT);
        showWhen(status, model.messageProperty().isNotEmpty());

        Button pdf = new Button(UiText.get("ui.summary.exportPdf"));
        pdf.setId("summary-export-pdf");
        pdf.setOnAction(e -> export(owner, SummaryFormat.PDF));
        Button json = new Button(UiText.get("ui.summary.exportJson"));
        json.setId("summary-export-json");
        json.setOnAction(e -> export(owner, SummaryFormat.JSON));
        Button copy = new Button(UiText.get("ui.summary.copy"));
        copy.setId("summary-copy");
        PauseTransition copiedFor = new PauseTransition(Duration.seconds(3));
        copiedFor.setOnFinished(e -> copy.setText(UiText.get("ui.summary.copy")));
        copy.setOnAction(e -> model.text().ifPresent(text -> {
            ClipboardContent content = new ClipboardContent();
            content.putString(text);
            Clipboard.getSystemClipboard().setContent(content);
            copy.setText(UiText.get("ui.summary.copied"));
            copiedFor.playFromStart();
            announcer.announce(UiText.get("ui.summary.announce.copied", model.businessName()));
        }));
        for (Button button : new Button[] {pdf, json, copy}) {
            button.disableProperty().bind(model.summaryProperty().isNull().or(model.exportingProperty()));
        }
        Button close = new Button(UiText.get("ui.summary.close"));
        close.setId("summary-close");
        close.setCancelButton(true);
        close.setDefaultButton(true);
        close.setOnAction(e -> stage.close());
        // The dialog opens on Close, so that Enter closes it whether or not the summary is loaded yet: Enter presses
        // the focused button, and an export button first in line would open a file chooser instead.
        stage.setOnShown(e -> close.requestFocus());
        Region gap = new Region();
        HBox.setHgrow(gap, Priority.ALWAYS);
        HBox buttons = new HBox(8, pdf, json, copy, gap, close);
        buttons.setAlignment(Pos.CENTER_LEFT);

        VBox layout = new VBox(12, heading, airbyte, progress, scroll, status, buttons);
        layout.getStyleClass().addAll("dialog", "summary-dialog");
        layout.setId("summary-dialog");
        return layout;
    }

    /** Asks where to save, then writes in the background; a cancelled choice does nothing. */
    private void export(Window owner, SummaryFormat format) {
        FileAsker.of(owner).ask(stage, format, model.suggestedName(format))
                .ifPresent(file -> model.export(format, file));
    }

    private void show(OnboardingSummary summary) {
        if (summary == null) {
            return;
        }
        airbyte.setText(UiText.get("ui.summary.airbyte", SummaryText.airbyte(summary, UiText.messages())));
        progressText.setText(SummaryText.progress(summary, UiText.messages()));
        progressBar.setProgress(summary.progress().recommended() == 0 ? 0
                : (double) summary.progress().connected() / summary.progress().recommended());
        body.getChildren().clear();
        body.getChildren().add(sectionHeading(UiText.get("ui.summary.connections", summary.connections().size())));
        summary.connections().forEach(c -> body.getChildren().add(connection(c)));
        body.getChildren().add(sectionHeading(UiText.get("ui.summary.missing", summary.missing().size())));
        summary.missing().forEach(item -> body.getChildren().add(missing(summary, item)));
    }

    private static Label sectionHeading(String text) {
        Label label = new Label(text);
        label.getStyleClass().add("summary-heading");
        return label;
    }

    private Node connection(ConnectionEntry c) {
        Label name = new Label(UiText.get("ui.summary.connection.name", c.providerName(), c.account()));
        name.getStyleClass().add("summary-connection-name");
        String status = SummaryText.status(c, UiText.messages());
        Label state = new Label(c.lastChecked()
                .map(at -> UiText.get("ui.summary.connection.checked", status,
                        SummaryText.when(at, model.zone(), UiText.locale())))
                .orElseGet(() -> UiText.get("ui.summary.connection.notChecked", status)));
        state.getStyleClass().add(c.active() ? "summary-ok" : "summary-attention");
        Label where = wrapping(c.airbyte()
                .map(at -> UiText.get("ui.summary.connection.where",
                        SummaryText.location(at, UiText.messages()), c.sourceId()))
                .orElseGet(() -> UiText.get("ui.summary.connection.whereUnknown", c.sourceId())));
        where.getStyleClass().add("hint");
        Label streams = wrapping(UiText.get("ui.summary.connection.streams", c.streams().size(),
                String.join(", ", c.streams())));
        VBox block = new VBox(2, name, state, where, streams);
        block.getStyleClass().add("summary-connection");
        block.setId("summary-connection-" + c.id());
        return block;
    }

    private static Node missing(OnboardingSummary summary, MissingItem item) {
        Label what = wrapping(SummaryText.missing(item, UiText.messages()));
        what.getStyleClass().add(item.kind() == MissingKind.NEEDS_ATTENTION ? "summary-attention" : "summary-missing");
        Label advice = wrapping(SummaryText.advice(summary, item, UiText.messages()));
        advice.getStyleClass().add("hint");
        VBox row = new VBox(1, what, advice);
        row.getStyleClass().add("summary-missing-item");
        return row;
    }

    private static Label wrapping(String text) {
        Label label = new Label(text);
        label.setWrapText(true);
        label.setMaxWidth(Double.MAX_VALUE);
        label.setMinHeight(Region.USE_PREF_SIZE);
        return label;
    }
}
