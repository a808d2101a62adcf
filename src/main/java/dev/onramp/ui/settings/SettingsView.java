package dev.onramp.ui.settings;

import static dev.onramp.ui.common.Visibility.showWhen;

import dev.onramp.model.AirbyteWorkspace;
import dev.onramp.ui.common.Converters;
import dev.onramp.ui.common.Styles;
import dev.onramp.ui.common.UiText;
import dev.onramp.ui.settings.SettingsModel.Login;
import dev.onramp.ui.settings.SettingsModel.Target;
import java.util.Locale;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import javafx.beans.property.StringProperty;
import javafx.css.PseudoClass;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.control.RadioButton;
import javafx.scene.control.TextField;
import javafx.scene.control.TextInputControl;
import javafx.scene.control.ToggleGroup;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.Modality;
import javafx.stage.Stage;
import javafx.stage.Window;
import javafx.util.Subscription;

/** The Settings window of one business: which Airbyte it uses, with "Test connection to Airbyte" and Save. */
public final class SettingsView {
    private static final PseudoClass PROBLEM = PseudoClass.getPseudoClass("problem");

    private final SettingsModel model;
    private final Supplier<ReadinessModel> readiness;
    private final RedirectModel redirect;
    private final Stage stage = new Stage();
    private final Subscription subscriptions;
    private final Optional<IdleResetSettingModel> idleReset;

    private SettingsView(Window owner, SettingsModel model, Supplier<ReadinessModel> readiness, RedirectModel redirect,
            Optional<IdleResetSettingModel> idleReset) {
        this.model = model;
        this.idleReset = idleReset;
        this.readiness = readiness;
        this.redirect = redirect;
        stage.initOwner(owner);
        stage.initModality(Modality.WINDOW_MODAL);
        stage.setTitle(UiText.get("ui.settings.window.title"));
        Label status = status();
        Scene scene = new Scene(layout(status));
        Styles.apply(scene);
        stage.setScene(scene);
        subscriptions = Subscription.combine(
                model.savedProperty().subscribe(saved -> {
                    if (saved) {
                        stage.close();
                    }
                }),
                model.problemProperty().subscribe(problem -> status.pseudoClassStateChanged(PROBLEM, problem)),
                // The window fits what the chosen kind of Airbyte asks for.
                model.targetProperty().subscribe(stage::sizeToScene),
                model.loginProperty().subscribe(stage::sizeToScene),
                model.statusProperty().subscribe(stage::sizeToScene));
        stage.setOnHidden(e -> subscriptions.unsubscribe());
    }

    /**
     * Opens the Settings window over {@code owner} and loads the business's settings into it;
     * {@code readiness} makes the model of the OAuth sign-in check of the business's saved Airbyte;
     * {@code redirect} is the business's sign-in redirect, shown with Copy and Change….
     */
    public static void open(Window owner, SettingsModel model, Supplier<ReadinessModel> readiness,
            RedirectModel redirect) {
        open(owner, model, readiness, redirect, Optional.empty());
    }

    /** As {@link #open(Window, SettingsModel, Supplier, RedirectModel)}, with the demo's idle reset when given. */
    public static void open(Window owner, SettingsModel model, Supplier<ReadinessModel> readiness,
            RedirectModel redirect, Optional<IdleResetSettingModel> idleReset) {
        new SettingsView(owner, model, readiness, redirect, idleReset).stage.show();
        model.load();
    }

    private VBox layout(Label status) {
        Label title = new Label(model.title());
        title.getStyleClass().add("dialog-title");
        VBox root = new VBox(14, title, targets(), selfManaged(), cloud(), RedirectView.summary(stage, redirect), status,
                buttons());
        idleReset.ifPresent(idle -> root.getChildren().add(root.getChildren().size() - 2, IdleResetSettingView.of(idle)));
        root.getStyleClass().add("dialog");
        root.setPrefWidth(600);
        root.disableProperty().bind(model.busyProperty());
        return root;
    }

    private VBox targets() {
        ToggleGroup group = new ToggleGroup();
        VBox choices = new VBox(6);
        for (Target target : Target.values()) {
            RadioButton button = new RadioButton(target.label());
            button.setId("settings-target-" + target.name().toLowerCase(Locale.ROOT).replace('_', '-'));
            button.setToggleGroup(group);
            button.setUserData(target);
            choices.getChildren().add(button);
        }
        model.targetProperty().subscribe(target -> group.getToggles().stream()
                .filter(toggle -> toggle.getUserData() == target).findFirst().ifPresent(group::selectToggle));
        group.selectedToggleProperty().subscribe(toggle -> {
            if (toggle != null) {
                model.targetProperty().set((Target) toggle.getUserData());
            }
        });
        return choices;
    }

