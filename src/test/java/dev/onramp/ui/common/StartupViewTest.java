package dev.onramp.ui.common;

import static org.assertj.core.api.Assertions.assertThat;

import dev.onramp.ui.MainWindow;
import java.util.concurrent.atomic.AtomicBoolean;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

@ExtendWith(ApplicationExtension.class)
class StartupViewTest {
    private StartupView view;
    private final AtomicBoolean quit = new AtomicBoolean();
    private Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        view = new StartupView();
        MainWindow.prepare(stage, view.root());
        stage.show();
    }

    @Test
    void whileStarting_showsProgressAndNoFailure(FxRobot robot) {
        assertThat(shown(robot.lookup("Starting Onramp…").query())).isTrue();
        assertThat(shown(robot.lookup("#startup-failure").query())).isFalse();
        assertThat(stage.getTitle()).isEqualTo("Onramp");
    }

    @Test
    void failure_showsWhyAndQuitRunsTheGivenAction(FxRobot robot) {
        robot.interact(() -> view.showFailure("The data folder /tmp/x is not writable.", () -> quit.set(true)));

        assertThat(robot.lookup("#startup-failure").queryAs(Label.class).getText())
                .isEqualTo("Onramp could not start: The data folder /tmp/x is not writable.");
        assertThat(shown(robot.lookup("#startup-failure").query())).isTrue();
        Screenshots.write(stage.getScene(), "startup-failure");
        robot.clickOn("Quit");
        assertThat(quit).isTrue();
    }

    /** True when the node and every node around it are visible. */
    private static boolean shown(Node node) {
        for (Node n = node; n != null; n = n.getParent()) {
            if (!n.isVisible()) {
                return false;
            }
        }
        return true;
    }
}
