package dev.onramp.ui;

import dev.onramp.ui.common.Styles;
import dev.onramp.ui.hub.HubModel;
import dev.onramp.ui.hub.HubView;
import dev.onramp.ui.help.HelpMenu;
import dev.onramp.ui.help.HelpModel;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.layout.BorderPane;
import javafx.stage.Stage;

/** Onramp's main window: puts the Help menu and the hub on the given stage, wired to the app's services. */
public final class MainWindow {
    private MainWindow() {}

    /** Gives {@code stage} the app's title, size and stylesheet with {@code content} in it, e.g. a start-up screen. */
    public static void prepare(Stage stage, Parent content) {
        Scene scene = new Scene(content, 1080, 720);
        Styles.apply(scene);
        stage.setTitle("Onramp");
        stage.setScene(scene);
        stage.setMinWidth(720);
        stage.setMinHeight(480);
    }

    /**
     * Shows the hub on {@code stage}, in place of what {@link #prepare} put there if it was called;
     * call it on the FX thread. Businesses and connections load in the background.
     */
    public static void show(Stage stage, UiServices services) {
        HubModel model = new HubModel(
                services.catalog(),
                services.tenants(),
                services.connect(),
                services.credentials(),
                services.settings(),
                services.background(),
                services.fx(),
                services.demo(),
                services.airbyteDescription());
        HubView view = new HubView(model);
        HelpMenu help = new HelpMenu(new HelpModel(services.diagnostics()::summary, services.background(),
                services.fx(), HelpMenu::copyToClipboard, services.diagnostics().keyStoreNotice()));
        BorderPane content = new BorderPane(view.root());
        content.setTop(help.root());
        if (stage.getScene() == null) {
            prepare(stage, content);
        } else {
            stage.getScene().setRoot(content);
        }
        stage.setOnHidden(e -> {
            view.deactivate();
            model.deactivate();
        });
        view.activate();
        model.activate();
        stage.show();
    }
}
