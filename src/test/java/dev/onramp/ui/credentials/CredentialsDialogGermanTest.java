package dev.onramp.ui.credentials;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.onramp.connect.form.ConnectorForm;
import dev.onramp.connect.form.SpecForms;
import dev.onramp.ui.common.ConnectedPane;
import java.util.List;
import dev.onramp.ui.common.WindowLanguage;
import java.util.concurrent.TimeUnit;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.Labeled;
import javafx.scene.control.TextArea;
import javafx.scene.control.TitledPane;
import javafx.scene.control.ToggleButton;
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

/** The credentials dialog and its form in German: title, intro, buttons, the optional section and the field helpers. */
@ExtendWith(ApplicationExtension.class)
class CredentialsDialogGermanTest {
    private static final String SPECIFICATION = """
            {"type": "object", "required": ["account_id", "api_key", "start_date", "service_account"],
             "properties": {
               "account_id": {"type": "string", "title": "Account ID", "examples": ["acct_1DemoOutfitters"], "order": 0},
               "api_key": {"type": "string", "title": "API key", "airbyte_secret": true,
                           "examples": ["demo-secret-0123456789"], "order": 1},
               "start_date": {"type": "string", "title": "Start date", "format": "date-time",
                              "pattern": "^[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}Z$",
                              "examples": ["2024-01-01T00:00:00Z"], "order": 2},
               "service_account": {"type": "string", "title": "Service Account Information", "airbyte_secret": true,
                                   "multiline": true, "order": 3},
               "tags": {"type": "array", "items": {"type": "string"}, "title": "Tags", "order": 4},
               "notes": {"type": "string", "title": "Notes", "order": 5}}}""";

    private Stage owner;
    @RegisterExtension
    final WindowLanguage german = WindowLanguage.german();

    @Start
    void start(Stage stage) {
        owner = stage;
        stage.setScene(new Scene(new StackPane(), 640, 400));
        stage.show();
    }


    @Test
    void aCredentialsForm_saysItsTitleButtonsAndHelpersInGerman_andLeavesTheSpecificationsTitlesAlone(FxRobot robot)
            throws Exception {
        ConnectorForm form = SpecForms.read(new ObjectMapper().readTree(SPECIFICATION));
        WaitForAsyncUtils.asyncFx(() -> {
            CredentialsModel model = new CredentialsModel("Demo Shop", () -> form, (f, values, listener) -> {
                throw new AssertionError("nothing is sent");
            }, connection -> {}, Runnable::run, Runnable::run);
            CredentialsDialog.open(owner, model, ConnectedPane.Next.NONE);
        }).get(10, TimeUnit.SECONDS);
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(titles(robot)).contains("Demo Shop verbinden");
        assertThat(labels(robot)).contains("Onramp gibt diese Angaben an Airbyte weiter, das sie beim Anbieter prüft."
                + " Geheimnisse werden hier maskiert und verschlüsselt auf diesem Computer aufbewahrt.");
        assertThat(robot.lookup("#credentials-connect").queryButton().getText()).isEqualTo("Verbinden");
        assertThat(button(robot, "Abbrechen").isVisible()).isTrue();
        assertThat(robot.lookup("#fill-samples").queryButton().getText()).isEqualTo("Mit _Beispielwerten füllen");
        assertThat(robot.lookup("#optional-settings").queryAs(TitledPane.class).getText())
                .isEqualTo("Optionale Einstellungen (2)");
        // The field titles are the connector's specification's, in its own words.
        assertThat(labels(robot)).contains("Account ID *", "API key *", "Start date *");
        assertThat(robot.lookup("#field-account_id").query().getAccessibleText()).isEqualTo("Account ID, Pflichtfeld");

        ToggleButton show = robot.lookup("#field-api_key-show").queryAs(ToggleButton.class);
        assertThat(show.getText()).isEqualTo("Anzeigen");
        assertThat(show.getAccessibleText()).isEqualTo("API key anzeigen");
        robot.clickOn(show);
        assertThat(show.getText()).isEqualTo("Verbergen");

        assertThat(robot.lookup("#field-service_account-file").queryButton().getText()).isEqualTo("Datei wählen…");
        assertThat(robot.lookup("#field-service_account").queryAs(TextArea.class).getPromptText())
                .isEqualTo("Fügen Sie den Schlüssel hier ein oder wählen Sie seine Datei");
        assertThat(labels(robot)).contains("um");
        assertThat(robot.lookup("#field-start_date-time").query().getAccessibleText())
                .isEqualTo("Start date, Uhrzeit (UTC)");

        robot.clickOn("#fill-samples");

        assertThat(robot.lookup("#field-start_date-sent").queryAs(Label.class).getText())
                .isEqualTo("Gesendet als 2024-01-01T00:00:00Z");
    }

    @Test
    void aRefusedValue_isSaidInGerman(FxRobot robot) throws Exception {
        ConnectorForm form = SpecForms.read(new ObjectMapper().readTree(SPECIFICATION));
        WaitForAsyncUtils.asyncFx(() -> {
            CredentialsModel model = new CredentialsModel("Demo Shop", () -> form, (f, values, listener) -> {
                throw new AssertionError("nothing is sent");
            }, connection -> {}, Runnable::run, Runnable::run);
            CredentialsDialog.open(owner, model, ConnectedPane.Next.NONE);
        }).get(10, TimeUnit.SECONDS);
        WaitForAsyncUtils.waitForFxEvents();

        robot.clickOn("#credentials-connect");
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(robot.lookup("#credentials-message").queryAs(Label.class).getText())
                .startsWith("Account ID ist erforderlich. API key ist erforderlich.")
                .doesNotContain("is required");
    }

    private static Button button(FxRobot robot, String text) {
        return robot.lookup(node -> node instanceof Button b && text.equals(b.getText())).queryButton();
    }

    private static List<String> labels(FxRobot robot) {
        return robot.lookup(node -> node instanceof Labeled).queryAllAs(Labeled.class).stream()
                .map(Labeled::getText).toList();
    }

    private static List<String> titles(FxRobot robot) {
        return robot.listWindows().stream().filter(Window::isShowing)
                .map(w -> w instanceof Stage stage ? stage.getTitle() : "").toList();
    }
}
