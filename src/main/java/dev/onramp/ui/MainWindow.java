package dev.onramp.ui;

import dev.onramp.ui.common.Styles;
import dev.onramp.ui.hub.HubModel;
import dev.onramp.ui.hub.HubView;
import javafx.scene.Scene;
import javafx.stage.Stage;

/** Onramp's main window: puts the hub on the given stage, wired to the app's services. */
public final class MainWindow {
    private MainWindow() {}

    /** Shows the hub on {@code stage}; call it on the FX thread. Loading happens in the background. */
    public static void show(Stage stage, UiServices services) {
        HubModel model = new HubModel(
                services.catalog(),
                services.tenants(),
                services.connect(),
                services.background(),
                services.fx(),
                services.demo(),
                services.airbyteDescription());
        HubView view = new HubView(model);
        Scene scene = new Scene(view.root(), 1080, 720);
        Styles.apply(scene);
        stage.setTitle("Onramp");
        stage.setScene(scene);
        stage.setMinWidth(720);
        stage.setMinHeight(480);
        stage.setOnHidden(e -> {
            view.deactivate();
            model.deactivate();
        });
        view.activate();
        model.activate();
        stage.show();
    }
}
