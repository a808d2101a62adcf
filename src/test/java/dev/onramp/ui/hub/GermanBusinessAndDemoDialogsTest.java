package dev.onramp.ui.hub;

import static org.assertj.core.api.Assertions.assertThat;

import dev.onramp.model.BusinessType;
import dev.onramp.model.Tenant;
import dev.onramp.testing.ScriptedBrowser;
import dev.onramp.testing.ScriptedBrowser.Decision;
import dev.onramp.ui.AppUnderTest;
import dev.onramp.ui.HubRobot;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.OptionalInt;
import java.util.concurrent.TimeUnit;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.DialogPane;
import javafx.scene.control.Hyperlink;
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
 * In a German window the business dialogs (with the catalog's business types and reasons), the Demo scenarios window
 * and the idle reset's countdown speak German:
 * the whole app in demo mode, its window built after the display language was set.
 */
@ExtendWith(ApplicationExtension.class)
class GermanBusinessAndDemoDialogsTest {
    @TempDir
    Path dataDir;

    private final Locale before = Locale.getDefault(Locale.Category.DISPLAY);
    private AppUnderTest app;

    @Start
    void start(Stage stage) {
        Locale.setDefault(Locale.Category.DISPLAY, Locale.GERMAN);
        app = AppUnderTest.start(dataDir, url -> new ScriptedBrowser(Decision.ALLOW).open(url));
        app.context().tenants().create("Bolt Bikes", "online-store");
        Tenant acme = app.context().tenants().create("Acme Outdoor", "online-store");
        app.context().tenants().markUsed(acme.id());
        AppUnderTest.showHub(stage, app.services());
    }

    @AfterEach
    void closeAppAndRestoreTheLanguage() throws Exception {
        try {
            WaitForAsyncUtils.asyncFx(() -> List.copyOf(Window.getWindows()).forEach(Window::hide))
                    .get(10, TimeUnit.SECONDS);
            WaitForAsyncUtils.waitForFxEvents();
            app.close();
        } finally {
            Locale.setDefault(Locale.Category.DISPLAY, before);
        }
    }

    @Test
    void deletingABusiness_asksAndTellsInGerman(FxRobot robot) throws Exception {
        waitUntilLoaded(robot);

        robot.clickOn("#business-menu");
        robot.clickOn("#menu-delete-business");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> robot.lookup("#delete-business-what").tryQuery()
                .isPresent());
        DialogPane asked = robot.lookup("#delete-business").queryAs(DialogPane.class);
        assertThat(asked.getHeaderText()).isEqualTo("Acme Outdoor aus Onramp löschen?");
        assertThat(robot.lookup("#delete-business-what").queryAs(Label.class).getText()).isEqualTo(
                "Acme Outdoor hat keine Verbindungen. Seine Einstellungen werden mitgelöscht; seine Einträge im"
                        + " Prüfprotokoll bleiben.");
        Button confirm = robot.lookup("#delete-business-confirm").queryButton();
        assertThat(confirm.getText()).isEqualTo("Unternehmen löschen");

        robot.clickOn(confirm);
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> robot.lookup("#business-deleted").tryQuery().isPresent());

        Stage told = (Stage) robot.lookup("#business-deleted").query().getScene().getWindow();
        assertThat(told.getTitle()).isEqualTo("Unternehmen gelöscht");
        assertThat(app.context().tenants().byName("Acme Outdoor")).isEmpty();
    }

    @Test
    void changingTheType_namesTheTypesAndTheirRecommendationsInGerman_andStoresTheTypesId(FxRobot robot)
            throws Exception {
        waitUntilLoaded(robot);
        assertThat(robot.lookup("#business-type-link").queryAs(Hyperlink.class).getText()).isEqualTo("Onlineshop");

        robot.clickOn("#business-type-link");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> robot.lookup("#retype-business-type").tryQuery()
                .isPresent());
        @SuppressWarnings("unchecked")
        ComboBox<BusinessType> type = robot.lookup("#retype-business-type").queryAs(ComboBox.class);
        assertThat(type.getItems().stream().map(type.getConverter()::toString).toList()).containsExactly(
                "Onlineshop", "Laden oder Restaurant", "Softwareunternehmen", "Marketingagentur", "Dienstleister");
        assertThat(robot.lookup("#retype-recommendations").queryAs(Label.class).getText())
                .startsWith("Empfohlen für die Art Onlineshop:\n• Shopify — Ihre Bestellungen, Produkte und Kunden\n");

        BusinessType saas = type.getItems().stream().filter(t -> t.id().equals("saas")).findFirst().orElseThrow();
        robot.interact(() -> type.setValue(saas));
        assertThat(robot.lookup("#retype-recommendations").queryAs(Label.class).getText()).startsWith(
                "Empfohlen für die Art Softwareunternehmen:\n• Stripe — Abonnements, MRR und Kündigungen aus Ihrer"
                        + " Abrechnung\n");
        robot.clickOn("Art ändern");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> robot.lookup("#retype-business-type").tryQuery()
                .isEmpty());
        waitUntilLoaded(robot);

        assertThat(robot.lookup("#business-type-link").queryAs(Hyperlink.class).getText())
                .isEqualTo("Softwareunternehmen");
        assertThat(app.context().tenants().byName("Acme Outdoor").orElseThrow().businessTypeId()).isEqualTo("saas");
        Node stripe = HubRobot.loadedTile(robot, "stripe");
        assertThat(robot.from(stripe).lookup(".tile-reason").queryAs(Label.class).getText())
                .isEqualTo("Abonnements, MRR und Kündigungen aus Ihrer Abrechnung");
    }

    @Test
    void theDemoScenariosWindow_listsTheScenariosInGerman_andTheBannerNoteFollows(FxRobot robot) throws Exception {
        waitUntilLoaded(robot);

        robot.clickOn("#demo-menu");
        robot.clickOn("Demo-Szenarien…");
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> robot.lookup("#scenario-check-fails").tryQuery()
                .isPresent());
        CheckBox checkFails = robot.lookup("#scenario-check-fails").queryAs(CheckBox.class);
        assertThat(((Stage) checkFails.getScene().getWindow()).getTitle()).isEqualTo("Demo-Szenarien");
        assertThat(robot.lookup("#scenario-slow").queryAs(CheckBox.class).getText()).isEqualTo("Airbyte ist langsam");
        assertThat(checkFails.getText()).isEqualTo("Quellenprüfung schlägt fehl");
        assertThat(robot.lookup("#demo-scenarios-all-off").queryButton().getText()).isEqualTo("_Alle ausschalten");

        robot.clickOn(checkFails);
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(robot.lookup("#demo-banner").queryAs(Label.class).getText())
                .endsWith(" · Demo-Szenario aktiv: Quellenprüfung schlägt fehl");
        robot.clickOn("#demo-scenarios-all-off");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(checkFails.isSelected()).isFalse();
    }

    @Test
    void theIdleCountdown_saysInGermanHowLongNoOneHasUsedOnramp() {
        Instant opened = Instant.parse("2025-06-02T09:00:00Z");
        IdleResetModel idle = new IdleResetModel(ended -> { }, Duration.ofMinutes(1), opened);
        idle.setMinutes(OptionalInt.of(5));

        idle.tick(opened.plus(Duration.ofMinutes(5)));

        assertThat(idle.shownProperty().get()).isTrue();
        assertThat(idle.messageProperty().get()).isEqualTo("Seit 5 Minuten hat niemand Onramp benutzt. Die Demo wird"
                + " in 30 s zurückgesetzt – tippen Sie auf den Bildschirm oder drücken Sie eine Taste, um sie zu"
                + " behalten.");
    }

    private static void waitUntilLoaded(FxRobot robot) throws Exception {
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> HubRobot.loaded(robot));
        WaitForAsyncUtils.waitForFxEvents();
    }
}
