package dev.onramp.ui;

import static org.assertj.core.api.Assertions.assertThat;

import dev.onramp.ui.common.Screenshots;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javafx.scene.control.Label;
import javafx.scene.input.Clipboard;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** Help ▸ Copy diagnostics in the real window: the doctor's report and the versions end up on the clipboard. */
@ExtendWith(ApplicationExtension.class)
class CopyDiagnosticsTest {
    @TempDir
    Path dataDir;

    private AppUnderTest app;
    private Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        app = AppUnderTest.start(dataDir, url -> false);
        AppUnderTest.showHub(stage, app.services());
    }

    @AfterEach
    void closeApp() throws Exception {
        app.closeAfterHiding(stage);
    }

    @Test
    void copyDiagnostics_putsTheDoctorsReportAndTheVersionsOnTheClipboard(FxRobot robot) throws Exception {
        robot.clickOn("Help");
        robot.clickOn("Copy diagnostics");
        Label status = robot.lookup("#help-status").queryAs(Label.class);
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> status.getText().startsWith("Copied"));

        String copied = WaitForAsyncUtils.asyncFx(() -> Clipboard.getSystemClipboard().getString()).get(10, TimeUnit.SECONDS);

        assertThat(copied).startsWith("Onramp diagnostics, ")
                .contains("Java: " + Runtime.version(), "JavaFX: 25", "Data folder: " + dataDir.toAbsolutePath(),
                        "✓ Airbyte: ", "✓ Clock: ", "Browser: ", "✓ Loopback: ", "✓ Key store: ", "✓ Database: ",
                        "✓ Audit log: ");
        Screenshots.write(stage.getScene(), "help-diagnostics-copied");
    }

    @Test
    void beforeAnyCopy_theStatusLineIsEmpty(FxRobot robot) throws TimeoutException {
        assertThat(robot.lookup("#help-status").queryAs(Label.class).getText()).isEmpty();
    }
}