    private Node selfManaged() {
        ComboBox<Login> login = new ComboBox<>();
        login.getItems().setAll(Login.values());
        login.setConverter(Converters.displaying(Login::label));
        login.valueProperty().bindBidirectional(model.loginProperty());
        login.setId("settings-login");
        GridPane grid = grid();
        row(grid, 0, UiText.get("ui.settings.field.address"),
                bound(new TextField(), "settings-url", model.urlProperty(), "http://localhost:8000"));
        row(grid, 1, UiText.get("ui.settings.field.login"), login);
        Node name = row(grid, 2, UiText.get("ui.settings.field.loginName"),
                bound(new TextField(), "settings-login-name", model.loginNameProperty(), ""));
        PasswordField secret = bound(new PasswordField(), "settings-login-secret", model.loginSecretProperty(), "");
        secret.promptTextProperty().bind(model.secretHintProperty());
        Node password = row(grid, 3, UiText.get("ui.settings.field.loginSecret"), secret);
        var needsLogin = model.loginProperty().isNotEqualTo(Login.NONE);
        showWhen(name, needsLogin);
        showWhen(password, needsLogin);
        showWhen(grid, model.targetProperty().isEqualTo(Target.SELF_MANAGED));
        return grid;
    }

    private Node cloud() {
        ComboBox<AirbyteWorkspace> workspace = new ComboBox<>(model.workspaces());
        workspace.setId("settings-workspace");
        workspace.setEditable(true);
        workspace.setConverter(new WorkspaceConverter(model.workspaces()));
        workspace.setPromptText(UiText.get("ui.settings.workspace.prompt"));
        workspace.valueProperty().bindBidirectional(model.workspaceProperty());
        workspace.setMaxWidth(Double.MAX_VALUE);
        PasswordField secret = bound(new PasswordField(), "settings-cloud-secret", model.cloudClientSecretProperty(), "");
        secret.promptTextProperty().bind(model.secretHintProperty());
        GridPane grid = grid();
        row(grid, 0, UiText.get("ui.settings.field.clientId"), bound(new TextField(), "settings-cloud-client-id", model.cloudClientIdProperty(), ""));
        row(grid, 1, UiText.get("ui.settings.field.clientSecret"), secret);
        row(grid, 2, UiText.get("ui.settings.field.workspace"), workspace);
        row(grid, 3, UiText.get("ui.settings.field.relay"), bound(new TextField(), "settings-relay", model.relayUrlProperty(),
                "https://example.org/onramp-relay/"));
        Label hint = new Label(UiText.get("ui.settings.relay.hint"));
        hint.getStyleClass().add("hint");
        hint.setWrapText(true);
        hint.setMinHeight(Region.USE_PREF_SIZE);
        VBox cloud = new VBox(8, grid, hint);
        showWhen(cloud, model.targetProperty().isEqualTo(Target.CLOUD));
        return cloud;
    }

    private Label status() {
        Label status = new Label();
        status.setId("settings-status");
        status.setWrapText(true);
        status.setMinHeight(Region.USE_PREF_SIZE);
        status.getStyleClass().add("settings-status");
        status.textProperty().bind(model.statusProperty());
        showWhen(status, model.statusProperty().isNotEmpty());
        return status;
    }

    private VBox buttons() {
        Button test = new Button(UiText.get("ui.settings.test"));
        test.setId("settings-test");
        test.setOnAction(e -> model.test());
        Button check = new Button(UiText.get("ui.settings.checkSignIns"));
        check.setId("settings-oauth-check");
        check.setOnAction(e -> ReadinessView.open(stage, readiness.get()));
        Button cancel = new Button(UiText.get("ui.settings.cancel"));
        cancel.setCancelButton(true);
        cancel.setOnAction(e -> stage.close());
        Button save = new Button(UiText.get("ui.settings.save"));
        save.setId("settings-save");
        save.setDefaultButton(true);
        save.getStyleClass().add(atlantafx.base.theme.Styles.ACCENT);
        save.setOnAction(e -> model.save());
        Button saveAnyway = new Button(UiText.get("ui.settings.saveAnyway"));
        saveAnyway.setId("settings-save-anyway");
        saveAnyway.setOnAction(e -> model.saveAnyway());
        showWhen(saveAnyway, model.saveAnywayOfferedProperty());
        Region gap = new Region();
        HBox.setHgrow(gap, Priority.ALWAYS);
        HBox checks = new HBox(8, test, check);
        HBox decisions = new HBox(8, gap, cancel, saveAnyway, save);
        for (Button button : List.of(test, check, cancel, saveAnyway, save)) {
            button.setMinWidth(Region.USE_PREF_SIZE);
        }
        return new VBox(10, checks, decisions);
    }

    private static <T extends TextInputControl> T bound(T control, String id,
            StringProperty value, String prompt) {
        control.setId(id);
        control.textProperty().bindBidirectional(value);
        control.setPromptText(prompt);
        return control;
    }

    private static GridPane grid() {
        GridPane grid = new GridPane(12, 8);
        grid.getColumnConstraints().addAll(new ColumnConstraints(170),
                new ColumnConstraints(200, 380, Double.MAX_VALUE, Priority.ALWAYS, null, true));
        return grid;
    }

    /** Adds a labelled row and returns a node standing for it, to show or hide the row. */
    private static Node row(GridPane grid, int index, String label, Node control) {
        Label name = new Label(label);
        name.setLabelFor(control);
        grid.addRow(index, name, control);
        control.visibleProperty().subscribe(visible -> name.setVisible(visible));
        control.managedProperty().subscribe(managed -> name.setManaged(managed));
        return control;
    }
}
