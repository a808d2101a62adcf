package dev.onramp.ui;

import static dev.onramp.ui.common.KeyboardWalk.announced;
import static dev.onramp.ui.common.KeyboardWalk.closesWith;
import static dev.onramp.ui.common.KeyboardWalk.dialogOver;
import static dev.onramp.ui.common.KeyboardWalk.onFx;
import static org.assertj.core.api.Assertions.assertThat;

import dev.onramp.model.Connection;
import dev.onramp.testing.ScriptedBrowser;
import dev.onramp.testing.ScriptedBrowser.Decision;
import dev.onramp.ui.common.Announcer;
import dev.onramp.ui.common.KeyboardWalk;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javafx.scene.AccessibleRole;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Label;
import javafx.scene.input.KeyCode;
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
 * The whole app in demo mode tells screen readers of its status changes: each window's announcer (an unseen
 * label, role text, id "announcer") says how a connect ended, what the hub's progress line now says, a check
 * that finds a connection needs attention, and a form closed before it connected; in the window's language.
 */
@ExtendWith(ApplicationExtension.class)
class AnnouncementsTest {
    @TempDir
    Path dataDir;

    private final Locale before = Locale.getDefault(Locale.Category.DISPLAY);
    private AppUnderTest app;
    private Stage stage;
    /** What the person at the consent page presses. */
    private volatile Decision decision = Decision.ALLOW;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        app = AppUnderTest.start(dataDir, url -> new ScriptedBrowser(decision).open(url));
    }

    @AfterEach
    void closeAppAndSpeakAsBefore() throws Exception {
        try {
            WaitForAsyncUtils.asyncFx(() -> List.copyOf(Window.getWindows()).stream().filter(w -> w != stage)
                    .forEach(Window::hide)).get(10, TimeUnit.SECONDS);
            app.closeAfterHiding(stage);
        } finally {
            Locale.setDefault(Locale.Category.DISPLAY, before);
        }
    }

    private void showHub(FxRobot robot, Locale language) {
        Locale.setDefault(Locale.Category.DISPLAY, language);
        robot.interact(() -> AppUnderTest.showHub(stage, app.services()));
    }

    /** Connects the provider through its tile and returns the dialog, showing what was connected (before Done). */
    private Window connect(FxRobot robot, String providerId) throws TimeoutException {
        Node tile = HubRobot.loadedTile(robot, providerId);
        robot.clickOn(robot.from(tile).lookup(".connect-button").queryAs(Button.class));
        Window dialog = dialogOver(stage);
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> onFx(() -> KeyboardWalk.shown(
                dialog.getScene().lookup("#connected-done"))));
        WaitForAsyncUtils.waitForFxEvents();
        return dialog;
    }

    private static String headline(Window dialog) {
        return onFx(() -> ((Label) dialog.getScene().lookup("#connected-headline")).getText());
    }

    @Test
    void aConnectThroughTheSimulator_isAnnouncedInItsDialog_andTheHubAnnouncesItsNewProgress(FxRobot robot)
            throws Exception {
        showHub(robot, Locale.ENGLISH);
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> announced(stage)
                .equals("0 of 10 recommended sources connected"));

        Window dialog = connect(robot, "mailchimp");

        assertThat(announced(dialog)).startsWith("Mailchimp connected — ").isEqualTo(headline(dialog));
        Node announcer = onFx(() -> dialog.getScene().lookup("#announcer"));
        assertThat(onFx(announcer::getAccessibleRole)).isEqualTo(AccessibleRole.TEXT);
        assertThat(onFx(() -> announcer.isVisible() && announcer.getOpacity() == 0 && !announcer.isManaged()
                && !announcer.isFocusTraversable())).as("seen by screen readers, not by the eye").isTrue();
        assertThat(onFx(() -> dialog.getScene().getFocusOwner().getId())).isEqualTo("connected-done");
        closesWith(robot, dialog, KeyCode.ENTER);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> announced(stage)
                .equals("1 of 10 recommended sources connected"));
        assertThat(app.context().connect().connections(HubRobot.chosenTenant(robot).id())).as("Enter pressed Done")
                .hasSize(1);
    }

    @Test
    void aConnectThroughTheSimulator_isAnnouncedInGerman_onAGermanSystem(FxRobot robot) throws Exception {
        showHub(robot, Locale.GERMAN);
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> announced(stage)
                .equals("0 von 10 empfohlenen Quellen verbunden"));

        Window dialog = connect(robot, "mailchimp");

        assertThat(announced(dialog)).startsWith("Mailchimp verbunden — ").isEqualTo(headline(dialog));
        closesWith(robot, dialog, KeyCode.ENTER);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> announced(stage)
                .equals("1 von 10 empfohlenen Quellen verbunden"));
    }

    @Test
    void aSignInRefusedAtTheConsentPage_isAnnouncedInTheConnectDialog(FxRobot robot) throws Exception {
        decision = Decision.DENY;
        showHub(robot, Locale.ENGLISH);
        Node tile = HubRobot.loadedTile(robot, "hubspot");
        robot.clickOn(robot.from(tile).lookup(".connect-button").queryAs(Button.class));
        Window dialog = dialogOver(stage);
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> onFx(() -> KeyboardWalk.shown(
                dialog.getScene().lookup("#connect-message"))));
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(announced(dialog)).isNotBlank()
                .isEqualTo(onFx(() -> ((Label) dialog.getScene().lookup("#connect-message")).getText()));
        closesWith(robot, dialog, KeyCode.ESCAPE);
        assertThat(app.context().connect().connections(HubRobot.chosenTenant(robot).id())).isEmpty();
    }

    @Test
    void aCheckThatFindsTheSignInExpired_isAnnouncedByTheHub(FxRobot robot) throws Exception {
        showHub(robot, Locale.ENGLISH);
        closesWith(robot, connect(robot, "hubspot"), KeyCode.ENTER);
        Connection hubspot = app.context().connect().connections(HubRobot.chosenTenant(robot).id()).getFirst();
        app.context().simulator().orElseThrow().expireSourceTokens(hubspot.sourceId());
        List<String> said = heard(stage);

        Node tile = HubRobot.loadedTile(robot, "hubspot");
        Hyperlink checkNow = robot.from(tile).lookup(".check-now").queryAs(Hyperlink.class);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> !checkNow.isDisabled());
        HubRobot.showTile(robot, tile);
        robot.clickOn(checkNow);
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> HubRobot.status(robot, tile).startsWith("Needs reconnecting"));
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(said).containsOnlyOnce("HubSpot needs attention: Needs reconnecting");
    }

    @Test
    void aCredentialsFormsProblem_isAnnouncedInIt_andClosingItUnconnected_isAnnouncedByTheHub(FxRobot robot)
            throws Exception {
        showHub(robot, Locale.ENGLISH);
        Node stripe = HubRobot.loadedTile(robot, "stripe");
        robot.clickOn(robot.from(stripe).lookup(".connect-button").queryAs(Button.class));
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> robot.lookup("#credentials-connect").tryQuery()
                .map(button -> !button.isDisabled()).orElse(false));
        Window form = dialogOver(stage);

        robot.clickOn("#credentials-connect");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> !robot.lookup("#credentials-message").queryAs(Label.class)
                .getText().isEmpty());
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(announced(form)).isNotBlank()
                .isEqualTo(robot.lookup("#credentials-message").queryAs(Label.class).getText());

        closesWith(robot, form, KeyCode.ESCAPE);
        assertThat(announced(stage)).isEqualTo("Connecting Stripe was cancelled; nothing was connected.");
    }

    /** Everything the window's announcer says from now on, in order (each accessible text it takes). */
    private static List<String> heard(Window window) {
        List<String> said = new CopyOnWriteArrayList<>();
        onFx(() -> {
            Node announcer = window.getScene().getRoot().lookup("#" + Announcer.ID);
            announcer.accessibleTextProperty().subscribe((was, is) -> said.add(is));
            return null;
        });
        return said;
    }
}
