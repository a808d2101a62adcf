package dev.onramp.ui.credentials;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.onramp.connect.form.ConnectorForm;
import dev.onramp.connect.form.SpecForms;
import dev.onramp.ui.common.Screenshots;
import dev.onramp.ui.common.Styles;
import java.time.LocalDate;
import java.util.concurrent.TimeUnit;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.DatePicker;
import javafx.scene.control.ScrollPane;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** "Fill with sample values" on a credentials form: what it fills, what it leaves, and when it is there at all. */
@ExtendWith(ApplicationExtension.class)
class SampleFillTest {
    private static final String WITH_EXAMPLES = """
            {"type": "object", "required": ["account_id", "api_key", "start_date"],
             "properties": {
               "account_id": {"type": "string", "title": "Account ID", "examples": ["acct_1DemoOutfitters"], "order": 0},
               "api_key": {"type": "string", "title": "API key", "airbyte_secret": true,
                           "examples": ["demo-secret-0123456789"], "order": 1},
               "start_date": {"type": "string", "title": "Start date", "format": "date-time",
                              "pattern": "^[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}Z$",
                              "examples": ["2024-01-01T00:00:00Z"], "order": 2},
               "notes": {"type": "string", "title": "Notes", "order": 3}}}""";
    private static final String WITHOUT_EXAMPLES = """
            {"type": "object", "required": ["api_key"],
             "properties": {"api_key": {"type": "string", "title": "API key", "airbyte_secret": true}}}""";

    private Stage stage;
    private CredentialsModel model;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        stage.setScene(new Scene(new ScrollPane(), 620, 700));
        stage.show();
    }

    private void show(String specification) throws Exception {
        ConnectorForm form = SpecForms.read(new ObjectMapper().readTree(specification));
        WaitForAsyncUtils.asyncFx(() -> {
            model = new CredentialsModel("Demo Shop", () -> form, (f, values, listener) -> {
                throw new AssertionError("nothing is sent");
            }, connection -> {}, Runnable::run, Runnable::run);
            model.load();
            ScrollPane area = new ScrollPane(new FormPane(model, form).root());
            area.setFitToWidth(true);
            area.setStyle("-fx-padding: 16");
            Scene scene = new Scene(area, 620, 700);
            Styles.apply(scene);
            stage.setScene(scene);
        }).get(10, TimeUnit.SECONDS);
        WaitForAsyncUtils.waitForFxEvents();
    }

    @Test
    void fillWithSampleValues_fillsTheEmptyFieldsFromTheExamplesAndKeepsWhatWasTyped(FxRobot robot) throws Exception {
        show(WITH_EXAMPLES);
        robot.clickOn("#field-account_id").write("acct_mine");

        // Reached from the keyboard: focused, then pressed with the space bar.
        WaitForAsyncUtils.asyncFx(() -> robot.lookup("#fill-samples").queryAs(Button.class).requestFocus())
                .get(10, TimeUnit.SECONDS);
        robot.press(KeyCode.SPACE).release(KeyCode.SPACE);
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(model.value("account_id").get()).isEqualTo("acct_mine");
        assertThat(model.value("api_key").get()).isEqualTo("demo-secret-0123456789");
        assertThat(model.value("start_date").get()).isEqualTo("2024-01-01T00:00:00Z");
        assertThat(robot.lookup("#field-start_date").queryAs(DatePicker.class).getValue())
                .isEqualTo(LocalDate.of(2024, 1, 1));
        assertThat(model.value("notes").get()).as("a field without an example stays empty").isEmpty();
        assertThat(robot.lookup("#fill-samples").queryAs(Button.class).isFocusTraversable()).isTrue();
        Screenshots.write(stage.getScene(), "credentials-form-sample-values");
    }

    @Test
    void fillWithSampleValues_isNotOfferedWhenNoFieldHasAnExample(FxRobot robot) throws Exception {
        show(WITHOUT_EXAMPLES);

        assertThat(robot.lookup("#fill-samples").tryQuery()).isEmpty();
        assertThat(robot.lookup("#field-api_key").tryQuery()).isPresent();
    }
}
