package dev.onramp.ui;

import static dev.onramp.ui.HubRobot.loadedTile;
import static dev.onramp.ui.HubRobot.status;
import static org.assertj.core.api.Assertions.assertThat;

import dev.onramp.business.TenantService;
import dev.onramp.model.Tenant;
import dev.onramp.testing.MutableClock;
import dev.onramp.testing.ScriptedBrowser;
import dev.onramp.testing.ScriptedBrowser.Decision;
import dev.onramp.ui.common.Screenshots;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.OptionalInt;
import java.util.concurrent.TimeUnit;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
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
 * The kiosk's demo reset in the window: Demo → Reset demo… with its confirmation, and the idle reset's
 * countdown over the hub, driven by a fake clock.
 */
@ExtendWith(ApplicationExtension.class)
class DemoResetEndToEndTest {
    @TempDir
    Path dataDir;

    private Stage stage;
    private AppUnderTest app;

    @Start
    void start(Stage stage) {
        this.stage = stage;
    }

    @AfterEach
    void closeApp() throws Exception {
        WaitForAsyncUtils.asyncFx(() -> List.copyOf(Window.getWindows()).forEach(Window::hide)).get(10, TimeUnit.SECONDS);
        WaitForAsyncUtils.waitForFxEvents();
        if (app != null) {
            app.close();
        }
    }

    /** Starts the app with a second business, Acme Outdoor, which the hub opens on. */
    private Tenant startWithTwoBusinesses() {
        app = AppUnderTest.start(dataDir, url -> new ScriptedBrowser(Decision.ALLOW).open(url));
        app.context().tenants().tenantsCreatingDemoIfNone();
        Tenant acme = app.context().tenants().create("Acme Outdoor", "online-store");
        app.context().tenants().markUsed(acme.id());
        return acme;
    }

    @SuppressWarnings("unchecked")
    private static List<String> businessesListed(FxRobot robot) {
        return ((ComboBox<Tenant>) robot.lookup("#business-chooser").query()).getItems().stream().map(Tenant::name)
                .toList();
    }

    private static boolean showsOnlyTheSample(FxRobot robot) {
        Tenant chosen = HubRobot.chosenTenant(robot);
        return chosen != null && chosen.name().equals(TenantService.DEMO_NAME)
                && businessesListed(robot).equals(List.of(TenantService.DEMO_NAME));
    }

    private static boolean overlayShown(FxRobot robot) {
        return robot.lookup("#idle-reset-overlay").query().isVisible();
    }

    private static String overlayText(FxRobot robot) {
        return robot.lookup("#idle-reset-message").queryAs(Label.class).getText();
    }

    @Test
    void resetDemoFromTheMenu_asksWithWhatGoes_thenTheHubShowsAFreshDemoCoffeeRoasters(FxRobot robot) throws Exception {
        Tenant acme = startWithTwoBusinesses();
        robot.interact(() -> AppUnderTest.showHub(stage, app.services()));
        Node tile = loadedTile(robot, "hubspot");
        assertThat(HubRobot.chosenTenant(robot)).isEqualTo(acme);
        robot.clickOn(robot.from(tile).lookup(".connect-button").queryAs(Button.class));
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> status(robot, tile).startsWith("Connected · "));
        HubRobot.done(robot);
        assertThat(app.context().simulator().orElseThrow().sourceIds()).hasSize(1);

        robot.clickOn("Demo");
        robot.clickOn("Reset demo…");
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> robot.lookup("#demo-reset-question").tryQuery().isPresent());
        Label question = robot.lookup("#demo-reset-question").queryAs(Label.class);
        assertThat(question.getText()).isEqualTo("Every business and its connections are deleted (2 businesses,"
                + " 1 connection; each source deleted in the built-in simulator), and a fresh Demo Coffee Roasters is"
                + " made. This cannot be undone.");
        Screenshots.write(question.getScene(), "demo-reset-confirm");
        robot.clickOn("#demo-reset-confirm");
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> robot.lookup("#demo-reset-result").queryAs(Label.class)
                .isVisible());

        Label result = robot.lookup("#demo-reset-result").queryAs(Label.class);
        assertThat(result.getText()).isEqualTo("The demo was reset: 2 businesses and 1 connection deleted, and Demo"
                + " Coffee Roasters starts afresh.");
        Screenshots.write(result.getScene(), "demo-reset-done");
        robot.clickOn("#demo-reset-close");
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> showsOnlyTheSample(robot));
        assertThat(app.context().simulator().orElseThrow().sourceIds()).isEmpty();
        assertThat(app.context().tenants().tenantsCreatingDemoIfNone()).extracting(Tenant::name)
                .containsExactly(TenantService.DEMO_NAME);
    }

    @Test
    void afterTheIdleMinutes_aCountdownShows_inputCancelsIt_andAtZeroTheDemoResets(FxRobot robot) throws Exception {
        startWithTwoBusinesses();
        app.context().demoReset().idleReset().save(OptionalInt.of(5));
        MutableClock clock = new MutableClock(Instant.parse("2025-06-01T10:00:00Z"));
        robot.interact(() -> {
            MainWindow.show(stage, app.services(), clock);
            AppUnderTest.usualSize(stage);
        });
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> HubRobot.loaded(robot));
        assertThat(businessesListed(robot)).containsExactly("Acme Outdoor", TenantService.DEMO_NAME);

        clock.advance(Duration.ofMinutes(4));
        Thread.sleep(1500);
        assertThat(overlayShown(robot)).isFalse();
        clock.advance(Duration.ofMinutes(1));
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> overlayShown(robot));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(overlayText(robot)).isEqualTo("No one has used Onramp for 5 minutes. The demo resets in 30 s —"
                + " touch or press any key to keep it.");
        clock.advance(Duration.ofSeconds(12));
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> overlayText(robot).contains("resets in 18 s"));
        Screenshots.write(stage.getScene(), "demo-idle-countdown");

        robot.moveTo(stage.getScene().getRoot());
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> !overlayShown(robot));
        clock.advance(Duration.ofSeconds(40));
        Thread.sleep(1500);
        assertThat(overlayShown(robot)).as("input restarts the idle minutes").isFalse();
        assertThat(businessesListed(robot)).hasSize(2);

        clock.advance(Duration.ofMinutes(5));
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> overlayShown(robot));
        clock.advance(Duration.ofSeconds(30));
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> showsOnlyTheSample(robot));
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> !overlayShown(robot));
        assertThat(app.context().audit().list(HubRobot.chosenTenant(robot).id())).extracting(e -> e.action())
                .contains("demo.reset");
    }
}
