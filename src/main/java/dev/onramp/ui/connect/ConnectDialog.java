package dev.onramp.ui.connect;

import static dev.onramp.ui.common.Visibility.showWhen;

import dev.onramp.ui.common.Announcer;
import dev.onramp.ui.common.ConnectedPane;
import dev.onramp.ui.common.DialogPhase;
import dev.onramp.ui.common.StepRow;
import dev.onramp.ui.common.Styles;
import dev.onramp.ui.common.UiText;
import dev.onramp.ui.common.Visibility;
import dev.onramp.ui.credentials.FormPane;
import java.time.Instant;
import javafx.animation.Animation;
import javafx.animation.KeyFrame;
import javafx.animation.PauseTransition;
import javafx.animation.Timeline;
import javafx.beans.binding.BooleanBinding;
import javafx.css.PseudoClass;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
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
import javafx.util.Subscription;

/** The window that shows a connect flow's progress, its consent link, and how it ended. */
public final class ConnectDialog {
    private static final PseudoClass WARNING = PseudoClass.getPseudoClass("warning");

    private final ConnectModel model;
    private final Stage stage = new Stage();
    private final BooleanBinding running;
    private final BooleanBinding ended;
    private final BooleanBinding asking;
    private final Subscription subscriptions;
    private Subscription timeLeft = Subscription.EMPTY;
    private Subscription inputSubscriptions = Subscription.EMPTY;

    private final ConnectedPane.Next next;

    private ConnectDialog(Window owner, ConnectModel model, ConnectedPane.Next next) {
        this.model = model;
        this.next = next;
        this.running = model.phaseProperty().isEqualTo(DialogPhase.RUNNING);
        this.ended = model.phaseProperty().isEqualTo(DialogPhase.ENDED);
        this.asking = model.phaseProperty().isEqualTo(DialogPhase.ASKING);
        stage.initOwner(owner);
        stage.initModality(Modality.WINDOW_MODAL);
        stage.setTitle(model.title());
        Label hint = hint();
        VBox root = layout(hint);
        Announcer announcer = Announcer.in(root);
        Scene scene = new Scene(root);
        Styles.apply(scene);
        stage.setScene(scene);
        stage.setOnCloseRequest(e -> cancelIfRunning());
        subscriptions = Subscription.combine(
                model.phaseProperty().subscribe(this::onPhase),
                model.phaseProperty().subscribe(phase -> announce(announcer, phase)),
                announcer.follow(model.duplicateQuestionProperty()),
                model.inputs().map(inputs -> announcer.follow(inputs.messageProperty())).orElse(Subscription.EMPTY),
                model.consentUrlProperty().subscribe(url -> stage.sizeToScene()),
                model.duplicateQuestionProperty().subscribe(question -> stage.sizeToScene()),
                model.browserFailedProperty().subscribe(failed -> hint.pseudoClassStateChanged(WARNING, failed)));
        stage.setOnHidden(e -> {
            // Closed before it ended (Cancel, Escape, the window's close button): the hub says so, for its screen reader.
            DialogPhase left = model.phaseProperty().get();
            if (left == DialogPhase.RUNNING || left == DialogPhase.ASKING) {
                Announcer.of(owner).announce(model.reconnecting()
                        ? UiText.get("ui.connect.announce.reconnectCancelled", model.providerName())
                        : UiText.get("ui.connect.announce.cancelled", model.providerName()));
            }
            subscriptions.unsubscribe();
            inputSubscriptions.unsubscribe();
            timeLeft.unsubscribe();
        });
    }

    /**
     * Opens the dialog over {@code owner}; once connected it says what was connected and offers
     * Done, View streams and (for a new connection) Connect another, which {@code next} carries out.
     */
    public static void open(Window owner, ConnectModel model, ConnectedPane.Next next) {
        new ConnectDialog(owner, model, next).stage.show();
    }

    private void onPhase(DialogPhase phase) {
        stage.sizeToScene();
    }

