package dev.onramp.ui;

import static dev.onramp.ui.HubRobot.loadedTile;
import static org.assertj.core.api.Assertions.assertThat;

import dev.onramp.ui.common.Screenshots;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.stream.Stream;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.Labeled;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.stage.Stage;
import javafx.stage.Window;
import javafx.stage.WindowEvent;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The screens a person meets — the hub, the connect dialog, a credentials form, Settings and the Summary — drawn in
 * Primer Light and Primer Dark, in English and German, with the window 800 and 1600 px wide, and written to
 * {@code target/screenshots/matrix-<language>-<theme>-<width>-<screen>.png} for people to look at; in every one of
 * them nothing in the hub's header, progress line or search bar is cut short.
 */
@ExtendWith(ApplicationExtension.class)
class ScreenshotMatrixTest {
    private static final List<String> THEMES = List.of("light", "dark");
    private static final List<Integer> WIDTHS = List.of(800, 1600);

    @TempDir
    Path dataDir;

    private Stage stage;
    private AppUnderTest app;
    private Locale before;

    @Start
    void start(Stage stage) {
        this.stage = stage;
    }

    @AfterEach
    void closeApp() throws Exception {
        if (app != null) {
            app.closeAfterHiding(stage);
        }
        if (before != null) {
            Locale.setDefault(Locale.Category.DISPLAY, before);
        }
    }

    @ParameterizedTest(name = "in {0}")
    @ValueSource(strings = {"en", "de"})
    void everyScreen_inBothThemes_atBothWidths_isDrawnAndNothingInTheHeaderIsCutShort(String language, FxRobot robot)
            throws Exception {
        before = Locale.getDefault(Locale.Category.DISPLAY);
        Locale.setDefault(Locale.Category.DISPLAY, Locale.forLanguageTag(language));
        // A browser that opens nothing: the connect dialog stays on its waiting step for the screenshot.
        app = AppUnderTest.start(dataDir, url -> true);
        onFx(() -> {
            AppUnderTest.showHub(stage, app.services());
            return null;
        });
        List<Path> written = new ArrayList<>();
        for (String theme : THEMES) {
            choose(robot, theme);
            for (int width : WIDTHS) {
                resize(width);
                loadedTile(robot, "stripe");
                String prefix = "matrix-" + language + "-" + theme + "-" + width + "-";
                assertThat(truncated(robot)).as("%s, %s, %d px: cut short", language, theme, width).isEmpty();
                written.add(Screenshots.write(stage.getScene(), prefix + "hub"));
                written.add(Screenshots.write(connectDialog(robot), prefix + "connect"));
                closeWindowOf(robot, "#connect-time-left");
                written.add(Screenshots.write(form(robot), prefix + "form"));
                closeWindowOf(robot, "#field-client_secret");
                written.add(Screenshots.write(settings(robot), prefix + "settings"));
                closeWindowOf(robot, "#settings-target-demo");
                written.add(Screenshots.write(summary(robot), prefix + "summary"));
                press(robot, "#summary-close");
                WaitForAsyncUtils.waitForFxEvents();
            }
        }
        assertThat(written).hasSize(THEMES.size() * WIDTHS.size() * 5).allSatisfy(file -> {
            assertThat(file).exists();
            assertThat(ImageIO.read(file.toFile()).getWidth()).isGreaterThan(300);
        });
        for (int width : WIDTHS) {
            Path hub = Path.of("target/screenshots/matrix-" + language + "-light-" + width + "-hub.png");
            assertThat(ImageIO.read(Files.newInputStream(hub)).getWidth()).as("the hub's width").isEqualTo(width);
        }
    }

