package dev.onramp.ui.hub;

import static org.assertj.core.api.Assertions.assertThat;

import dev.onramp.connect.ConnectListener;
import dev.onramp.connect.ConnectOutcome;
import dev.onramp.model.AuditEvent;
import dev.onramp.model.Connection;
import dev.onramp.model.Tenant;
import dev.onramp.testing.ScriptedBrowser;
import dev.onramp.testing.ScriptedBrowser.Decision;
import dev.onramp.ui.AppUnderTest;
import dev.onramp.ui.HubRobot;
import dev.onramp.ui.common.Screenshots;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Label;
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

/** Renaming, retyping and deleting businesses from the window's Business menu, and the chooser's filter. */
@ExtendWith(ApplicationExtension.class)
class BusinessManagementTest {
    @TempDir
    Path dataDir;

    private AppUnderTest app;
    private Stage stage;
    private Tenant acme;
    private Tenant bolt;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        app = AppUnderTest.start(dataDir, url -> new ScriptedBrowser(Decision.ALLOW).open(url));
        bolt = app.context().tenants().create("Bolt Bikes", "online-store");
        for (int i = 1; i <= 150; i++) {
            app.context().tenants().create(String.format("Client %03d", i), "online-store");
        }
        acme = app.context().tenants().create("Acme Outdoor", "online-store");
        app.context().tenants().markUsed(acme.id());
        AppUnderTest.showHub(stage, app.services());
    }

    @AfterEach
    void closeApp() throws Exception {
        app.closeAfterHiding(stage);
    }

    @Test
    void renaming_showsTheNewNameInTheChooser_andATakenNameIsRefusedInTheDialog(FxRobot robot) throws Exception {
        waitUntilLoaded(robot);

        open(robot, "#menu-rename-business");
        TextField name = robot.lookup("#rename-business-name").queryAs(TextField.class);
        robot.interact(() -> name.setText("BOLT BIKES"));
        robot.clickOn("Rename");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> robot.lookup("#rename-business-error").query().isVisible());
        assertThat(robot.lookup("#rename-business-error").queryAs(Label.class).getText()).isEqualTo(
                "Another business is already called Bolt Bikes (names ignore letter case): pick a name no other"
                        + " business has.");
        Screenshots.write(name.getScene(), "business-rename-refused");

        robot.interact(() -> name.setText("Acme Outdoor Gear"));
        robot.clickOn("Rename");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> robot.lookup("#rename-business-name").tryQuery().isEmpty());
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(HubRobot.chosenTenant(robot).name()).isEqualTo("Acme Outdoor Gear");
        assertThat(app.context().tenants().byName("Acme Outdoor")).isEmpty();
        assertThat(app.context().audit().list(acme.id())).extracting(AuditEvent::action).contains("tenant.renamed");
    }

    @Test
    void changingTheType_showsItsRecommendationsFirst_andTheTypeBesideTheName(FxRobot robot) throws Exception {
        waitUntilLoaded(robot);
        assertThat(robot.lookup("#business-type-link").queryAs(Hyperlink.class).getText()).isEqualTo("Online store");

        robot.clickOn("#business-type-link");
        @SuppressWarnings("unchecked")
        ComboBox<dev.onramp.model.BusinessType> type = robot.lookup("#retype-business-type").queryAs(ComboBox.class);
        dev.onramp.model.BusinessType agency = app.context().catalog().businessTypes().stream()
                .filter(t -> !t.id().equals("online-store")).findFirst().orElseThrow();
        robot.interact(() -> type.setValue(agency));
        String firstRecommended = app.context().catalog().recommend(agency.id()).getFirst().provider().name();
        assertThat(robot.lookup("#retype-recommendations").queryAs(Label.class).getText())
                .contains("• " + firstRecommended + " — ");
        Screenshots.write(type.getScene(), "business-retype");
        robot.clickOn("Change type");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> robot.lookup("#retype-business-type").tryQuery().isEmpty());
        waitUntilLoaded(robot);

        assertThat(robot.lookup("#business-type-link").queryAs(Hyperlink.class).getText()).isEqualTo(agency.name());
        assertThat(HubRobot.chosenTenant(robot).businessTypeId()).isEqualTo(agency.id());
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> firstTile(robot).equals(firstRecommended));
    }

    @Test
    void deleting_disconnectsItsConnectionsInAirbyte_andTheHubShowsAnotherBusiness(FxRobot robot) throws Exception {
        waitUntilLoaded(robot);
        Connection hubspot = ((ConnectOutcome.Connected) app.context().connect()
                .connect(acme.id(), "hubspot", ConnectListener.NONE).outcome().get(30, TimeUnit.SECONDS)).connection();
        var simulator = app.context().simulator().orElseThrow();
        assertThat(simulator.sourceIds()).contains(hubspot.sourceId());

        open(robot, "#menu-delete-business");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> robot.lookup("#delete-business-what")
                .queryAs(Label.class).getText().startsWith("Acme Outdoor has 1 connection."));
        assertThat(robot.lookup("#delete-business-disconnect").query().isVisible()).isTrue();
        Screenshots.write(robot.lookup("#delete-business-what").query().getScene(), "business-delete");
        robot.clickOn("#delete-business-confirm");
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> robot.lookup("#delete-business-what").tryQuery().isEmpty());
        waitUntilLoaded(robot);

        assertThat(((javafx.scene.control.DialogPane) robot.lookup("#business-deleted").query()).getContentText())
                .isEqualTo("Acme Outdoor was deleted. Its connection was disconnected and its source deleted in Airbyte.");
        assertThat(simulator.sourceIds()).doesNotContain(hubspot.sourceId());
        assertThat(app.context().tenants().byName("Acme Outdoor")).isEmpty();
        assertThat(HubRobot.chosenTenant(robot)).isNotNull().isNotEqualTo(acme);
        @SuppressWarnings("unchecked")
        ComboBox<Tenant> chooser = robot.lookup("#business-chooser").queryAs(ComboBox.class);
        assertThat(chooser.getItems()).extracting(Tenant::name).doesNotContain("Acme Outdoor").contains("Bolt Bikes");
        assertThat(app.context().audit().list(acme.id())).extracting(AuditEvent::action)
                .contains("connection.disconnected", "tenant.deleted");
    }

    @Test
    void theChooserOfHundredsOfBusinesses_filtersAsOneTypes(FxRobot robot) throws Exception {
        waitUntilLoaded(robot);
        @SuppressWarnings("unchecked")
        ComboBox<Tenant> chooser = robot.lookup("#business-chooser").queryAs(ComboBox.class);
        assertThat(chooser.getItems()).hasSize(152);

        robot.clickOn("#business-chooser");
        robot.write("bolt");
        WaitForAsyncUtils.waitForFxEvents();
        robot.type(KeyCode.DOWN).type(KeyCode.ENTER);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> bolt.equals(chooser.getValue()));
        waitUntilLoaded(robot);

        assertThat(HubRobot.chosenTenant(robot)).isEqualTo(bolt);
    }

    @SuppressWarnings("unchecked")
    private static String firstTile(FxRobot robot) {
        return ((java.util.List<HubRow>) robot.lookup("#hub-list").queryAs(javafx.scene.control.ListView.class)
                .getItems()).stream().filter(HubRow.Tiles.class::isInstance)
                .map(row -> ((HubRow.Tiles) row).tiles().getFirst().name()).findFirst().orElse("");
    }

    private static void open(FxRobot robot, String item) {
        robot.clickOn("#business-menu");
        robot.clickOn(item);
        WaitForAsyncUtils.waitForFxEvents();
    }

    private static void waitUntilLoaded(FxRobot robot) throws TimeoutException {
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> HubRobot.loaded(robot));
        WaitForAsyncUtils.waitForFxEvents();
    }
}
