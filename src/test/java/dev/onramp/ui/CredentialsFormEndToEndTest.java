package dev.onramp.ui;

import static dev.onramp.ui.HubRobot.loadedTile;
import static dev.onramp.ui.HubRobot.status;
import static dev.onramp.ui.HubRobot.chosenTenant;
import static org.assertj.core.api.Assertions.assertThat;

import dev.onramp.model.Connection;
import dev.onramp.ui.common.Screenshots;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javafx.scene.Node;
import javafx.scene.input.KeyCode;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
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

/** Stripe connected through the form generated from its specification, in the whole app in demo mode. */
@ExtendWith(ApplicationExtension.class)
class CredentialsFormEndToEndTest {
    private static final String KEY = "sk_test_onramp_ui_4eC39HqLyjWDarjtT1zdp7dc";

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
    void stripeThroughTheForm_connectsAndKeepsTheKeyOutOfTheDatabaseFile(FxRobot robot) throws Exception {
        Node tile = openStripeForm(robot);
        type(robot, "#field-account_id", "acct_1");
        type(robot, "#field-client_secret", KEY);
        Screenshots.write(dialog(robot).getScene(), "credentials-form-stripe");

        robot.clickOn("#credentials-connect");
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> status(robot, tile).startsWith("Connected · "));
        Screenshots.write(dialog(robot).getScene(), "credentials-connected");
        String headline = HubRobot.done(robot);

        Connection stored = app.context().connect().connections(chosenTenant(robot).id()).getFirst();
        assertThat(stored.accountLabel()).isEqualTo("acct_1");
        assertThat(headline).isEqualTo("Stripe connected — account acct_1, " + stored.streamCount() + " streams");
        assertThat(dialogs(robot)).isEmpty();
        app.close();
        String database = new String(Files.readAllBytes(dataDir.resolve("onramp.mv.db")), StandardCharsets.ISO_8859_1);
        assertThat(database).contains("acct_1").doesNotContain(KEY);
    }

    @Test
    void connectWithEmptyFields_showsWhatIsMissingAndSendsNothing(FxRobot robot) throws Exception {
        openStripeForm(robot);

        robot.clickOn("#credentials-connect");

        assertThat(robot.lookup("#credentials-message").queryAs(Label.class).getText())
                .isEqualTo("Account ID is required. Secret Key is required.");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(robot.lookup("#field-account_id").query().getStyleClass()).contains("error");
        assertThat(robot.lookup("#field-client_secret").query().getStyleClass()).contains("error");
        assertThat(dialogs(robot)).hasSize(1);
        assertThat(app.context().connect().connections(chosenTenant(robot).id())).isEmpty();
        Screenshots.write(dialog(robot).getScene(), "credentials-form-refused");
    }

    @Test
    void aKeyStripeRefuses_saysWhatToCheckAndLeavesTheFormToFix(FxRobot robot) throws Exception {
        openStripeForm(robot);
        type(robot, "#field-account_id", "acct_1");
        type(robot, "#field-client_secret", "nope");

        robot.clickOn("#credentials-connect");
        // The message and the re-enabled button arrive in separate FX events: wait for both.
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> robot.lookup("#credentials-message").queryAs(Label.class)
                .getText().startsWith("Airbyte could not sign in")
                && !robot.lookup("#credentials-connect").queryAs(Button.class).isDisabled());

        assertThat(robot.lookup("#credentials-message").queryAs(Label.class).getText())
                .startsWith("Airbyte could not sign in to Stripe with that key: check the Secret Key.");
        assertThat(robot.lookup("#field-client_secret").queryAs(PasswordField.class).getText()).isEqualTo("nope");
        Screenshots.write(dialog(robot).getScene(), "credentials-form-sign-in-failed");
    }

    @Test
    void shopifyTile_offersItsApiPasswordAsAnotherWayIn(FxRobot robot) throws Exception {
        Node tile = loadedTile(robot, "shopify");

        robot.clickOn(robot.from(tile).lookup(".tile-alternative").queryAs(Node.class));
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> robot.lookup("#field-shop").tryQuery().isPresent());

        @SuppressWarnings("unchecked")
        ComboBox<String> choice = robot.lookup("#choice-credentials").queryAs(ComboBox.class);
        assertThat(choice.getItems()).containsExactly("API Password");
        Node password = robot.lookup("#field-credentials-api_password").query();
        assertThat(password).isInstanceOf(PasswordField.class);
        Screenshots.write(dialog(robot).getScene(), "credentials-form-shopify");
    }

    @Test
    void escape_closesTheFormBeforeConnecting_andClosesTheConnectedPaneAfter(FxRobot robot) throws Exception {
        openStripeForm(robot);
        robot.type(KeyCode.ESCAPE);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> dialogs(robot).isEmpty());

        Node tile = openStripeForm(robot);
        type(robot, "#field-account_id", "acct_1");
        type(robot, "#field-client_secret", KEY);
        robot.clickOn("#credentials-connect");
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> status(robot, tile).startsWith("Connected · "));
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> robot.lookup("#connected-done").queryAll().stream()
                .anyMatch(done -> done.isVisible() && done.getParent().getParent().isVisible()));
        robot.type(KeyCode.ESCAPE);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> dialogs(robot).isEmpty());
    }

    private Node openStripeForm(FxRobot robot) throws TimeoutException {
        Node tile = loadedTile(robot, "stripe");
        robot.clickOn(robot.from(tile).lookup(".connect-button").queryAs(Button.class));
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> robot.lookup("#field-client_secret").tryQuery().isPresent());
        return tile;
    }

    private static void type(FxRobot robot, String query, String text) {
        robot.clickOn(query);
        robot.write(text);
        assertThat(robot.lookup(query).queryAs(TextField.class).getText()).isEqualTo(text);
    }

    private static List<Window> dialogs(FxRobot robot) {
        return robot.listWindows().stream()
                .filter(window -> window instanceof Stage dialog && dialog.getTitle() != null
                        && dialog.getTitle().startsWith("Connect "))
                .toList();
    }

    private static Window dialog(FxRobot robot) {
        return dialogs(robot).getFirst();
    }
}
