package dev.onramp.ui.hub;

import dev.onramp.ui.HubRobot;
import static org.assertj.core.api.Assertions.assertThat;

import dev.onramp.model.Tenant;
import dev.onramp.ui.AppUnderTest;
import dev.onramp.ui.common.Screenshots;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

@ExtendWith(ApplicationExtension.class)
class HubViewTest {
    @TempDir
    Path dataDir;

    private AppUnderTest app;
    private final List<java.net.URI> opened = new java.util.concurrent.CopyOnWriteArrayList<>();
    private Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        app = AppUnderTest.start(dataDir, url -> opened.add(url));
        AppUnderTest.showHub(stage, app.services());
    }

    @AfterEach
    void closeApp() throws Exception {
        app.closeAfterHiding(stage);
    }

    @Test
    void hub_showsTheRecommendedSectionFirst_andOnlyTheTilesInViewExist(FxRobot robot) throws TimeoutException {
        waitUntilLoaded(robot);

        List<HubRow> rows = rows(robot);
        assertThat(rows.getFirst()).isInstanceOfSatisfying(HubRow.Heading.class, heading -> assertThat(
                heading.section().title()).isEqualTo("Recommended for " + chosen(robot).name()));
        assertThat(rows).filteredOn(HubRow.Heading.class::isInstance)
                .extracting(row -> ((HubRow.Heading) row).section().id()).containsSubsequence("recommended", "all");
        int listed = rows.stream().filter(HubRow.Tiles.class::isInstance)
                .mapToInt(row -> ((HubRow.Tiles) row).tiles().size()).sum();
        assertThat(listed).isEqualTo(app.services().catalog().providers().size()).isGreaterThanOrEqualTo(550);
        assertThat(robot.lookup("#hub-count").queryAs(Label.class).getText()).isEqualTo(listed + " providers");
        List<Node> drawn = List.copyOf(robot.lookup(".tile").queryAll());
        assertThat(drawn).hasSizeGreaterThanOrEqualTo(2).hasSizeLessThan(60);
        assertThat(hasVisibleBadge(drawn.getFirst())).isTrue();
        assertThat(drawn.getFirst().lookup(".provider-logo")).isNotNull();
        Screenshots.write(stage.getScene(), "hub");
    }

    @Test
    void typingAnywhereInTheHub_searchesDespiteATypo_andEscapeClears(FxRobot robot) throws TimeoutException {
        waitUntilLoaded(robot);

        robot.clickOn("#hub-count");
        robot.write("shopfiy");
        WaitForAsyncUtils.waitForFxEvents();

        TextField search = robot.lookup("#hub-search").queryAs(TextField.class);
        assertThat(search.getText()).isEqualTo("shopfiy");
        assertThat(search.isFocused()).isTrue();
        assertThat(rows(robot).get(1)).isInstanceOfSatisfying(HubRow.Tiles.class, row ->
                assertThat(row.tiles().getFirst().provider().id()).isEqualTo("shopify"));
        Screenshots.write(stage.getScene(), "hub-search");
        robot.type(KeyCode.ESCAPE);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(search.getText()).isEmpty();
        assertThat(rows(robot).getFirst()).isInstanceOf(HubRow.Heading.class);
    }

    @Test
    void searchingForData_findsItsProviders_andControlFFocusesTheSearch(FxRobot robot) throws TimeoutException {
        waitUntilLoaded(robot);

        robot.press(KeyCode.CONTROL).press(KeyCode.F).release(KeyCode.F).release(KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(robot.lookup("#hub-search").queryAs(TextField.class).isFocused()).isTrue();
        robot.write("invoices");
        WaitForAsyncUtils.waitForFxEvents();

        List<TileModel> found = tiles(robot);
        assertThat(found).extracting(tile -> tile.provider().id()).contains("quickbooks", "xero", "stripe");
        // The business's recommended providers that hold invoices come first, then accounting ones.
        List<TileModel> others = found.stream().dropWhile(TileModel::recommended).toList();
        assertThat(found.subList(0, found.size() - others.size())).allMatch(TileModel::recommended);
        assertThat(others.subList(0, 3)).allSatisfy(tile -> assertThat(tile.category()).isEqualTo("Accounting"));
    }

    @Test
    void aCategoryChip_showsOnlyThatCategory(FxRobot robot) throws TimeoutException {
        waitUntilLoaded(robot);

        robot.clickOn("#chip-accounting");
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(tiles(robot)).hasSizeGreaterThan(10)
                .allSatisfy(tile -> assertThat(tile.category()).isEqualTo("Accounting"));
        Screenshots.write(stage.getScene(), "hub-chip");
        robot.clickOn("#chip-all");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(tiles(robot)).hasSize(app.services().catalog().providers().size());
    }

    @Test
    void aSearchThatFindsNothing_saysWhatToDo_andOpensAirbytesConnectorDocs(FxRobot robot) throws TimeoutException {
        waitUntilLoaded(robot);

        robot.clickOn("#hub-search").write("xyzzyq");
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(robot.lookup("#hub-empty").queryAs(Label.class).getText()).isEqualTo("No provider matches “xyzzyq”"
                + " — Airbyte may still have it under another name; see the connector docs.");
        assertThat(robot.lookup("#hub-count").queryAs(Label.class).getText()).isEqualTo("0 matches");
        robot.clickOn("#hub-connector-docs");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> !opened.isEmpty());
        assertThat(opened).containsExactly(java.net.URI.create("https://docs.airbyte.com/integrations"));
    }

    @SuppressWarnings("unchecked")
    private static List<HubRow> rows(FxRobot robot) {
        return List.copyOf(robot.lookup("#hub-list").queryAs(ListView.class).getItems());
    }

    private static List<TileModel> tiles(FxRobot robot) {
        return rows(robot).stream().filter(HubRow.Tiles.class::isInstance)
                .flatMap(row -> ((HubRow.Tiles) row).tiles().stream()).toList();
    }

    @SuppressWarnings("unchecked")
    private static Tenant chosen(FxRobot robot) {
        return ((ComboBox<Tenant>) robot.lookup("#business-chooser").query()).getValue();
    }

    @Test
    void stripeTile_saysItTakesCredentialsAndOffersConnect(FxRobot robot) throws TimeoutException {
        waitUntilLoaded(robot);

        Node stripe = dev.onramp.ui.HubRobot.loadedTile(robot, "stripe");
        assertThat(robot.from(stripe).lookup(".tile-note").queryAs(Label.class).getText())
                .isEqualTo("Connects with API credentials you type in");
        assertThat(robot.from(stripe).lookup(".connect-button").queryAs(Button.class).isVisible()).isTrue();
    }

    @Test
    void demoMode_showsTheBanner(FxRobot robot) {
        assertThat(robot.lookup("#demo-banner").queryAs(Label.class).getText())
                .isEqualTo("Demo mode — connections go to the built-in Airbyte simulator; nothing leaves this computer");
    }

    @Test
    void newBusinessWithoutAName_showsTheRefusalInTheDialog(FxRobot robot) throws TimeoutException {
        waitUntilLoaded(robot);

        robot.clickOn("#new-business");
        robot.clickOn("Create");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> robot.lookup("#business-error").query().isVisible());

        assertThat(robot.lookup("#business-error").queryAs(Label.class).getText()).isEqualTo("Give the business a name.");
        Screenshots.write(robot.lookup("#business-name").query().getScene(), "new-business-refused");
    }

    @Test
    void newBusiness_isCreatedAndChosen(FxRobot robot) throws TimeoutException {
        waitUntilLoaded(robot);

        robot.clickOn("#new-business");
        robot.clickOn("#business-name").write("Corner Bakery");
        robot.clickOn("Create");

        @SuppressWarnings("unchecked")
        ComboBox<Tenant> chooser = robot.lookup("#business-chooser").queryAs(ComboBox.class);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> chooser.getValue() != null
                && chooser.getValue().name().equals("Corner Bakery"));
        assertThat(robot.lookup("#business-name").tryQuery()).isEmpty();
        waitUntilLoaded(robot);
    }

    private static boolean hasVisibleBadge(Node tile) {
        return tile.lookupAll(".badge").stream().anyMatch(Node::isVisible);
    }

    private static void waitUntilLoaded(FxRobot robot) throws TimeoutException {
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> HubRobot.loaded(robot));
        WaitForAsyncUtils.waitForFxEvents();
    }
}
