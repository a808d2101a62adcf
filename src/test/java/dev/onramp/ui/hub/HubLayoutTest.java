package dev.onramp.ui.hub;

import static org.assertj.core.api.Assertions.assertThat;

import dev.onramp.ui.AppUnderTest;
import dev.onramp.ui.HubRobot;
import dev.onramp.ui.common.Screenshots;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Labeled;
import javafx.scene.control.ListView;
import javafx.scene.layout.HBox;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The hub at the widths people's windows have: tiles fill each row, and nothing in the header is cut short. */
@ExtendWith(ApplicationExtension.class)
class HubLayoutTest {
    /** How far the last tile's right edge may be from the row's end, in pixels (rounding to whole pixels). */
    private static final double MARGIN = 3;

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
        onFx(() -> {
            stage.getScene().getRoot().setStyle("");
            return null;
        });
        app.closeAfterHiding(stage);
    }

    @Test
    void tilesFillEachRow_oneColumnAt600_upToFourOrMoreAt1600(FxRobot robot) throws Exception {
        loaded(robot);
        // Narrower than the window lets a person make it (720), as a tiling window manager may.
        onFx(() -> {
            stage.setMinWidth(0);
            return null;
        });

        assertThat(columnsAt(robot, 600)).isEqualTo(1);
        assertRowsFilled(robot);
        assertThat(columnsAt(robot, 800)).isEqualTo(2);
        assertRowsFilled(robot);
        Screenshots.write(stage.getScene(), "layout-800-hub");
        assertThat(columnsAt(robot, 1080)).isEqualTo(3);
        assertRowsFilled(robot);
        assertThat(columnsAt(robot, 1366)).isEqualTo(4);
        assertRowsFilled(robot);
        assertThat(columnsAt(robot, 1600)).isGreaterThanOrEqualTo(4);
        assertRowsFilled(robot);
        Screenshots.write(stage.getScene(), "layout-1600-hub");
    }

    @Test
    void from800PixelsUp_noWordInTheHeaderOrTheProgressIsCutShort(FxRobot robot) throws Exception {
        loaded(robot);

        for (double width : List.of(800.0, 1080.0, 1366.0, 1600.0)) {
            resize(robot, width);
            assertThat(truncated(robot)).as("cut short at %s px", width).isEmpty();
        }
        resize(robot, 800);
        HBox header = robot.lookup("#hub-header").queryAs(Parent.class).getChildrenUnmodifiable().stream()
                .filter(HBox.class::isInstance).map(HBox.class::cast).findFirst().orElseThrow();
        assertThat(header.getChildren()).hasSize(2); // the chooser went to a second line
        resize(robot, 1600);
        assertThat(header.getChildren()).hasSize(3); // all on one line
    }

    @Test
    void atOneAndAHalfTimesTheTextSize_tilesGrowAndTheHeaderStillFits(FxRobot robot) throws Exception {
        loaded(robot);
        int usual = columnsAt(robot, 1366);

        onFx(() -> {
            stage.getScene().getRoot().setStyle("-fx-font-size: 1.5em;");
            return null;
        });
        int larger = columnsAt(robot, 1366);

        assertThat(larger).isLessThan(usual).isGreaterThanOrEqualTo(2);
        assertRowsFilled(robot);
        double em = onFx(() -> robot.lookup(".tile-name").queryAs(Labeled.class).getFont().getSize());
        assertThat(em).isGreaterThan(18);
        resize(robot, 800);
        assertThat(truncated(robot)).isEmpty();
        Screenshots.write(stage.getScene(), "layout-800-hub-150");
        resize(robot, 1366);
        Screenshots.write(stage.getScene(), "layout-1366-hub-150");
    }

    private int columnsAt(FxRobot robot, double width) throws TimeoutException {
        resize(robot, width);
        return onFx(() -> {
            List<HBox> rows = tileRows(robot);
            assertThat(rows).as("rows of tiles at %s px", width).isNotEmpty();
            return rows.getFirst().getChildren().size();
        });
    }

    /** Every row of tiles in view ends within a few pixels of the list's inner width, and its tiles are of one width. */
    private void assertRowsFilled(FxRobot robot) {
        onFx(() -> {
            ListView<?> list = robot.lookup("#hub-list").queryAs(ListView.class);
            Node viewport = list.lookup(".clipped-container");
            double width = viewport.getLayoutBounds().getWidth();
            for (HBox row : tileRows(robot)) {
                // The row spans the list but for the cell's and row's padding (which the theme sets) ...
                double inner = viewport.sceneToLocal(row.localToScene(row.getLayoutBounds())).getMaxX()
                        - row.getInsets().getRight();
                assertThat(inner).as("the row's inner right edge").isGreaterThan(width - 32);
                // ... and its last tile ends at the row's inner edge.
                Node last = row.getChildren().getLast();
                Bounds bounds = viewport.sceneToLocal(last.localToScene(last.getLayoutBounds()));
                assertThat(bounds.getMaxX()).as("the last tile's right edge").isCloseTo(inner,
                        org.assertj.core.data.Offset.offset(MARGIN));
                double first = row.getChildren().getFirst().getLayoutBounds().getWidth();
                assertThat(row.getChildren()).allSatisfy(tile -> assertThat(tile.getLayoutBounds().getWidth())
                        .isCloseTo(first, org.assertj.core.data.Offset.offset(1.0)));
            }
            return null;
        });
    }

    private static List<HBox> tileRows(FxRobot robot) {
        return robot.lookup(".tile-row-tiles").queryAllAs(HBox.class).stream()
                .filter(row -> row.getScene() != null && row.getParent() != null && row.getParent().isVisible()
                        && row.getWidth() > 0)
                .toList();
    }

    /** The header's, the progress line's and the search bar's labels, buttons and links whose text shows cut short. */
    private static List<String> truncated(FxRobot robot) {
        return onFx(() -> java.util.stream.Stream.of(".menu-row", "#hub-header", "#demo-banner", "#onboarding", ".search-bar")
                .flatMap(area -> robot.lookup(area).queryAll().stream())
                .flatMap(area -> robot.from(area).lookup((java.util.function.Predicate<Node>) node -> node instanceof Labeled).queryAllAs(Labeled.class)
                        .stream())
                .filter(HubLayoutTest::shown)
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

    private void resize(FxRobot robot, double width) throws TimeoutException {
        onFx(() -> {
            stage.setWidth(width);
            stage.setHeight(800);
            return null;
        });
        WaitForAsyncUtils.waitForFxEvents();
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> onFx(() -> stage.getScene().getWidth() == width
                && !tileRows(robot).isEmpty()));
        WaitForAsyncUtils.waitForFxEvents();
    }

    private void loaded(FxRobot robot) throws TimeoutException {
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> HubRobot.loaded(robot));
        WaitForAsyncUtils.waitForFxEvents();
    }

    private static <T> T onFx(Callable<T> work) {
        try {
            return WaitForAsyncUtils.asyncFx(work).get(10, TimeUnit.SECONDS);
        } catch (java.util.concurrent.ExecutionException e) {
            if (e.getCause() instanceof AssertionError failed) {
                throw failed;
            }
            throw new IllegalStateException(e.getCause());
        } catch (InterruptedException | TimeoutException e) {
            throw new IllegalStateException(e);
        }
    }
}
