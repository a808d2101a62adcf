import javafx.application.Application;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;

/**
 * A bare JavaFX window of Onramp's size, packaged like Onramp (same runtime, launcher options and
 * AOT training), to compare start-up and memory with (bench/Bench.java). Like Onramp's hub, it
 * prints a line after the layout pass that its first frame draws when the system property
 * {@code onramp.startup.probe} is {@code print} or {@code exit}, and then exits on {@code exit}.
 */
public final class BareWindow extends Application {
    private static final String PROBE = System.getProperty("onramp.startup.probe", "");

    public static void main(String[] args) {
        launch(BareWindow.class, args);
    }

    @Override
    public void start(Stage stage) {
        Scene scene = new Scene(new StackPane(new Label("A bare JavaFX window")), 1080, 720);
        stage.setTitle("Bare window");
        stage.setScene(scene);
        if (!PROBE.isEmpty()) {
            scene.addPostLayoutPulseListener(new Runnable() {
                @Override
                public void run() {
                    scene.removePostLayoutPulseListener(this);
                    System.out.println("onramp: bare window shown");
                    System.out.flush();
                    if (PROBE.equals("exit")) {
                        Platform.exit();
                    }
                }
            });
        }
        stage.show();
    }
}
