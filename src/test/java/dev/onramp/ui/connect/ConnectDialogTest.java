package dev.onramp.ui.connect;

import static org.assertj.core.api.Assertions.assertThat;

import dev.onramp.connect.ConnectListener;
import dev.onramp.connect.ConnectOutcome;
import dev.onramp.model.Connection;
import dev.onramp.model.ConnectionId;
import dev.onramp.model.ConnectionStatus;
import dev.onramp.model.TenantId;
import dev.onramp.connect.ConnectStep;
import dev.onramp.model.FlowState;
import dev.onramp.ui.FxExecutor;
import dev.onramp.ui.common.ConnectedPane;
import dev.onramp.ui.common.Screenshots;
import java.net.URI;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.input.Clipboard;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

@ExtendWith(ApplicationExtension.class)
class ConnectDialogTest {
    private static final URI CONSENT = URI.create("http://127.0.0.1:5555/consent/shopify?state=abcdefg");

    private final List<ScriptedFlow> flows = new CopyOnWriteArrayList<>();
    private final List<String> afterwards = new CopyOnWriteArrayList<>();

    @Start
    void start(Stage stage) {
        stage.setScene(new Scene(new StackPane(), 640, 400));
        stage.show();
        ConnectModel model = new ConnectModel("Shopify", this::startFlow, connection -> {}, Runnable::run, new FxExecutor());
        model.start();
        ConnectDialog.open(stage, model, new ConnectedPane.Next() {
            @Override
            public void viewStreams() {
                afterwards.add("streams");
            }

            @Override
            public void connectAnother() {
                afterwards.add("another");
            }

            @Override
            public void openSettings() {
                afterwards.add("settings");
            }
        });
    }

    private ScriptedFlow startFlow(ConnectListener listener) {
        ScriptedFlow flow = new ScriptedFlow(listener);
        flows.add(flow);
        return flow;
    }

    @Test
    void waitingForConsent_showsTheStepAndTheLinkToCopyWhenTheBrowserDidNotOpen(FxRobot robot) {
        ScriptedFlow flow = flows.getLast();
        flow.listener.onStep(ConnectStep.WAITING_FOR_CONSENT);
        flow.listener.onConsentUrl(CONSENT, false);
        flow.listener.onConsentDeadline(java.time.Instant.now().plusSeconds(300));
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(text(robot, "#connect-time-left")).matches("[45]:\\d\\d left");
        assertThat(robot.lookup("#connect-open-again").query().isVisible()).isTrue();
        assertThat(text(robot, "#connect-step")).isEqualTo("Waiting for you in the browser");
        assertThat(text(robot, "#connect-hint")).isEqualTo("Your browser did not open. Copy this link into it.");
        assertThat(robot.lookup("#connect-link").queryAs(TextField.class).getText()).isEqualTo(CONSENT.toString());
        Screenshots.write(dialog(robot).getScene(), "connect-waiting-for-consent");
    }

    @Test
    void copyLink_putsTheConsentLinkOnTheClipboard(FxRobot robot) throws Exception {
        flows.getLast().listener.onConsentUrl(CONSENT, true);
        WaitForAsyncUtils.waitForFxEvents();

        robot.clickOn("#connect-copy");

        String copied = WaitForAsyncUtils.asyncFx(() -> Clipboard.getSystemClipboard().getString())
                .get(5, TimeUnit.SECONDS);
        assertThat(copied).isEqualTo(CONSENT.toString());
        assertThat(robot.lookup("#connect-copy").queryButton().getText()).isEqualTo("Copied");
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> robot.lookup("#connect-copy").queryButton().getText()
                .equals("Copy link"));
    }

    @Test
    void declinedConsent_showsTheMessageWithCloseAndTryAgain(FxRobot robot) {
        flows.getLast().end(FlowState.FAILED, "You declined access on Shopify");
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(text(robot, "#connect-message")).isEqualTo("You declined access on Shopify");
        assertThat(visible(robot, "Close")).isTrue();
        assertThat(visible(robot, "Try again")).isTrue();
        assertThat(visible(robot, "Cancel")).isFalse();
        Screenshots.write(dialog(robot).getScene(), "connect-declined");
    }

    @Test
    void anAirbyteThatCouldNotBeReached_offersOpenSettings(FxRobot robot) {
        assertThat(robot.lookup("#connect-open-settings").query().isVisible()).isFalse();
        flows.getLast().end(FlowState.FAILED, "Onramp could not reach Airbyte at http://127.0.0.1:9/api. Check that it"
                + " is running and that the address is right.");
        WaitForAsyncUtils.waitForFxEvents();

        robot.clickOn("#connect-open-settings");

        assertThat(afterwards).containsExactly("settings");
        assertThat(robot.listWindows()).noneMatch(w -> w.isShowing() && "Connecting Shopify".equals(title(w)));
    }

    @Test
    void tryAgain_startsAnotherFlowAndShowsProgressAgain(FxRobot robot) {
        flows.getLast().end(FlowState.FAILED, "You declined access on Shopify");
        WaitForAsyncUtils.waitForFxEvents();

        robot.clickOn("Try again");

        assertThat(flows).hasSize(2);
        assertThat(text(robot, "#connect-step")).isEqualTo("Preparing the connection");
        assertThat(robot.lookup("#connect-message").query().isVisible()).isFalse();
    }

    @Test
    void connected_saysWhichAccountWithHowManyStreams_andOffersDoneViewStreamsAndConnectAnother(FxRobot robot) {
        List<String> streams = java.util.stream.IntStream.rangeClosed(1, 11).mapToObj(i -> "stream" + i).toList();
        flows.getLast().complete(new ConnectOutcome.Connected(flows.getLast().id(), new Connection(ConnectionId.random(),
                TenantId.random(), "shopify", "source-1", "acme-shop", ConnectionStatus.ACTIVE, streams,
                java.time.Instant.now(), java.util.Optional.empty(), java.util.Optional.empty())));
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(text(robot, "#connected-headline")).isEqualTo("Shopify connected — account acme-shop, 11 streams");
        assertThat(robot.lookup("#connected-done").queryButton().isVisible()).isTrue();
        assertThat(robot.lookup("#connected-streams").queryButton().isVisible()).isTrue();
        assertThat(visible(robot, "Cancel")).isFalse();
        Screenshots.write(dialog(robot).getScene(), "connect-connected");

        robot.clickOn("#connected-another");

        assertThat(afterwards).containsExactly("another");
        assertThat(robot.listWindows()).noneMatch(w -> w.isShowing() && "Connecting Shopify".equals(title(w)));
    }

    @Test
    void cancel_cancelsTheFlowAndClosesTheDialog(FxRobot robot) {
        robot.clickOn("Cancel");

        assertThat(flows.getLast().cancelled()).isTrue();
        assertThat(robot.listWindows()).noneMatch(w -> w.isShowing() && "Connecting Shopify".equals(title(w)));
    }

    private static String text(FxRobot robot, String query) {
        return robot.lookup(query).queryAs(Label.class).getText();
    }

    private static boolean visible(FxRobot robot, String buttonText) {
        Node button = robot.lookup(buttonText).query();
        return button.isVisible();
    }

    private static Stage dialog(FxRobot robot) {
        return (Stage) robot.listWindows().stream()
                .filter(w -> "Connecting Shopify".equals(title(w)))
                .findFirst()
                .orElseThrow();
    }

    private static String title(Window window) {
        return window instanceof Stage stage ? stage.getTitle() : "";
    }
}
