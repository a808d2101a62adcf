package dev.onramp.ui.settings;

import static org.assertj.core.api.Assertions.assertThat;

import dev.onramp.AppContext;
import dev.onramp.model.Tenant;
import dev.onramp.ui.AppUnderTest;
import dev.onramp.ui.FxExecutor;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.RadioButton;
import javafx.scene.layout.Pane;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The Settings window on a German system: its labels, choices and what a test found, in German. */
@ExtendWith(ApplicationExtension.class)
class SettingsInGermanTest {
    @TempDir
    Path dataDir;

    private final Locale before = Locale.getDefault(Locale.Category.DISPLAY);
    private AppUnderTest app;
    private Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        stage.setScene(new Scene(new Pane(), 200, 100));
        stage.show();
    }

    @BeforeEach
    void startApp() {
        Locale.setDefault(Locale.Category.DISPLAY, Locale.GERMAN);
        app = AppUnderTest.start(dataDir, url -> false);
    }

    @AfterEach
    void closeApp() throws Exception {
        WaitForAsyncUtils.asyncFx(() -> List.copyOf(Window.getWindows()).stream().filter(w -> w != stage)
                .forEach(Window::hide)).get(10, TimeUnit.SECONDS);
        WaitForAsyncUtils.waitForFxEvents();
        Locale.setDefault(Locale.Category.DISPLAY, before);
        app.close();
    }

    @Test
    void settings_speakGerman_andSayInGermanWhatATestFound(FxRobot robot) throws Exception {
        openSettings(robot);

        Stage settings = (Stage) robot.lookup("#settings-test").query().getScene().getWindow();
        assertThat(settings.getTitle()).isEqualTo("Einstellungen");
        assertThat(robot.lookup("#settings-target-self-managed").queryAs(RadioButton.class).getText())
                .isEqualTo("Selbst betriebenes Airbyte");
        assertThat(robot.lookup("#settings-test").queryAs(Button.class).getText())
                .isEqualTo("Verbindung zu Airbyte testen");
        assertThat(robot.lookup("#settings-save").queryAs(Button.class).getText()).isEqualTo("Speichern");
        assertThat(robot.lookup("#redirect-summary").queryAs(Label.class).getText())
                .endsWith("(der Standard für alle Unternehmen)");
        assertThat(robot.lookup("#redirect-change").queryAs(Button.class).getText()).isEqualTo("Ändern…");
        assertThat(robot.lookup("#settings-idle-reset").queryAs(ComboBox.class).getItems())
                .extracting(Object::toString).containsExactly("nie", "5 Minuten", "10 Minuten", "15 Minuten", "30 Minuten");

        robot.clickOn("#settings-test");
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> !status(robot).isEmpty());

        assertThat(status(robot)).isEqualTo("Onramp hat dieses Airbyte erreicht: 1 Workspace.");
    }

    @Test
    void theSignInRedirectWindow_speaksGerman(FxRobot robot) throws Exception {
        openSettings(robot);

        robot.clickOn("#redirect-change");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> robot.lookup("#redirect-save").tryQuery().isPresent());

        Stage redirect = (Stage) robot.lookup("#redirect-save").query().getScene().getWindow();
        assertThat(redirect.getTitle()).isEqualTo("Weiterleitung der Anmeldung");
        assertThat(robot.lookup("#redirect-scope-every").queryAs(RadioButton.class).getText())
                .isEqualTo("Jedes Unternehmen ohne eigene Weiterleitung");
        @SuppressWarnings("unchecked")
        ComboBox<Object> host = robot.lookup("#redirect-host").queryAs(ComboBox.class);
        assertThat(host.getItems()).extracting(host.getConverter()::toString).containsExactly("127.0.0.1 (empfohlen)",
                "localhost (HubSpot akzeptiert einfaches http nur dafür)");
    }

    @Test
    void theOAuthSignInCheck_saysEachConnectorsDetailInGerman(FxRobot robot) throws Exception {
        app.context().simulator().orElseThrow().withoutOAuthApp("hubspot");
        openSettings(robot);

        robot.clickOn("#settings-oauth-check");
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> robot.lookup("#readiness-status").tryQuery()
                .map(node -> ((Label) node).getText().startsWith("12 von 14")).orElse(false));

        List<String> words = robot.lookup("#readiness-list").lookup(".label").queryAllAs(Label.class).stream()
                .map(Label::getText).toList();
        assertThat(words).contains("HubSpot — keine OAuth-App", "Shopify — nicht angeboten");
        assertThat(words).anySatisfy(detail -> assertThat(detail)
                .contains("So richten Sie eine ein: 1. Registrieren Sie bei", "mit den Redirect-URIs http://127.0.0.1:",
                        "/v1/source_oauths/oauth_params/create mit {"));
        assertThat(words).anySatisfy(detail -> assertThat(detail)
                .startsWith("Airbyte meldet Shopify nur über seine eigene Shopify-App an"));
        assertThat(String.join("\n", words)).doesNotContain("To set one up", "only through its own");
    }

    private void openSettings(FxRobot robot) throws Exception {
        AppContext context = app.context();
        Tenant tenant = context.tenants().tenantsCreatingDemoIfNone().getFirst();
        Executor background = context.background();
        Executor fx = new FxExecutor();
        robot.interact(() -> SettingsView.open(stage,
                new SettingsModel(tenant.id(), tenant.name(), context.settings(), () -> {}, background, fx),
                () -> new ReadinessModel(tenant.id(), tenant.name(), context.connect(), background, fx),
                new RedirectModel(tenant.id(), tenant.name(), context.redirects(), background, fx),
                Optional.of(new IdleResetSettingModel(context.demoReset().idleReset(), background, fx))));
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> robot.lookup("#settings-target-demo").tryQuery()
                .map(button -> !button.isDisabled()).orElse(false)
                && !robot.lookup("#redirect-summary").queryAs(Label.class).getText().isEmpty());
    }

    private static String status(FxRobot robot) {
        return robot.lookup("#settings-status").queryAs(Label.class).getText();
    }
}
