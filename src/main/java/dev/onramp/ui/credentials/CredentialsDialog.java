package dev.onramp.ui.credentials;

import static dev.onramp.ui.common.Visibility.showWhen;

import dev.onramp.connect.form.ConnectorForm;
import dev.onramp.ui.common.Announcer;
import dev.onramp.ui.common.ConnectedPane;
import dev.onramp.ui.common.DialogPhase;
import dev.onramp.ui.common.StepRow;
import dev.onramp.ui.common.Styles;
import dev.onramp.ui.common.UiText;
import javafx.beans.binding.BooleanBinding;
import javafx.geometry.Pos;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.ScrollPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.Modality;
import javafx.stage.Stage;
import javafx.stage.Window;
import javafx.util.Subscription;

/**
 * The window with a connector's credentials form (empty to connect, or filled with a connection's
 * values to update its credentials), its progress while the flow runs, and what went wrong.
 */
public final class CredentialsDialog {
    private final CredentialsModel model;
    private final Stage stage = new Stage();
    private final ScrollPane formArea = new ScrollPane();
    private final BooleanBinding running;
    private final Subscription subscriptions;
    private Subscription formSubscriptions = Subscription.EMPTY;

    private final ConnectedPane.Next next;

    private CredentialsDialog(Window owner, CredentialsModel model, ConnectedPane.Next next) {
        this.model = model;
        this.next = next;
        this.running = model.phaseProperty().isEqualTo(DialogPhase.RUNNING);
        stage.initOwner(owner);
        stage.initModality(Modality.WINDOW_MODAL);
        stage.setTitle(model.title());
        VBox root = layout();
        Announcer announcer = Announcer.in(root);
        Scene scene = new Scene(root, 600, 640);
        Styles.apply(scene);
        stage.setScene(scene);
        subscriptions = Subscription.combine(
                // What went wrong (or what to fix in the form), the question about a duplicate, and what was connected.
                announcer.follow(model.messageProperty()),
                announcer.follow(model.duplicateQuestionProperty()),
                model.phaseProperty().subscribe(phase -> {
                    if (phase == DialogPhase.CONNECTED) {
                        announcer.announce(model.connectedHeadlineProperty().get());
                    }
                }),
                model.formProperty().subscribe(this::showForm),
                // Connected: the window shrinks from the form's height to what it says now.
                model.phaseProperty().subscribe(phase -> {
                    if (phase == DialogPhase.CONNECTED && stage.isShowing()) {
                        double frame = stage.getHeight() - scene.getHeight();
                        stage.setHeight(frame + scene.getRoot().prefHeight(scene.getWidth()));
                    }
                }));
        stage.setOnHidden(e -> {
            // Closed before it connected (and not because the form could not load): the hub says so, for its screen reader.
            DialogPhase left = model.phaseProperty().get();
            if (left != DialogPhase.CONNECTED && left != DialogPhase.ENDED) {
                Announcer.of(owner).announce(model.updating()
                        ? UiText.get("ui.credentials.announce.updateCancelled", model.providerName())
                        : UiText.get("ui.credentials.announce.cancelled", model.providerName()));
            }
            model.close();
            formSubscriptions.unsubscribe();
            subscriptions.unsubscribe();
        });
    }

    /**
     * Opens the dialog over {@code owner} and loads the form; once connected it says what was
     * connected and offers Done, View streams and Connect another, which {@code next} carries out.
     */
    public static void open(Window owner, CredentialsModel model, ConnectedPane.Next next) {
        CredentialsDialog dialog = new CredentialsDialog(owner, model, next);
        dialog.stage.show();
        model.load();
    }

    private void showForm(ConnectorForm form) {
        if (form == null) {
            return;
        }
        FormPane pane = new FormPane(model, form);
        formArea.setContent(pane.root());
        formSubscriptions = model.showProblemsProperty().subscribe(show -> {
            if (show) {
                pane.showProblems();
            }
        });
    }

    private VBox layout() {
        Label title = new Label(model.title());
        title.getStyleClass().add("dialog-title");
        Label intro = new Label(model.intro());
        intro.getStyleClass().add("hint");
        intro.setWrapText(true);
        intro.setMinHeight(Region.USE_PREF_SIZE);

        ProgressIndicator loadingSpinner = new ProgressIndicator();
        loadingSpinner.setPrefSize(22, 22);
        HBox loading = new HBox(10, loadingSpinner, new Label(UiText.get("ui.credentials.loading")));
        loading.setAlignment(Pos.CENTER_LEFT);
        showWhen(loading, model.phaseProperty().isEqualTo(DialogPhase.LOADING));

        formArea.setFitToWidth(true);
        formArea.getStyleClass().add("form-scroll");
        formArea.disableProperty().bind(running);
        VBox.setVgrow(formArea, Priority.ALWAYS);
        showWhen(formArea, model.formProperty().isNotNull());

        HBox progress = StepRow.of("credentials-step", model.stepLabelProperty(), running);

        Label message = new Label();
        message.setId("credentials-message");
        message.setWrapText(true);
        message.setMinHeight(Region.USE_PREF_SIZE);
        message.getStyleClass().add("error-message");
        message.textProperty().bind(model.messageProperty());
        showWhen(message, model.messageProperty().isNotEmpty().and(running.not()));

        Label question = new Label();
        question.setId("credentials-duplicate");
        question.setWrapText(true);
        question.setMinHeight(Region.USE_PREF_SIZE);
        question.getStyleClass().add("duplicate-question");
        question.textProperty().bind(model.duplicateQuestionProperty());
        showWhen(question, model.duplicateQuestionProperty().isNotEmpty());

        VBox working = new VBox(14, title, intro, loading, formArea, progress, message, question, buttons());
        VBox.setVgrow(working, Priority.ALWAYS);
        BooleanBinding connected = model.phaseProperty().isEqualTo(DialogPhase.CONNECTED);
        showWhen(working, connected.not());
        VBox done = ConnectedPane.of(model.connectedHeadlineProperty(), next, !model.updating(), stage::close);
        showWhen(done, connected);
        VBox root = new VBox(working, done);
        root.getStyleClass().add("dialog");
        return root;
    }

    private HBox buttons() {
        Button cancel = new Button(UiText.get("ui.credentials.cancel"));
        // Once connected, Escape presses Done instead.
        cancel.cancelButtonProperty().bind(model.phaseProperty().isNotEqualTo(DialogPhase.CONNECTED));
        cancel.setOnAction(e -> stage.close());
        Button connect = new Button(model.actionLabel());
        connect.setId(model.updating() ? "credentials-update" : "credentials-connect");
        connect.getStyleClass().add(atlantafx.base.theme.Styles.ACCENT);
        connect.disableProperty().bind(model.phaseProperty().isNotEqualTo(DialogPhase.ASKING));
        connect.setOnAction(e -> model.connect());
        Button settings = ConnectedPane.openSettings(model.messageProperty(), next, stage::close);
        settings.setId("credentials-open-settings");
        Button again = new Button(UiText.get("ui.credentials.connectAgain"));
        again.setId("credentials-connect-again");
        again.setMinWidth(Region.USE_PREF_SIZE);
        again.setOnAction(e -> model.connectAgain());
        var asked = model.duplicateQuestionProperty().isNotEmpty();
        showWhen(again, asked);
        // While the question stands, its answer is Connect again; Connect would only ask it again.
        connect.defaultButtonProperty().bind(asked.not());
        again.defaultButtonProperty().bind(asked);
        Region gap = new Region();
        HBox.setHgrow(gap, Priority.ALWAYS);
        return new HBox(8, settings, gap, cancel, again, connect);
    }
}
