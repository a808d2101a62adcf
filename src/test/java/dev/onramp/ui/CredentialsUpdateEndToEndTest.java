package dev.onramp.ui;

import static dev.onramp.ui.HubRobot.chosenTenant;
import static dev.onramp.ui.HubRobot.loadedTile;
import static dev.onramp.ui.HubRobot.status;
import static org.assertj.core.api.Assertions.assertThat;

import dev.onramp.demo.AirbyteSimulator;
import dev.onramp.model.AuditEvent;
import dev.onramp.model.Connection;
import dev.onramp.ui.common.Screenshots;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.control.TextField;
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
 * A Stripe connection made through its form gets a new key through "Update credentials…", in the
 * whole app in demo mode: the form opens filled, the key's field empty with its prompt, and the
 * source in the built-in Airbyte keeps its id.
 */
@ExtendWith(ApplicationExtension.class)
class CredentialsUpdateEndToEndTest {
    private static final String FIRST_KEY = "sk_test_onramp_ui_first_4eC39HqLyjWDarj";
    private static final String NEW_KEY = "sk_test_onramp_ui_second_8hW2kPzQ5rNvTm";

    @TempDir
    Path dataDir;

    private AppUnderTest app;

    @Start
    void start(Stage stage) {
        app = AppUnderTest.start(dataDir, url -> {
            throw new AssertionError("a credentials flow never opens the browser");
        });
        AppUnderTest.showHub(stage, app.services());
    }

    @AfterEach
    void closeApp() {
        app.close();
    }

    @Test
    void updateCredentialsOnTheTile_opensTheFormFilled_andANewKeyKeepsTheSource(FxRobot robot) throws Exception {
        Node tile = connectStripe(robot);
        Connection connected = connection(robot);
        Screenshots.write(tile.getScene(), "hub-stripe-update-credentials");

        robot.clickOn(robot.from(tile).lookup(".tile-update-credentials").queryAs(Hyperlink.class));
        Window dialog = awaitUpdateDialog(robot);

        assertThat(robot.lookup("#field-account_id").queryAs(TextField.class).getText()).isEqualTo("acct_1");
        PasswordField key = robot.lookup("#field-client_secret").queryAs(PasswordField.class);
        assertThat(key.getText()).isEmpty();
        assertThat(key.getPromptText()).isEqualTo("Leave empty to keep the current one");
        assertThat(robot.lookup(".field-label").queryAllAs(Label.class)).extracting(Label::getText)
                .contains("Account ID *", "Secret Key");
        assertThat(robot.lookup("#credentials-update").queryAs(Button.class).getText()).isEqualTo("Update");
        Screenshots.write(dialog.getScene(), "credentials-update-stripe");

        robot.clickOn("#field-client_secret");
        robot.write(NEW_KEY);
        robot.clickOn("#credentials-update");
        assertThat(HubRobot.done(robot)).startsWith("Stripe updated — account acct_1, ");
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> updateDialogs(robot).isEmpty());

