package dev.onramp.ui.theme;

import static dev.onramp.ui.HubRobot.loadedTile;
import static dev.onramp.ui.HubRobot.status;
import static org.assertj.core.api.Assertions.assertThat;

import dev.onramp.testing.ScriptedBrowser;
import dev.onramp.testing.ScriptedBrowser.Decision;
import dev.onramp.ui.AppUnderTest;
import dev.onramp.ui.HubRobot;
import dev.onramp.ui.common.Screenshots;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.layout.BorderStroke;
import javafx.scene.paint.Color;
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

/**
 * The whole window in Primer Light and Primer Dark, chosen in View → Theme: the hub, the credentials form,
 * Settings and the Summary are drawn in each (target/screenshots/theme-*.png), and the hub's texts and the
 * focus ring of a Connect button keep WCAG contrast to what is behind them (4.5:1 for text, 3:1 for the ring).
 */
@ExtendWith(ApplicationExtension.class)
class ThemeEndToEndTest {
    private static final List<String> THEMES = List.of("light", "dark");
    /** The hub's texts a person reads, by style class or id. */
    private static final List<String> TEXTS = List.of(".tile-name", ".tile-summary", ".tile-category", ".badge",
            ".tile-reason", ".tile-status", ".section-title", ".section-subtitle", "#demo-banner", "#hub-count",
            "#airbyte-description", "#onboarding-progress", ".checklist-item > .label", ".app-name");

    @TempDir
    Path dataDir;

    private AppUnderTest app;
    private Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        app = AppUnderTest.start(dataDir, new ScriptedBrowser(Decision.ALLOW));
        AppUnderTest.showHub(stage, app.services());
    }

    @AfterEach
    void closeApp() throws Exception {
        app.closeAfterHiding(stage);
    }

    @Test
    void theHubTheCredentialsFormSettingsAndTheSummary_areDrawnInBothThemes(FxRobot robot) throws Exception {
        for (String theme : THEMES) {
            choose(robot, theme);
            Node stripe = loadedTile(robot, "stripe");
            assertThat(Screenshots.write(stage.getScene(), "theme-" + theme + "-hub")).exists();

            robot.clickOn(robot.from(stripe).lookup(".connect-button").queryAs(Button.class));
            WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> robot.lookup("#field-client_secret").tryQuery()
                    .isPresent());
            robot.clickOn("#field-account_id").write("acct_1");
            Screenshots.write(window(robot, "Connect ").getScene(), "theme-" + theme + "-credentials");
            close(window(robot, "Connect "));

            robot.clickOn("#open-settings");
            WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> robot.lookup("#settings-target-demo").tryQuery()
                    .map(button -> !button.isDisabled()).orElse(false));
            Screenshots.write(window(robot, "Settings").getScene(), "theme-" + theme + "-settings");
            close(window(robot, "Settings"));

            robot.clickOn("#onboarding-continue");
            WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> robot.lookup("#summary-progress").tryQuery()
                    .map(node -> !((Label) node).getText().isEmpty()).orElse(false));
            WaitForAsyncUtils.waitForFxEvents();
            Scene summary = robot.lookup("#summary-dialog").query().getScene();
            Screenshots.write(summary, "theme-" + theme + "-summary");
            robot.clickOn("#summary-close");
            WaitForAsyncUtils.waitForFxEvents();
        }
    }

    @Test
    void theHubsTexts_andTheFocusRingOfConnect_keepTheirContrastInBothThemes(FxRobot robot) throws Exception {
        Node mailchimp = loadedTile(robot, "mailchimp");
        robot.clickOn(robot.from(mailchimp).lookup(".connect-button").queryAs(Button.class));
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> status(robot, mailchimp).startsWith("Connected · "));
        HubRobot.done(robot);

        for (String theme : THEMES) {
            choose(robot, theme);
            loadedTile(robot, "mailchimp");
            List<String> tooLow = onFx(() -> {
                List<String> found = new ArrayList<>();
                int measured = 0;
                for (String query : TEXTS) {
                    for (Node node : robot.lookup(query).queryAll()) {
                        if (node instanceof Label label && label.isVisible() && !label.getText().isEmpty()) {
                            Color behind = Contrast.behind(label, true);
                            Color text = Contrast.opaque(label.getTextFill(), behind);
                            double ratio = Contrast.ratio(text, behind);
                            measured++;
                            if (ratio < 4.5) {
                                found.add(String.format("%s %s: %s on %s is %.2f:1", query, Contrast.describe(label),
                                        text, behind, ratio));
                            }
                        }
                    }
                }
                assertThat(measured).as("texts measured").isGreaterThan(TEXTS.size());
                return found;
            });
            assertThat(tooLow).as(theme + ": texts under 4.5:1").isEmpty();

            Node stripe = loadedTile(robot, "stripe");
            Button connect = robot.from(stripe).lookup(".connect-button").queryAs(Button.class);
            onFx(() -> {
                connect.requestFocus();
                return null;
            });
            WaitForAsyncUtils.waitForFxEvents();
            double ring = onFx(() -> {
                connect.applyCss();
                assertThat(connect.isFocused()).isTrue();
                assertThat(connect.getBorder()).as("a focus ring").isNotNull();
                BorderStroke stroke = connect.getBorder().getStrokes().getFirst();
                assertThat(stroke.getWidths().getTop()).isGreaterThanOrEqualTo(2);
                assertThat(stroke.getInsets().getTop()).as("outside the button").isNegative();
                Color behind = Contrast.behind(connect, false);
                return Contrast.ratio(Contrast.opaque(stroke.getTopStroke(), behind), behind);
            });
            assertThat(ring).as(theme + ": the focus ring against the tile").isGreaterThanOrEqualTo(3);
            Screenshots.write(stage.getScene(), "theme-" + theme + "-focused-connect");
        }
    }

    /** Picks View → Theme → Light or Dark as the menu item does, and waits until the window is drawn in it. */
    private void choose(FxRobot robot, String theme) throws Exception {
        onFx(() -> {
            MenuBar bar = robot.lookup(".menu-bar").queryAs(MenuBar.class);
            Menu view = bar.getMenus().stream().filter(menu -> "view-menu".equals(menu.getId())).findFirst().orElseThrow();
            Menu themes = (Menu) view.getItems().stream().filter(item -> "theme-menu".equals(item.getId()))
                    .findFirst().orElseThrow();
            MenuItem item = themes.getItems().stream().filter(i -> ("theme-" + theme).equals(i.getId()))
                    .findFirst().orElseThrow();
            item.fire();
            return null;
        });
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> onFx(() -> AppTheme.dark() == theme.equals("dark")));
        WaitForAsyncUtils.waitForFxEvents();
        onFx(() -> {
            stage.getScene().getRoot().applyCss();
            return null;
        });
    }

    private static Window window(FxRobot robot, String titleStart) {
        return robot.listWindows().stream().filter(window -> window instanceof Stage dialog
                && dialog.getTitle() != null && dialog.getTitle().startsWith(titleStart)).findFirst().orElseThrow();
    }

    private static void close(Window window) throws Exception {
        onFx(() -> {
            window.hide();
            return null;
        });
        WaitForAsyncUtils.waitForFxEvents();
    }

    private static <T> T onFx(Callable<T> work) throws Exception {
        return WaitForAsyncUtils.asyncFx(work).get(20, TimeUnit.SECONDS);
    }
}