    /** Says how the connect ended, to a screen reader: what was connected, or why nothing was. */
    private void announce(Announcer announcer, DialogPhase phase) {
        if (phase == DialogPhase.CONNECTED) {
            announcer.announce(model.connectedHeadlineProperty().get());
        } else if (phase == DialogPhase.ENDED) {
            announcer.announce(model.endMessageProperty().get());
        }
    }

    private VBox layout(Label hint) {
        Label title = new Label(model.title());
        title.getStyleClass().add("dialog-title");

        HBox stepRow = StepRow.of("connect-step", model.stepLabelProperty(), running);

        TextField link = new TextField();
        link.setId("connect-link");
        link.setAccessibleText(UiText.get("ui.connect.link.accessible"));
        link.setEditable(false);
        link.textProperty().bind(model.consentUrlProperty());
        HBox.setHgrow(link, Priority.ALWAYS);
        Button copy = new Button(UiText.get("ui.connect.link.copy"));
        copy.setId("connect-copy");
        copy.setMinWidth(Region.USE_PREF_SIZE);
        PauseTransition copied = new PauseTransition(Duration.seconds(2));
        copied.setOnFinished(e -> copy.setText(UiText.get("ui.connect.link.copy")));
        copy.setOnAction(e -> {
            copyToClipboard(link.getText());
            copy.setText(UiText.get("ui.connect.link.copied"));
            copied.playFromStart();
        });
        Button again = new Button(UiText.get("ui.connect.openBrowserAgain"));
        again.setId("connect-open-again");
        again.setOnAction(e -> model.openBrowserAgain());
        Label left = new Label();
        left.setId("connect-time-left");
        left.getStyleClass().add("hint");
        Timeline ticking = new Timeline(new KeyFrame(Duration.seconds(1), e -> showTimeLeft(left)));
        ticking.setCycleCount(Animation.INDEFINITE);
        timeLeft = Subscription.combine(
                model.consentDeadlineProperty().subscribe(deadline -> {
                    showTimeLeft(left);
                    if (deadline != null) {
                        ticking.play();
                    } else {
                        ticking.stop();
                    }
                }),
                ticking::stop);
        showWhen(left, model.consentDeadlineProperty().isNotNull());
        Region gap = new Region();
        HBox.setHgrow(gap, Priority.ALWAYS);
        VBox linkBox = new VBox(6, hint, new HBox(8, link, copy), new HBox(8, left, gap, again));
        showWhen(linkBox, model.consentUrlProperty().isNotEmpty().and(running));

        Label message = new Label();
        message.setId("connect-message");
        message.setWrapText(true);
        message.getStyleClass().add("error-message");
        message.textProperty().bind(model.endMessageProperty());
        showWhen(message, ended);

        VBox connected = ConnectedPane.of(model.connectedHeadlineProperty(), next, !model.reconnecting(), stage::close);
        showWhen(connected, model.phaseProperty().isEqualTo(DialogPhase.CONNECTED));
        showWhen(title, model.phaseProperty().isNotEqualTo(DialogPhase.CONNECTED));

        VBox root = new VBox(14, title, inputs(), stepRow, linkBox, message, connected, buttons());
        root.getStyleClass().add("dialog");
        root.setPrefWidth(540);
        return root;
    }

