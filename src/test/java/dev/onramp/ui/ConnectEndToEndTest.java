package dev.onramp.ui;

import static dev.onramp.ui.HubRobot.loadedTile;
import static dev.onramp.ui.HubRobot.status;
import static dev.onramp.ui.HubRobot.chosenTenant;
import static org.assertj.core.api.Assertions.assertThat;

import dev.onramp.model.Connection;
import dev.onramp.testing.ScriptedBrowser;
import dev.onramp.testing.ScriptedBrowser.Decision;
import dev.onramp.ui.common.Screenshots;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
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

/** The whole app in demo mode: hub, connect dialog, the simulator's consent page, and the store on disk. */
@ExtendWith(ApplicationExtension.class)
class ConnectEndToEndTest {
    @TempDir
    Path dataDir;

    /** The person at the browser; each test says whether they allow or deny. */
    private volatile ScriptedBrowser browser;

    private AppUnderTest app;
    private Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        app = AppUnderTest.start(dataDir, url -> browser.open(url));
        AppUnderTest.showHub(stage, app.services());
    }

    @AfterEach
    void closeApp() throws Exception {
        app.closeAfterHiding(stage);
    }

    @Test
    void allowingMailchimp_connectsShowsTheStreamsAndKeepsNoSecretInTheDatabaseFile(FxRobot robot) throws Exception {
        browser = new ScriptedBrowser(Decision.ALLOW);
        Node tile = loadedTile(robot, "mailchimp");

        robot.clickOn(robot.from(tile).lookup(".connect-button").queryAs(Button.class));
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> status(robot, tile).startsWith("Connected · "));
        String headline = HubRobot.done(robot);

        Connection stored = app.context().connect().connections(chosenTenant(robot).id()).getFirst();
        assertThat(stored.streams()).isNotEmpty();
        assertThat(headline).isEqualTo("Mailchimp connected — " + stored.streamCount() + " streams");
        assertThat(status(robot, tile)).isEqualTo("Connected · " + stored.streamCount() + " streams");
        assertThat(dialogs(robot, "Connecting Mailchimp")).isEmpty();
        Screenshots.write(stage.getScene(), "hub-mailchimp-connected");

        // The tile's streams button comes with the connection; bring the tile into view again, as a person would.
        WaitForAsyncUtils.waitForFxEvents();
        Node connected = loadedTile(robot, "mailchimp");
        robot.clickOn(robot.from(connected).lookup(".streams-button").queryAs(Button.class));
        ListView<String> streams = robot.lookup("#streams-list").queryListView();
        assertThat(streams.getItems()).containsExactlyElementsOf(stored.streams());
        Screenshots.write(streams.getScene(), "streams-dialog");

        Set<String> secrets = app.context().simulator().orElseThrow().issuedSecrets();
        app.close();
        byte[] database = Files.readAllBytes(dataDir.resolve("onramp.mv.db"));
        assertThat(secrets).isNotEmpty();
        assertThat(secrets).allSatisfy(secret -> assertThat(contains(database, secret.getBytes(StandardCharsets.UTF_8)))
                .as("the database file holds an issued secret in clear").isFalse());
    }

    @Test
    void denyingHubSpot_saysAccessWasDeclinedAndStoresNoConnection(FxRobot robot) throws Exception {
        browser = new ScriptedBrowser(Decision.DENY);
        Node tile = loadedTile(robot, "hubspot");

        robot.clickOn(robot.from(tile).lookup(".connect-button").queryAs(Button.class));
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> robot.lookup("#connect-message").tryQuery()
                .map(message -> message.isVisible()).orElse(false));
        WaitForAsyncUtils.waitForFxEvents(); // the rest of the dialog's update runs in the same FX event

        assertThat(robot.lookup("#connect-message").queryAs(Label.class).getText())
                .startsWith("You declined access on HubSpot");
        assertThat(robot.lookup("Try again").query().isVisible()).isTrue();
        Screenshots.write(dialogs(robot, "Connecting HubSpot").getFirst().getScene(), "connect-declined-hubspot");
        robot.clickOn("Close");
        assertThat(app.context().connect().connections(chosenTenant(robot).id())).isEmpty();
        assertThat(status(robot, tile)).isEmpty();
        assertThat(robot.from(tile).lookup(".connect-button").query().isVisible()).isTrue();
    }

    @Test
    void connectingShopify_endsAtOnceNamingTheAccessTokenWayIn_andOpensNoBrowser(FxRobot robot) throws Exception {
        browser = new ScriptedBrowser(Decision.ALLOW);
        Node tile = loadedTile(robot, "shopify");

        robot.clickOn(robot.from(tile).lookup(".connect-button").queryAs(Button.class));
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> robot.lookup("#connect-message").tryQuery()
                .map(message -> message.isVisible()).orElse(false));
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(robot.lookup("#connect-message").queryAs(Label.class).getText()).isEqualTo("Airbyte signs Shopify"
                + " in only through its own Shopify app (cloud.airbyte.com), whose answer goes to Airbyte, not back to"
                + " Onramp: connect Shopify with an access token or API key instead.");
        assertThat(robot.lookup("Try again").tryQuery().map(Node::isVisible).orElse(false))
                .as("another attempt would end the same way").isFalse();
        Screenshots.write(dialogs(robot, "Connecting Shopify").getFirst().getScene(), "connect-shopify-not-offered");
        assertThat(browser.openedUrls()).isEmpty();
        robot.clickOn("Close");
        assertThat(app.context().connect().connections(chosenTenant(robot).id())).isEmpty();
        Screenshots.write(stage.getScene(), "hub-shopify-tile");
    }

    private static List<Window> dialogs(FxRobot robot, String title) {
        return robot.listWindows().stream()
                .filter(window -> window instanceof Stage dialog && title.equals(dialog.getTitle()))
                .toList();
    }

    private static boolean contains(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= haystack.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return true;
        }
        return false;
    }
}
