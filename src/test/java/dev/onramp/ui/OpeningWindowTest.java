package dev.onramp.ui;

import static org.assertj.core.api.Assertions.assertThat;

import dev.onramp.catalog.Catalog;
import dev.onramp.model.Tenant;
import dev.onramp.ui.common.Screenshots;
import dev.onramp.ui.common.UiServices;
import java.util.List;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import dev.onramp.ui.hub.HubRow;
import javafx.scene.control.ListView;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.service.query.NodeQuery;
import org.testfx.util.WaitForAsyncUtils;

/** The window as Onramp starts it: the hub drawn from the catalog first, the store's services later. */
@ExtendWith(ApplicationExtension.class)
class OpeningWindowTest {
    @TempDir
    Path dataDir;

    private final CompletableFuture<UiServices> services = new CompletableFuture<>();
    private final AtomicBoolean quit = new AtomicBoolean();
    private final Catalog catalog = Catalog.bundled();
    private AppUnderTest app;
    private Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        MainWindow.showOpening(stage, catalog, true, "Demo: the built-in Airbyte simulator", new FxExecutor(),
                services, () -> quit.set(true));
        AppUnderTest.usualSize(stage);
    }

    @AfterEach
    void closeApp() throws Exception {
        if (app != null) {
            app.closeAfterHiding(stage);
        }
    }

    @Test
    void whileTheStoreOpens_theHubShowsEveryTileAndSaysItIsOpeningTheData(FxRobot robot) {
        @SuppressWarnings("unchecked")
        List<HubRow> rows = List.copyOf(robot.lookup("#hub-list").queryAs(ListView.class).getItems());
        assertThat(rows.stream().filter(HubRow.Tiles.class::isInstance)
                .mapToInt(row -> ((HubRow.Tiles) row).tiles().size()).sum()).isEqualTo(catalog.providers().size());
        assertThat(robot.lookup(".tile").queryAll()).isNotEmpty().hasSizeLessThan(60);
        assertThat(shown(robot.lookup("#hub-opening").query())).isTrue();
        assertThat(robot.lookup("#hub-opening").queryAs(Label.class).getText()).isEqualTo("Opening your data…");
        assertThat(robot.lookup("#new-business").queryAs(Button.class).isDisabled()).isTrue();
        assertThat(robot.lookup("#open-settings").queryAs(Button.class).isDisabled()).isTrue();
        assertThat(robot.lookup(".connect-button").<Node>queryAll()).noneMatch(OpeningWindowTest::shown);
        assertThat(shown(robot.lookup("#demo-banner").query())).isTrue();
        Screenshots.write(stage.getScene(), "hub-opening");
    }

    @Test
    void onceTheStoreIsOpen_theBusinessIsChosenAndConnectIsOffered(FxRobot robot) throws Exception {
        app = AppUnderTest.start(dataDir, url -> false);

        services.complete(app.services());
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> HubRobot.loaded(robot));
        WaitForAsyncUtils.waitForFxEvents();

        @SuppressWarnings("unchecked")
        ComboBox<Tenant> chooser = robot.lookup("#business-chooser").queryAs(ComboBox.class);
        assertThat(chooser.getValue()).isNotNull();
        assertThat(shown(robot.lookup("#hub-opening").query())).isFalse();
        assertThat(robot.lookup("#new-business").queryAs(Button.class).isDisabled()).isFalse();
        assertThat(robot.lookup(".connect-button").<Node>queryAll()).anyMatch(OpeningWindowTest::shown);
    }

    @Test
    void whenTheStoreCannotOpen_theWindowSaysWhyAndQuitEnds(FxRobot robot) throws Exception {
        services.completeExceptionally(new IllegalStateException("The data folder /tmp/x is not writable."));
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> inWindow(robot, "#startup-failure").tryQuery().isPresent());

        assertThat(inWindow(robot, "#startup-failure").queryAs(Label.class).getText())
                .isEqualTo("Onramp could not start: The data folder /tmp/x is not writable.");
        assertThat(inWindow(robot, "#hub").tryQuery()).isEmpty();
        Button quitButton = inWindow(robot, ".button").queryButton();
        assertThat(quitButton.getText()).isEqualTo("Quit");
        robot.interact(quitButton::fire);
        assertThat(quit).isTrue();
    }

    /** Looks up {@code query} in this test's window only. */
    private NodeQuery inWindow(FxRobot robot, String query) {
        return robot.from(stage.getScene().getRoot()).lookup(query);
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
