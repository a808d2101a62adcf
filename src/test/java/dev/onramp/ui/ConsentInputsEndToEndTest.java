package dev.onramp.ui;

import static dev.onramp.ui.HubRobot.chosenTenant;
import static dev.onramp.ui.HubRobot.loadedTile;
import static dev.onramp.ui.HubRobot.status;
import static org.assertj.core.api.Assertions.assertThat;

import dev.onramp.model.Connection;
import dev.onramp.testing.ScriptedBrowser;
import dev.onramp.testing.ScriptedBrowser.Decision;
import dev.onramp.ui.common.Screenshots;
import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.TitledPane;
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

/** The whole app in demo mode, connecting Zendesk Support: its subdomain is asked for first, then the sign-in runs. */
@ExtendWith(ApplicationExtension.class)
class ConsentInputsEndToEndTest {
    @TempDir
    Path dataDir;

    private final ScriptedBrowser browser = new ScriptedBrowser(Decision.ALLOW);
    private final List<URI> opened = new CopyOnWriteArrayList<>();

    private AppUnderTest app;
    private Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        app = AppUnderTest.start(dataDir, url -> {
            opened.add(url);
            return browser.open(url);
        });
        AppUnderTest.showHub(stage, app.services());
    }

    @AfterEach
    void closeApp() throws Exception {
        app.closeAfterHiding(stage);
    }

    private Node openZendesk(FxRobot robot) throws Exception {
        Node tile = loadedTile(robot, "zendesk-support");
        robot.clickOn(robot.from(tile).lookup(".connect-button").queryAs(Button.class));
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> robot.lookup("#field-subdomain").tryQuery()
                .map(Node::isVisible).orElse(false));
        return tile;
    }

    @Test
    void zendeskConnect_firstShowsItsSubdomainFieldAndOpensNoBrowser(FxRobot robot) throws Exception {
        openZendesk(robot);

        assertThat(robot.lookup("#connect-continue").queryButton().isVisible()).isTrue();
        assertThat(robot.lookup("#connect-step").query().getParent().isVisible()).as("the progress row").isFalse();
        assertThat(robot.lookup(".field-label").queryAs(Label.class).getText()).isEqualTo("Subdomain *");
        assertThat(opened).isEmpty();
        Screenshots.write(dialog(robot).getScene(), "connect-zendesk-subdomain");
    }

    @Test
    void continueWithoutASubdomain_saysItIsRequiredAndStaysOnTheForm(FxRobot robot) throws Exception {
        openZendesk(robot);

        robot.clickOn("#connect-continue");
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(robot.lookup("#connect-inputs-message").queryAs(Label.class).getText()).isEqualTo("Subdomain is required.");
        assertThat(robot.lookup("#field-subdomain").query().getStyleClass()).contains("error");
        assertThat(opened).isEmpty();
        Screenshots.write(dialog(robot).getScene(), "connect-zendesk-subdomain-required");
    }

    @Test
    void subdomainTypedThenAllowed_connectsWithTheSubdomainInTheStoredConfiguration(FxRobot robot) throws Exception {
        Node tile = openZendesk(robot);

        robot.clickOn("#field-subdomain").write("acme");
        robot.clickOn("#connect-continue");
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> status(robot, tile).startsWith("Connected · "));
        HubRobot.done(robot);

        // The simulated Airbyte refuses the consent link and the source without the subdomain.
        Connection stored = app.context().connect().connections(chosenTenant(robot).id()).getFirst();
        assertThat(stored.providerId()).isEqualTo("zendesk-support");
        assertThat(app.context().simulator().orElseThrow().sourceIds()).containsExactly(stored.sourceId());
        assertThat(opened).hasSize(1);
        assertThat(dialogs(robot)).isEmpty();
    }

    @Test
    void aSubdomainAlreadyConnected_isAskedAboutBeforeTheSignIn_andConnectAgainAddsASecondAccount(FxRobot robot)
            throws Exception {
        Node tile = openZendesk(robot);
        robot.clickOn("#field-subdomain").write("acme");
        robot.clickOn("#connect-continue");
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> status(robot, tile).startsWith("Connected · "));
        HubRobot.done(robot);
        HubRobot.showTile(robot, tile);

        robot.clickOn(robot.from(tile).lookup(".tile-add-account").queryAs(javafx.scene.control.Hyperlink.class));
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> robot.lookup("#field-subdomain").tryQuery()
                .map(Node::isVisible).orElse(false));
        robot.clickOn("#field-subdomain").write("acme");
        robot.clickOn("#connect-continue");
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> robot.lookup("#connect-duplicate").tryQuery()
                .filter(Node::isVisible).isPresent());

        assertThat(robot.lookup("#connect-duplicate").queryAs(Label.class).getText())
                .isEqualTo("Demo Coffee Roasters' Zendesk Support account acme is already connected — connect it again?");
        assertThat(opened).as("no sign-in before the answer").hasSize(1);
        Screenshots.write(dialog(robot).getScene(), "connect-duplicate");

        robot.clickOn("#connect-again");
        assertThat(HubRobot.done(robot)).startsWith("Zendesk Support connected — account acme 2, ");
        assertThat(app.context().connect().connections(chosenTenant(robot).id())).extracting(Connection::accountLabel)
                .containsExactlyInAnyOrder("acme", "acme 2");
    }

    @Test
    void googleAnalyticsConnect_asksForItsPropertyIdsFirst_thenConnectsWithThem(FxRobot robot) throws Exception {
        Node tile = loadedTile(robot, "google-analytics");
        robot.clickOn(robot.from(tile).lookup(".connect-button").queryAs(Button.class));
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> robot.lookup("#field-property_ids").tryQuery()
                .map(Node::isVisible).orElse(false));
        assertThat(opened).isEmpty();
        robot.clickOn("#field-property_ids").write("1738294, 5729978930");
        Screenshots.write(dialogs(robot, "Google Analytics 4").getFirst().getScene(), "connect-google-analytics-property-ids");

        robot.clickOn("#connect-continue");
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> status(robot, tile).startsWith("Connected · "));

        // The simulated Airbyte, like Airbyte, refuses a source without the property ids its specification requires.
        Connection stored = app.context().connect().connections(chosenTenant(robot).id()).getFirst();
        assertThat(stored.providerId()).isEqualTo("google-analytics");
        assertThat(app.context().simulator().orElseThrow().sourceIds()).containsExactly(stored.sourceId());
    }

    @Test
    void salesforceConnect_showsItsOptionalSandboxSwitchAtOnce(FxRobot robot) throws Exception {
        Node tile = loadedTile(robot, "salesforce");
        robot.clickOn(robot.from(tile).lookup(".connect-button").queryAs(Button.class));
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> robot.lookup("#field-is_sandbox").tryQuery().isPresent());
        WaitForAsyncUtils.waitForFxEvents();

        Window dialog = robot.listWindows().stream()
                .filter(window -> window instanceof Stage stage && "Connecting Salesforce".equals(stage.getTitle()))
                .findFirst().orElseThrow();
        assertThat(robot.from(dialog.getScene().getRoot()).lookup("#optional-settings").queryAs(TitledPane.class)
                .isExpanded()).isTrue();
        assertThat(robot.lookup("#field-is_sandbox").queryAs(CheckBox.class).isSelected()).isFalse();
        assertThat(opened).isEmpty();
    }

    private static Window dialog(FxRobot robot) {
        return dialogs(robot).getFirst();
    }

    private static List<Window> dialogs(FxRobot robot) {
        return dialogs(robot, "Zendesk Support");
    }

    private static List<Window> dialogs(FxRobot robot, String provider) {
        return robot.listWindows().stream()
                .filter(window -> window instanceof Stage dialog && ("Connecting " + provider).equals(dialog.getTitle()))
                .toList();
    }
}