    /** The fields the provider needs before its consent page, when it needs any; shown while asking for them. */
    private VBox inputs() {
        VBox box = new VBox(12);
        box.setId("connect-inputs");
        model.inputs().ifPresent(inputs -> {
            Label intro = new Label(model.inputsIntro());
            intro.getStyleClass().add("hint");
            intro.setWrapText(true);
            intro.setMinHeight(Region.USE_PREF_SIZE);
            FormPane pane = new FormPane(inputs, inputs.form());
            Label problems = new Label();
            problems.setId("connect-inputs-message");
            problems.setWrapText(true);
            problems.setMinHeight(Region.USE_PREF_SIZE);
            problems.getStyleClass().add("error-message");
            problems.textProperty().bind(inputs.messageProperty());
            showWhen(problems, inputs.messageProperty().isNotEmpty());
            Label duplicate = new Label();
            duplicate.setId("connect-duplicate");
            duplicate.setWrapText(true);
            duplicate.setMinHeight(Region.USE_PREF_SIZE);
            duplicate.getStyleClass().add("duplicate-question");
            duplicate.textProperty().bind(model.duplicateQuestionProperty());
            showWhen(duplicate, model.duplicateQuestionProperty().isNotEmpty());
            box.getChildren().setAll(intro, pane.root(), problems, duplicate);
            inputSubscriptions = Subscription.combine(
                    inputs.showProblemsProperty().subscribe(show -> {
                        if (show) {
                            pane.showProblems();
                        }
                    }),
                    inputs.messageProperty().subscribe(text -> stage.sizeToScene()));
        });
        showWhen(box, asking);
        return box;
    }

    private Label hint() {
        Label hint = new Label();
        hint.setId("connect-hint");
        hint.setWrapText(true);
        hint.getStyleClass().add("hint");
        hint.textProperty().bind(model.consentHintProperty());
        return hint;
    }

    private HBox buttons() {
        Button cancel = new Button(UiText.get("ui.connect.cancel"));
        // Escape presses whichever of Cancel and Close the dialog shows.
        cancel.cancelButtonProperty().bind(running.or(asking));
        cancel.setOnAction(e -> {
            model.cancel();
            stage.close();
        });
        showWhen(cancel, running.or(asking));
        Button proceed = new Button(UiText.get("ui.connect.continue"));
        proceed.setId("connect-continue");
        proceed.getStyleClass().add(atlantafx.base.theme.Styles.ACCENT);
        proceed.defaultButtonProperty().bind(asking);
        proceed.setOnAction(e -> model.continueWithInputs());
        showWhen(proceed, asking);
        Button close = new Button(UiText.get("ui.connect.close"));
        close.setOnAction(e -> stage.close());
        showWhen(close, ended);
        close.cancelButtonProperty().bind(ended);
        // An end that another attempt would only repeat offers Close alone.
        var worthRetrying = ended.and(model.retryableProperty());
        close.defaultButtonProperty().bind(ended.and(worthRetrying.not()));
        Button retry = new Button(UiText.get("ui.connect.tryAgain"));
        retry.defaultButtonProperty().bind(worthRetrying);
        retry.setOnAction(e -> model.start());
        showWhen(retry, worthRetrying);
        // Once it has ended, the keyboard starts at what Enter presses: Try again, else Close.
        Visibility.focusWhenShown(close, close);
        Visibility.focusWhenShown(retry, retry);
        Button settings = ConnectedPane.openSettings(model.endMessageProperty(), next, stage::close);
        settings.setId("connect-open-settings");
        Button again = new Button(UiText.get("ui.connect.connectAgain"));
        again.setId("connect-again");
        again.setOnAction(e -> model.connectAgain());
        var askedAboutDuplicate = model.duplicateQuestionProperty().isNotEmpty().and(asking);
        showWhen(again, askedAboutDuplicate);
        Region gap = new Region();
        HBox.setHgrow(gap, Priority.ALWAYS);
        return new HBox(8, settings, gap, cancel, again, proceed, close, retry);
    }

    private void cancelIfRunning() {
        if (running.get()) {
            model.cancel();
        }
    }

    private void showTimeLeft(Label left) {
        Instant deadline = model.consentDeadlineProperty().get();
        left.setText(deadline == null ? "" : ConnectModel.timeLeft(deadline, Instant.now()));
    }

    private static void copyToClipboard(String text) {
        ClipboardContent content = new ClipboardContent();
        content.putString(text);
        Clipboard.getSystemClipboard().setContent(content);
    }
}
