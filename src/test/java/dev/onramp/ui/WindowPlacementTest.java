package dev.onramp.ui;

import static org.assertj.core.api.Assertions.assertThat;

import dev.onramp.business.WindowPlacement.Placement;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import javafx.geometry.Rectangle2D;
import javafx.stage.Screen;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The window opens where it was last closed, across a restart of the app over the same data folder (real H2). */
@ExtendWith(ApplicationExtension.class)
class WindowPlacementTest {
    @TempDir
    Path dataDir;

    private Stage stage;
    private AppUnderTest app;

    @Start
    void start(Stage stage) {
        this.stage = stage;
    }

    @AfterEach
    void closeApp() throws Exception {
        if (app != null) {
            app.closeAfterHiding(stage);
        }
    }

    @Test
    void theWindowsSizeAndPosition_areRestoredAfterARestart() throws Exception {
        showHub();
        onFx(() -> {
            stage.setX(140);
            stage.setY(90);
            stage.setWidth(1000);
            stage.setHeight(640);
            return null;
        });
        restart();

        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> onFx(() -> stage.getX() == 140 && stage.getY() == 90
                && stage.getWidth() == 1000 && stage.getHeight() == 640));
        assertThat(app.context().windowPlacement().saved()).contains(new Placement(140, 90, 1000, 640, false));
    }

    @Test
    void aPositionNoScreenShowsAnyMore_isCentredAtItsSize() throws Exception {
        showHub();
        app.context().windowPlacement().save(new Placement(9000, 7000, 900, 600, false));
        app.close();
        app = AppUnderTest.start(dataDir, url -> false);
        onFx(() -> {
            AppUnderTest.showHub(stage, app.services());
            return null;
        });

        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> onFx(() -> stage.getWidth() == 900));
        Rectangle2D screen = Screen.getPrimary().getVisualBounds();
        onFx(() -> {
            assertThat(screen.contains(stage.getX(), stage.getY(), stage.getWidth(), stage.getHeight())).isTrue();
            assertThat(stage.getHeight()).isEqualTo(600);
            return null;
        });
    }

    @Test
    void aMaximizedWindow_opensMaximizedAgain_withItsSizeBeforeKept() throws Exception {
        showHub();
        onFx(() -> {
            stage.setX(60);
            stage.setY(40);
            stage.setWidth(900);
            stage.setHeight(600);
            stage.setMaximized(true);
            return null;
        });
        restart();

        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> onFx(stage::isMaximized));
        assertThat(app.context().windowPlacement().saved()).contains(new Placement(60, 40, 900, 600, true));
    }

    private void showHub() {
        app = AppUnderTest.start(dataDir, url -> false);
        onFx(() -> {
            stage.setMaximized(false);
            AppUnderTest.showHub(stage, app.services());
            return null;
        });
        WaitForAsyncUtils.waitForFxEvents();
    }

    /** Closes the window and the app as quitting does, and starts both again over the same data folder. */
    private void restart() throws Exception {
        WaitForAsyncUtils.waitForFxEvents();
        app.closeAfterHiding(stage);
        app = AppUnderTest.start(dataDir, url -> false);
        onFx(() -> {
            stage.setMaximized(false);
            AppUnderTest.showHub(stage, app.services());
            return null;
        });
    }

    private static <T> T onFx(Callable<T> work) {
        try {
            return WaitForAsyncUtils.asyncFx(work).get(10, TimeUnit.SECONDS);
        } catch (java.util.concurrent.ExecutionException e) {
            if (e.getCause() instanceof AssertionError failed) {
                throw failed;
            }
            throw new IllegalStateException(e.getCause());
        } catch (InterruptedException | java.util.concurrent.TimeoutException e) {
            throw new IllegalStateException(e);
        }
    }
}
