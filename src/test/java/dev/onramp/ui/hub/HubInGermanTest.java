package dev.onramp.ui.hub;

import static org.assertj.core.api.Assertions.assertThat;

import dev.onramp.model.Tenant;
import dev.onramp.ui.AppUnderTest;
import dev.onramp.ui.HubRobot;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
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
 * On a German system the hub speaks German: its search, sections, count, progress line and tiles, the catalog's texts
 * too, and its search finds what German words name.
 */
@ExtendWith(ApplicationExtension.class)
class HubInGermanTest {
    @TempDir
    Path dataDir;

    private final Locale before = Locale.getDefault(Locale.Category.DISPLAY);
    private AppUnderTest app;
    private Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        Locale.setDefault(Locale.Category.DISPLAY, Locale.GERMAN);
        app = AppUnderTest.start(dataDir, url -> true);
        AppUnderTest.showHub(stage, app.services());
    }

    @AfterEach
    void closeAppAndSpeakAsBefore() throws Exception {
        try {
            app.closeAfterHiding(stage);
        } finally {
            Locale.setDefault(Locale.Category.DISPLAY, before);
        }
    }

    @Test
    void theHub_saysItsSearchSectionsCountAndProgressInGerman(FxRobot robot) throws TimeoutException {
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> HubRobot.loaded(robot));
        WaitForAsyncUtils.waitForFxEvents();

        TextField search = robot.lookup("#hub-search").queryAs(TextField.class);
        assertThat(search.getPromptText())
                .isEqualTo("Anbieter nach Namen oder Daten suchen — Rechnungen, Bestellungen, Tickets…  (Strg+F)");
        assertThat(search.getAccessibleText()).isEqualTo("Anbieter suchen");
        assertThat(robot.lookup("#chip-all").queryAs(javafx.scene.control.ToggleButton.class).getText())
                .isEqualTo("Alle");
        assertThat(robot.lookup("#new-business").queryAs(Button.class).getText()).isEqualTo("Neues Unternehmen…");
        assertThat(robot.lookup("#demo-banner").queryAs(Label.class).getText()).startsWith("Demo-Modus — ");

        List<HubRow> rows = rows(robot);
        assertThat(rows.getFirst()).isInstanceOfSatisfying(HubRow.Heading.class, heading -> assertThat(
                heading.section().title()).isEqualTo("Empfohlen für " + chosen(robot).name()));
        int listed = rows.stream().filter(HubRow.Tiles.class::isInstance)
                .mapToInt(row -> ((HubRow.Tiles) row).tiles().size()).sum();
        assertThat(robot.lookup("#hub-count").queryAs(Label.class).getText()).isEqualTo(listed + " Anbieter");

        assertThat(robot.lookup("#onboarding-progress").queryAs(Label.class).getText())
                .matches("\\d+ von \\d+ empfohlenen Quellen? verbunden|Alle \\d+ empfohlenen Quellen verbunden"
                        + "|Die empfohlene Quelle ist verbunden");
        assertThat(robot.lookup("#onboarding-checklist-toggle").queryAs(Hyperlink.class).getText())
                .isEqualTo("Checkliste ausblenden");
        assertThat(robot.lookup("#onboarding-continue").queryAs(Button.class).getText()).isEqualTo("Weiter");
    }

    @Test
    void aTile_offersVerbinden_andASearchThatFindsNothingSaysSoInGerman(FxRobot robot) throws TimeoutException {
        Node stripe = HubRobot.loadedTile(robot, "stripe");

        Button connect = robot.from(stripe).lookup(".connect-button").queryAs(Button.class);
        assertThat(connect.getText()).isEqualTo("Verbinden");
        assertThat(connect.getAccessibleText()).isEqualTo("Stripe verbinden");
        assertThat(robot.from(stripe).lookup(".tile-category").queryAs(Label.class).getText()).isEqualTo("Zahlungen");
        assertThat(robot.lookup("#chip-payments").queryAs(javafx.scene.control.ToggleButton.class).getText())
                .isEqualTo("Zahlungen");
        assertThat(robot.lookup("#chip-files-databases").queryAs(javafx.scene.control.ToggleButton.class).getText())
                .isEqualTo("Dateien & Datenbanken");
        assertThat(robot.from(stripe).lookup(".tile-note").queryAs(Label.class).getText())
                .isEqualTo("Verbindet sich mit API-Zugangsdaten, die Sie eingeben");

        robot.clickOn("#hub-search").write("xyzzyq");
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(robot.lookup("#hub-empty").queryAs(Label.class).getText()).isEqualTo("Kein Anbieter passt zu"
                + " „xyzzyq“ — Airbyte hat ihn vielleicht unter einem anderen Namen; siehe die Connector-Dokumentation.");
        assertThat(robot.lookup("#hub-count").queryAs(Label.class).getText()).isEqualTo("0 Treffer");
        assertThat(robot.lookup("#hub-connector-docs").queryAs(Hyperlink.class).getText())
                .isEqualTo("Die Connector-Dokumentation von Airbyte öffnen");
    }

    @Test
    void aTile_saysWhatTheProviderHoldsAndWhyItIsRecommended_inGerman_andTheHeaderTheBusinessTypeInGerman(FxRobot robot)
            throws TimeoutException {
        Node stripe = HubRobot.loadedTile(robot, "stripe");

        assertThat(chosen(robot).businessTypeId()).isEqualTo("online-store");
        assertThat(robot.from(stripe).lookup(".tile-summary").queryAs(Label.class).getText())
                .isEqualTo("Zahlungen, Kunden, Abonnements, Rechnungen und Auszahlungen");
        assertThat(robot.from(stripe).lookup(".tile-reason").queryAs(Label.class).getText())
                .isEqualTo("Zahlungen, Erstattungen und Auszahlungen hinter Ihren Verkäufen");
        assertThat(robot.lookup("#business-type-link").queryAs(Hyperlink.class).getText()).isEqualTo("Onlineshop");
    }

    @Test
    void typingTheGermanExamplesOfTheSearchPrompt_findsProvidersHoldingThatData(FxRobot robot) throws TimeoutException {
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> HubRobot.loaded(robot));

        robot.clickOn("#hub-search").write("Rechnungen");
        WaitForAsyncUtils.waitForFxEvents();
        List<String> invoices = foundIds(robot);
        robot.type(KeyCode.ESCAPE); // clears the search
        robot.clickOn("#hub-search").write("Bestellungen");
        WaitForAsyncUtils.waitForFxEvents();
        List<String> orders = foundIds(robot);

        assertThat(invoices).contains("quickbooks", "xero", "stripe");
        assertThat(orders).contains("shopify", "amazon-seller-partner");
        assertThat(robot.lookup("#hub-count").queryAs(Label.class).getText()).isEqualTo(orders.size() + " Treffer");
    }

    private static List<String> foundIds(FxRobot robot) {
        return rows(robot).stream().filter(HubRow.Tiles.class::isInstance)
                .flatMap(row -> ((HubRow.Tiles) row).tiles().stream()).map(tile -> tile.provider().id()).toList();
    }

    @SuppressWarnings("unchecked")
    private static List<HubRow> rows(FxRobot robot) {
        return List.copyOf(robot.lookup("#hub-list").queryAs(ListView.class).getItems());
    }

    @SuppressWarnings("unchecked")
    private static Tenant chosen(FxRobot robot) {
        return ((ComboBox<Tenant>) robot.lookup("#business-chooser").query()).getValue();
    }
}
