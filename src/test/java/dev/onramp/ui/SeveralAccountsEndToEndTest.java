package dev.onramp.ui;

import static dev.onramp.ui.HubRobot.chosenTenant;
import static dev.onramp.ui.HubRobot.loadedTile;
import static dev.onramp.ui.HubRobot.status;
import static org.assertj.core.api.Assertions.assertThat;

import dev.onramp.model.Connection;
import dev.onramp.ui.common.Screenshots;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The whole app in demo mode: Add another account on a connected tile, the question when the
 * account is one the business already has, and the tile's choice between its accounts.
 */
@ExtendWith(ApplicationExtension.class)
class SeveralAccountsEndToEndTest {
    private static final String KEY = "sk_test_onramp_several_accounts_ui_01";

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
        app.closeAfterHiding(stage);
    }

    private void typeStripe(FxRobot robot, String account) throws TimeoutException {
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> robot.lookup("#field-client_secret").tryQuery().isPresent());
        robot.clickOn("#field-account_id").write(account);
        robot.clickOn("#field-client_secret").write(KEY);
        robot.clickOn("#credentials-connect");
    }

    @Test
    void addingTheSameStripeAccountAgain_asksFirst_andConnectAgainAddsASecondAccountTheTileCanChoose(FxRobot robot)
            throws Exception {
        Node tile = loadedTile(robot, "stripe");
        robot.clickOn(robot.from(tile).lookup(".connect-button").queryAs(Button.class));
        typeStripe(robot, "acct_1");
        HubRobot.done(robot);
        HubRobot.showTile(robot, tile);

        robot.clickOn(robot.from(tile).lookup(".tile-add-account").queryAs(Hyperlink.class));
        typeStripe(robot, "acct_1");
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> robot.lookup("#credentials-duplicate").tryQuery()
                .filter(Node::isVisible).isPresent());

        Label question = robot.lookup("#credentials-duplicate").queryAs(Label.class);
        assertThat(question.getText()).isEqualTo(
                "Demo Coffee Roasters' Stripe account acct_1 is already connected — connect it again?");
        assertThat(app.context().connect().connections(chosenTenant(robot).id())).hasSize(1);
        Screenshots.write(question.getScene(), "credentials-duplicate");

        robot.clickOn("#credentials-connect-again");
        assertThat(HubRobot.done(robot)).startsWith("Stripe connected — account acct_1 2, ");

        assertThat(app.context().connect().connections(chosenTenant(robot).id())).extracting(Connection::accountLabel)
                .containsExactlyInAnyOrder("acct_1", "acct_1 2");
        HubRobot.showTile(robot, tile);
        @SuppressWarnings("unchecked")
        ComboBox<String> accounts = robot.from(tile).lookup(".tile-accounts").queryAs(ComboBox.class);
        assertThat(accounts.isVisible()).isTrue();
        assertThat(accounts.getItems()).containsExactlyInAnyOrder("acct_1", "acct_1 2");
        robot.interact(() -> accounts.setValue("acct_1"));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(accounts.getValue()).isEqualTo("acct_1");
        assertThat(status(robot, tile)).startsWith("Connected · ");
        Screenshots.write(stage.getScene(), "tile-several-accounts");

        robot.clickOn(robot.from(tile).lookup(".streams-button").queryAs(Button.class));
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> robot.lookup("#streams-rename").tryQuery().isPresent());
        robot.clickOn("#streams-rename");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> robot.lookup("#rename-account").tryQuery().isPresent());
        javafx.scene.control.TextField field = robot.lookup("#rename-account .text-field")
                .queryAs(javafx.scene.control.TextField.class);
        robot.interact(() -> field.setText("Main account"));
        Screenshots.write(field.getScene(), "rename-account");
        robot.clickOn("OK");
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> accounts.getItems().contains("Main account"));

        assertThat(app.context().connect().connections(chosenTenant(robot).id())).extracting(Connection::accountLabel)
                .containsExactlyInAnyOrder("Main account", "acct_1 2");
    }
}