    /** Connect on HubSpot's tile: the dialog waits for the sign-in the browser would show. */
    private Scene connectDialog(FxRobot robot) throws Exception {
        clickConnect(robot, "hubspot");
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> robot.lookup("#connect-time-left").tryQuery()
                .map(left -> left.isVisible() && !((Label) left).getText().isEmpty()).orElse(false));
        WaitForAsyncUtils.waitForFxEvents();
        return robot.lookup("#connect-time-left").query().getScene();
    }

    /** Connect on Stripe's tile: the credentials form, one field typed. */
    private Scene form(FxRobot robot) throws Exception {
        clickConnect(robot, "stripe");
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> onFx(() -> robot.lookup("#field-account_id").tryQuery()
                .filter(field -> field.getScene() != null && field.getScene().getWindow().isShowing()).isPresent()));
        WaitForAsyncUtils.waitForFxEvents();
        return onFx(() -> {
            javafx.scene.control.TextField account = robot.lookup("#field-account_id")
                    .match((Node field) -> field.getScene() != null).queryAs(javafx.scene.control.TextField.class);
            account.requestFocus();
            account.setText("acct_1");
            return account.getScene();
        });
    }

    private Scene settings(FxRobot robot) throws Exception {
        press(robot, "#open-settings");
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> robot.lookup("#settings-target-demo").tryQuery()
                .map(button -> !button.isDisabled()).orElse(false));
        WaitForAsyncUtils.waitForFxEvents();
        return robot.lookup("#settings-target-demo").query().getScene();
    }

    private Scene summary(FxRobot robot) throws Exception {
        press(robot, "#onboarding-continue");
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> robot.lookup("#summary-progress").tryQuery()
                .map(node -> !((Label) node).getText().isEmpty()).orElse(false));
        WaitForAsyncUtils.waitForFxEvents();
        return robot.lookup("#summary-dialog").query().getScene();
    }

    private static void clickConnect(FxRobot robot, String provider) throws Exception {
        Node tile = loadedTile(robot, provider);
        Button connect = robot.from(tile).lookup(".connect-button").queryAs(Button.class);
        // Pressed as a keyboard or screen reader would, so that nothing the pointer might meet on a busy machine
        // (a tooltip, a row scrolled away) stands between the test and the dialog it draws.
        onFx(() -> {
            connect.fire();
            return null;
        });
    }

    /**
     * Presses the button {@code query} finds as a keyboard or screen reader would: the pointer could meet a window
     * an earlier test of the same run left on the screen.
     */
    private static void press(FxRobot robot, String query) throws Exception {
        onFx(() -> {
            robot.lookup(query).queryAs(javafx.scene.control.ButtonBase.class).fire();
            return null;
        });
        WaitForAsyncUtils.waitForFxEvents();
    }

    /** Closes the window holding {@code query} as its close box would (a flow under way is cancelled). */
    private static void closeWindowOf(FxRobot robot, String query) throws Exception {
        Window window = robot.lookup(query).query().getScene().getWindow();
        onFx(() -> {
            window.fireEvent(new WindowEvent(window, WindowEvent.WINDOW_CLOSE_REQUEST));
            if (window.isShowing()) {
                window.hide();
            }
            return null;
        });
        WaitForAsyncUtils.waitForFxEvents();
    }

    /** Picks View → Theme → Light or Dark, as the menu item does. */
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
        WaitForAsyncUtils.waitForFxEvents();
        onFx(() -> {
            stage.getScene().getRoot().applyCss();
            return null;
        });
    }

    private void resize(int width) throws Exception {
        onFx(() -> {
            stage.setWidth(width);
            stage.setHeight(800);
            return null;
        });
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> onFx(() -> stage.getScene().getWidth() == width));
        WaitForAsyncUtils.waitForFxEvents();
    }

    /** The header's, the progress line's and the search bar's texts that show cut short. */
    private static List<String> truncated(FxRobot robot) throws Exception {
        return onFx(() -> Stream.of(".menu-row", "#hub-header", "#demo-banner", "#onboarding", ".search-bar")
                .flatMap(area -> robot.lookup(area).queryAll().stream())
                .flatMap(area -> robot.from(area).lookup((Predicate<Node>) node -> node instanceof Labeled)
                        .queryAllAs(Labeled.class).stream())
                .filter(ScreenshotMatrixTest::shown)
                .filter(Labeled::isTextTruncated)
                .map(labeled -> labeled.getId() + ": " + labeled.getText())
                .toList());
    }

    private static boolean shown(Node node) {
        for (Node at = node; at != null; at = at.getParent()) {
            if (!at.isVisible()) {
                return false;
            }
        }
        return true;
    }

    private static <T> T onFx(Callable<T> work) throws Exception {
        return WaitForAsyncUtils.asyncFx(work).get(20, TimeUnit.SECONDS);
    }
}
