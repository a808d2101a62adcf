package dev.onramp.ui.settings;

import static org.assertj.core.api.Assertions.assertThat;

import dev.onramp.model.RedirectSettings;
import dev.onramp.ui.AppUnderTest;
import dev.onramp.ui.common.Screenshots;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
import javafx.scene.input.Clipboard;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** Settings shows the sign-in redirect with Copy, and Change… saves a business's own or the default for all. */
@ExtendWith(ApplicationExtension.class)
class RedirectViewTest {
    @TempDir
    Path dataDir;

    private AppUnderTest app;

    @Start
    void start(Stage stage) {
        app = AppUnderTest.start(dataDir, url -> false);
        AppUnderTest.showHub(stage, app.services());
    }

    @AfterEach
    void closeApp() {
        app.close();
    }

    private void openSettings(FxRobot robot) throws Exception {
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> !robot.lookup("#open-settings").query().isDisabled());
        robot.clickOn("#open-settings");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> robot.lookup("#redirect-summary").tryQuery()
                .map(node -> !((Label) node).getText().isEmpty()).orElse(false));
    }

    private static Window windowTitled(FxRobot robot, String title) {
        return robot.listWindows().stream().filter(w -> w instanceof Stage s && title.equals(s.getTitle())).findFirst()
                .orElseThrow();
    }

    @Test
    void settings_showTheDefaultRedirectAndCopyPutsEveryUriOnTheClipboard(FxRobot robot) throws Exception {
        openSettings(robot);

        assertThat(robot.lookup("#redirect-summary").queryAs(Label.class).getText()).isEqualTo(
                "http://127.0.0.1:47151/oauth-success and the next 2 ports (the default for every business)");
        robot.clickOn("#redirect-copy");
        WaitForAsyncUtils.waitForFxEvents();
        String copied = WaitForAsyncUtils.asyncFx(() -> Clipboard.getSystemClipboard().getString()).get(5, TimeUnit.SECONDS);
        assertThat(copied).isEqualTo("http://127.0.0.1:47151/oauth-success\nhttp://127.0.0.1:47152/oauth-success\n"
                + "http://127.0.0.1:47153/oauth-success");
    }

    @Test
    void change_previewsTheUrisAndSavesTheBusinesssOwnRedirect(FxRobot robot) throws Exception {
        openSettings(robot);
        robot.clickOn("#redirect-change");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> robot.lookup("#redirect-port").tryQuery().isPresent());

        robot.doubleClickOn("#redirect-port").eraseText(5).write("48010");
        robot.doubleClickOn("#redirect-ports").eraseText(2).write("2");
        assertThat(robot.lookup("#redirect-preview").queryAs(TextArea.class).getText())
                .isEqualTo("http://127.0.0.1:48010/oauth-success\nhttp://127.0.0.1:48011/oauth-success");
        robot.clickOn("#redirect-scope-business");
        Screenshots.write(windowTitled(robot, "Sign-in redirect").getScene(), "settings-redirect");
        robot.clickOn("#redirect-save");

        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> robot.lookup("#redirect-status").queryAs(Label.class)
                .getText().startsWith("Saved."));
        var tenant = app.context().tenants().tenantsCreatingDemoIfNone().getFirst();
        assertThat(app.context().redirects().own(tenant.id()))
                .contains(new RedirectSettings(RedirectSettings.Host.IPV4, 48010, 2));
        assertThat(app.context().redirects().defaults()).isEqualTo(RedirectSettings.DEFAULT);
        assertThat(robot.lookup("#redirect-summary").queryAs(Label.class).getText())
                .isEqualTo("http://127.0.0.1:48010/oauth-success and the next port (this business's own)");
        Screenshots.write(windowTitled(robot, "Settings").getScene(), "settings-with-redirect");
    }

    @Test
    void aPortOutOfRange_isExplainedInThePreviewAndRefusedOnSave(FxRobot robot) throws Exception {
        openSettings(robot);
        robot.clickOn("#redirect-change");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> robot.lookup("#redirect-port").tryQuery().isPresent());

        robot.doubleClickOn("#redirect-port").eraseText(5).write("80");
        robot.clickOn("#redirect-save");

        assertThat(robot.lookup("#redirect-preview").queryAs(TextArea.class).getText())
                .contains("from 1024 to 65535, not 80");
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> robot.lookup("#redirect-status").queryAs(Label.class)
                .getText().contains("from 1024 to 65535"));
        var tenant = app.context().tenants().tenantsCreatingDemoIfNone().getFirst();
        assertThat(app.context().redirects().own(tenant.id())).isEmpty();
    }
}
