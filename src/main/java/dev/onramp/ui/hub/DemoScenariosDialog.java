package dev.onramp.ui.hub;

import static dev.onramp.ui.common.Visibility.showWhen;

import dev.onramp.ui.common.Styles;
import dev.onramp.ui.common.UiText;
import java.util.Locale;
import java.util.function.Supplier;
import javafx.geometry.Pos;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.MenuItem;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import javafx.stage.Window;

/**
 * The Demo scenarios window: each scenario the built-in simulator can play, in plain words with what the
 * audience will see and a switch, and Turn all off. It does not block the main window, so a sales person
 * can leave it open beside a connect.
 */
public final class DemoScenariosDialog {
    private final Stage stage = new Stage();

    private DemoScenariosDialog(DemoScenariosModel model, Window owner) {
        stage.initOwner(owner);
        stage.setTitle(UiText.get("ui.hub.demoScenarios.title"));
        Scene scene = new Scene(layout(model), 560, Region.USE_COMPUTED_SIZE);
        Styles.apply(scene);
        stage.setScene(scene);
        stage.sizeToScene();
    }

    /** "Demo scenarios…": opens the window over {@code owner}, or brings the open one to the front. */
    public static MenuItem menuItem(DemoScenariosModel model, Supplier<Window> owner) {
        MenuItem item = new MenuItem(UiText.get("ui.hub.demoScenarios.menu"));
        item.setId("demo-scenarios");
        DemoScenariosDialog[] open = new DemoScenariosDialog[1];
        item.setOnAction(e -> {
            if (open[0] == null) {
                open[0] = new DemoScenariosDialog(model, owner.get());
            }
            open[0].stage.show();
            open[0].stage.toFront();
        });
        return item;
    }

    private VBox layout(DemoScenariosModel model) {
        Label title = new Label(UiText.get("ui.hub.demoScenarios.title"));
        title.getStyleClass().add("dialog-title");
        Label intro = new Label(UiText.get("ui.hub.demoScenarios.intro"));
        intro.getStyleClass().add("hint");
        intro.setWrapText(true);
        intro.setMinHeight(Region.USE_PREF_SIZE);
        VBox rows = new VBox(12);
        for (DemoScenariosModel.Row row : model.rows()) {
            rows.getChildren().add(row(row));
        }
        Label problem = new Label();
        problem.setId("demo-scenarios-problem");
        problem.getStyleClass().add("error-message");
        problem.setWrapText(true);
        problem.setMinHeight(Region.USE_PREF_SIZE);
        problem.textProperty().bind(model.problemProperty());
        showWhen(problem, model.problemProperty().isNotEmpty());

        Button allOff = new Button(UiText.get("ui.hub.demoScenarios.allOff"));
        allOff.setMnemonicParsing(true);
        allOff.setId("demo-scenarios-all-off");
        allOff.disableProperty().bind(model.anyOnProperty().not());
        allOff.setOnAction(e -> model.turnAllOff());
        Button close = new Button(UiText.get("ui.hub.demoScenarios.close"));
        close.setCancelButton(true);
        close.setDefaultButton(true);
        close.setOnAction(e -> stage.hide());
        Region gap = new Region();
        HBox.setHgrow(gap, Priority.ALWAYS);
        HBox buttons = new HBox(8, allOff, gap, close);
        buttons.setAlignment(Pos.CENTER_LEFT);

        VBox root = new VBox(16, title, intro, rows, problem, buttons);
        root.getStyleClass().addAll("dialog", "demo-scenarios");
        return root;
    }

    private static VBox row(DemoScenariosModel.Row row) {
        CheckBox toggle = new CheckBox(row.title());
        toggle.setId("scenario-" + row.scenario().name().toLowerCase(Locale.ROOT).replace('_', '-'));
        toggle.getStyleClass().add("scenario-switch");
        toggle.selectedProperty().bindBidirectional(row.onProperty());
        Label effect = new Label(row.effect());
        effect.getStyleClass().add("hint");
        effect.setWrapText(true);
        effect.setMinHeight(Region.USE_PREF_SIZE);
        effect.setPadding(new javafx.geometry.Insets(0, 0, 0, 26));
        return new VBox(2, toggle, effect);
    }
}
