package dev.onramp.ui.connect;

import static org.assertj.core.api.Assertions.assertThat;

import dev.onramp.catalog.Catalog;
import dev.onramp.catalog.ConnectorSpecs;
import dev.onramp.connect.ConnectListener;
import dev.onramp.connect.ConnectStep;
import dev.onramp.connect.ConsentInputs;
import dev.onramp.connect.form.FormValues;
import dev.onramp.model.FlowState;
import dev.onramp.ui.FxExecutor;
import dev.onramp.ui.common.ConnectedPane;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import dev.onramp.ui.common.WindowLanguage;
import java.util.Locale;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The connect dialog in German: its title, the fields asked first, every step, the countdown and its buttons. */
@ExtendWith(ApplicationExtension.class)
class ConnectDialogGermanTest {
    private static final Catalog CATALOG = Catalog.bundled();
    private static final ConsentInputs INPUTS = new ConsentInputs(CATALOG, ConnectorSpecs.bundled(CATALOG));
    private static final URI CONSENT = URI.create("http://127.0.0.1:5555/consent/shopify?state=abcdefg");

    private final List<ScriptedFlow> flows = new CopyOnWriteArrayList<>();
    private Stage owner;
    @RegisterExtension
    final WindowLanguage german = WindowLanguage.german();

    @Start
    void start(Stage stage) {
        owner = stage;
        stage.setScene(new Scene(new StackPane(), 640, 400));
        stage.show();
    }


    private ScriptedFlow startFlow(ConnectListener listener) {
        ScriptedFlow flow = new ScriptedFlow(listener);
        flows.add(flow);
        return flow;
    }

    private ScriptedFlow startFlow(FormValues values, ConnectListener listener) {
        return startFlow(listener);
    }

    private ConnectModel open(java.util.function.Supplier<ConnectModel> models) throws Exception {
        ConnectModel model = WaitForAsyncUtils.asyncFx(() -> {
            ConnectModel built = models.get();
            built.start();
            ConnectDialog.open(owner, built, ConnectedPane.Next.NONE);
            return built;
        }).get(10, TimeUnit.SECONDS);
        WaitForAsyncUtils.waitForFxEvents();
        return model;
    }

    @Test
    void aSignIn_namesItsStepsTheCountdownAndItsButtonsInGerman(FxRobot robot) throws Exception {
        open(() -> new ConnectModel("Shopify", this::startFlow, connection -> {}, Runnable::run, new FxExecutor()));

        assertThat(titles(robot)).contains("Shopify wird verbunden");
        assertThat(text(robot, "#connect-step")).isEqualTo("Verbindung wird vorbereitet");
        assertThat(button(robot, "Abbrechen").isVisible()).isTrue();

        ScriptedFlow flow = flows.getLast();
        flow.listener.onStep(ConnectStep.WAITING_FOR_CONSENT);
        flow.listener.onConsentUrl(CONSENT, false);
        flow.listener.onConsentDeadline(Instant.now().plusSeconds(300));
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(text(robot, "#connect-step")).isEqualTo("Warten auf Sie im Browser");
        assertThat(text(robot, "#connect-hint"))
                .isEqualTo("Ihr Browser hat sich nicht geöffnet. Kopieren Sie diesen Link hinein.");
        assertThat(text(robot, "#connect-time-left")).matches("noch [45]:\\d\\d");
        assertThat(robot.lookup("#connect-copy").queryButton().getText()).isEqualTo("Link kopieren");
        assertThat(robot.lookup("#connect-open-again").queryButton().getText()).isEqualTo("Browser erneut öffnen");
        assertThat(robot.lookup("#connect-link").query().getAccessibleText()).isEqualTo("Anmeldelink");

        flow.listener.onStep(ConnectStep.CREATING_SOURCE);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(text(robot, "#connect-step")).isEqualTo("Quelle wird in Airbyte angelegt");

        flow.end(FlowState.FAILED, "You declined access on Shopify");
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(button(robot, "Schließen").isVisible()).isTrue();
        assertThat(button(robot, "Erneut versuchen").isVisible()).isTrue();
        assertThat(button(robot, "Abbrechen").isVisible()).isFalse();
    }

    @Test
    void aProviderThatAsksFirst_introducesItsFieldsAndContinuesToTheSignInInGerman(FxRobot robot) throws Exception {
        ConnectModel model = open(() -> new ConnectModel("Zendesk Support", INPUTS.form("zendesk-support"),
                this::startFlow, connection -> {}, Runnable::run, new FxExecutor()));

        assertThat(titles(robot)).contains("Zendesk Support wird verbunden");
        assertThat(robot.lookup("#connect-inputs .hint").queryAs(Label.class).getText()).isEqualTo(
                "Zendesk Support braucht diese Angaben, bevor Onramp die Anmeldeseite in Ihrem Browser öffnet.");
        assertThat(robot.lookup("#connect-continue").queryButton().getText()).isEqualTo("Weiter zur Anmeldung");
        assertThat(robot.lookup("#connect-continue").queryButton().isVisible()).isTrue();

        WaitForAsyncUtils.asyncFx(() -> model.inputs().orElseThrow().value("subdomain").set("acme"))
                .get(10, TimeUnit.SECONDS);
        robot.clickOn("#connect-continue");

        assertThat(flows).hasSize(1);
        assertThat(text(robot, "#connect-step")).isEqualTo("Verbindung wird vorbereitet");
    }

    @Test
    void theCountdownReadsInEveryLanguage() {
        Instant deadline = Instant.parse("2026-12-07T10:05:00Z");

        assertThat(ConnectModel.timeLeft(deadline, deadline.minusSeconds(252))).isEqualTo("noch 4:12");
        Locale.setDefault(Locale.Category.DISPLAY, Locale.FRENCH);
        assertThat(ConnectModel.timeLeft(deadline, deadline.minusSeconds(9))).isEqualTo("il reste 0:09");
        Locale.setDefault(Locale.Category.DISPLAY, Locale.ENGLISH);
        assertThat(ConnectModel.timeLeft(deadline, deadline.plusSeconds(3))).isEqualTo("0:00 left");
    }

    private static String text(FxRobot robot, String query) {
        return robot.lookup(query).queryAs(Label.class).getText();
    }

    private static Button button(FxRobot robot, String text) {
        return robot.lookup(node -> node instanceof Button b && text.equals(b.getText())).queryButton();
    }

    private static List<String> titles(FxRobot robot) {
        return robot.listWindows().stream().filter(Window::isShowing)
                .map(w -> w instanceof Stage stage ? stage.getTitle() : "").toList();
    }
}