        Connection updated = connection(robot);
        assertThat(updated.id()).isEqualTo(connected.id());
        assertThat(updated.sourceId()).isEqualTo(connected.sourceId());
        assertThat(status(robot, tile)).startsWith("Connected · ");
        AirbyteSimulator airbyte = app.context().simulator().orElseThrow();
        assertThat(airbyte.sourceIds()).containsExactly(connected.sourceId());
        assertThat(airbyte.sourceConfiguration(connected.sourceId()).orElseThrow().path("client_secret").asText())
                .isEqualTo(NEW_KEY);
        assertThat(app.context().audit().list(chosenTenant(robot).id())).extracting(AuditEvent::action)
                .contains("connection.credentials-updated");
    }

    @Test
    void updateCredentialsInTheStreamsDialog_opensTheSameForm_andAnEmptyKeyKeepsTheStoredOne(FxRobot robot)
            throws Exception {
        Node tile = connectStripe(robot);
        Connection connected = connection(robot);

        robot.clickOn(robot.from(tile).lookup(".streams-button").queryAs(Button.class));
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS,
                () -> robot.lookup("#streams-update-credentials").tryQuery().isPresent());
        Screenshots.write(robot.lookup("#streams-update-credentials").query().getScene(), "streams-update-credentials");
        robot.clickOn("#streams-update-credentials");
        awaitUpdateDialog(robot);
        robot.interact(() -> robot.lookup("#field-account_id").queryAs(TextField.class).clear());
        robot.clickOn("#field-account_id");
        robot.write("acct_2");
        robot.clickOn("#credentials-update");
        HubRobot.done(robot);
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> updateDialogs(robot).isEmpty());

        Connection updated = connection(robot);
        assertThat(updated.sourceId()).isEqualTo(connected.sourceId());
        assertThat(updated.accountLabel()).isEqualTo("acct_2");
        assertThat(app.context().simulator().orElseThrow().sourceConfiguration(connected.sourceId()).orElseThrow()
                .path("client_secret").asText()).isEqualTo(FIRST_KEY);
    }

    @Test
    void aKeyStripeRefuses_saysSoInTheDialog_andTheSourceKeepsItsKey(FxRobot robot) throws Exception {
        Node tile = connectStripe(robot);
        Connection connected = connection(robot);
        robot.clickOn(robot.from(tile).lookup(".tile-update-credentials").queryAs(Hyperlink.class));
        Window dialog = awaitUpdateDialog(robot);

        robot.clickOn("#field-client_secret");
        robot.write("nope nope");
        robot.clickOn("#credentials-update");
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> robot.lookup("#credentials-message")
                .queryAs(Label.class).getText().startsWith("Airbyte could not sign in")
                && !robot.lookup("#credentials-update").queryAs(Button.class).isDisabled());

        assertThat(robot.lookup("#credentials-message").queryAs(Label.class).getText())
                .endsWith("The connection keeps its current credentials.");
        assertThat(app.context().simulator().orElseThrow().sourceConfiguration(connected.sourceId()).orElseThrow()
                .path("client_secret").asText()).isEqualTo(FIRST_KEY);
        assertThat(connection(robot)).isEqualTo(connected);
        Screenshots.write(dialog.getScene(), "credentials-update-refused");
    }

    /** Connects Stripe through its form, as a person would, and returns its tile. */
    private Node connectStripe(FxRobot robot) throws TimeoutException {
        Node tile = loadedTile(robot, "stripe");
        robot.clickOn(robot.from(tile).lookup(".connect-button").queryAs(Button.class));
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> robot.lookup("#field-client_secret").tryQuery().isPresent());
        robot.clickOn("#field-account_id");
        robot.write("acct_1");
        robot.clickOn("#field-client_secret");
        robot.write(FIRST_KEY);
        robot.clickOn("#credentials-connect");
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> status(robot, tile).startsWith("Connected · ")
                && robot.from(tile).lookup(".tile-update-credentials").tryQuery().filter(Node::isVisible).isPresent());
        HubRobot.done(robot);
        HubRobot.showTile(robot, tile);
        return tile;
    }

    private Connection connection(FxRobot robot) {
        List<Connection> connections = app.context().connect().connections(chosenTenant(robot).id());
        assertThat(connections).hasSize(1);
        return connections.getFirst();
    }

    private static Window awaitUpdateDialog(FxRobot robot) throws TimeoutException {
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> !updateDialogs(robot).isEmpty()
                && robot.lookup("#field-client_secret").tryQuery().isPresent());
        return updateDialogs(robot).getFirst();
    }

    private static List<Window> updateDialogs(FxRobot robot) {
        return robot.listWindows().stream()
                .filter(window -> window instanceof Stage dialog && "Update Stripe credentials".equals(dialog.getTitle()))
                .toList();
    }
}
