package dev.onramp.ui.credentials;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.onramp.catalog.Catalog;
import dev.onramp.catalog.ConnectorSpecs;
import dev.onramp.connect.form.ConnectorForm;
import dev.onramp.connect.form.FormField;
import dev.onramp.connect.form.SpecForms;
import dev.onramp.ui.common.Screenshots;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.DatePicker;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.PasswordField;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.control.TitledPane;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The controls of generated credential forms, driven as a person would, on real connector specifications. */
@ExtendWith(ApplicationExtension.class)
class FormPaneTest {
    private static final Catalog CATALOG = Catalog.bundled();
    private static final ConnectorSpecs SPECS = ConnectorSpecs.bundled(CATALOG);

    @TempDir
    Path folder;

    private Stage stage;
    private CredentialsModel model;
    private ConnectorForm form;
    private final List<URI> opened = new CopyOnWriteArrayList<>();

    @Start
    void start(Stage stage) {
        this.stage = stage;
        stage.setScene(new Scene(new ScrollPane(), 620, 1200));
        stage.show();
    }

    private void show(String providerId) throws Exception {
        form = SpecForms.read(SPECS.specification(providerId).orElseThrow());
        WaitForAsyncUtils.asyncFx(() -> {
            model = new CredentialsModel(providerId, () -> form, (f, values, listener) -> {
                throw new AssertionError("nothing is sent");
            }, connection -> {}, Runnable::run, Runnable::run).openingLinksWith(url -> opened.add(url));
            model.load();
            FormPane pane = new FormPane(model, form);
            ScrollPane area = new ScrollPane(pane.root());
            area.setFitToWidth(true);
            area.setStyle("-fx-padding: 16");
            Scene scene = new Scene(area, 620, 1200);
            dev.onramp.ui.common.Styles.apply(scene);
            stage.setScene(scene);
        }).get(10, TimeUnit.SECONDS);
        WaitForAsyncUtils.waitForFxEvents();
    }

    private void onFx(Runnable action) throws Exception {
        WaitForAsyncUtils.asyncFx(action).get(10, TimeUnit.SECONDS);
        WaitForAsyncUtils.waitForFxEvents();
    }

    @SuppressWarnings("unchecked")
    private static ComboBox<String> choice(FxRobot robot, String id) {
        return robot.lookup("#choice-" + id).queryAs(ComboBox.class);
    }

    @Test
    void nestedOneOf_showsTheChosenOptionsChoiceAndSendsOnlyTheChosenBranchWithItsConstants(FxRobot robot)
            throws Exception {
        show("s3");
        onFx(() -> choice(robot, "streams-0-format").setValue("CSV Format"));
        assertThat(robot.lookup("#choice-streams-0-format-header_definition").tryQuery()).isPresent();
        onFx(() -> choice(robot, "streams-0-format-header_definition").setValue("User Provided"));
        onFx(() -> {
            model.value("bucket").set("onramp-exports");
            model.value("streams.0.name").set("orders");
            model.value("streams.0.format.header_definition.column_names").set("id, total");
            ((TitledPane) robot.lookup("#optional-settings").query()).setExpanded(true);
            LocalDate date = LocalDate.of(2024, 3, 5);
            robot.lookup("#field-start_date").queryAs(DatePicker.class).setValue(date);
        });
        Screenshots.write(stage.getScene(), "credentials-form-s3-nested-choice");
        onFx(() -> {
            ScrollPane area = (ScrollPane) stage.getScene().getRoot();
            javafx.scene.Node date = robot.lookup("#field-start_date").query();
            double y = area.getContent().sceneToLocal(date.localToScene(0, 0)).getY();
            area.setVvalue(Math.min(1, (y - 80) / (area.getContent().getBoundsInLocal().getHeight()
                    - area.getViewportBounds().getHeight())));
        });
        Screenshots.write(stage.getScene(), "credentials-form-s3-date");

        JsonNode csv = form.configuration(model.values()).path("streams").path(0).path("format");
        assertThat(csv.path("filetype").asText()).isEqualTo("csv");
        assertThat(csv.path("header_definition").path("header_definition_type").asText()).isEqualTo("User Provided");
        assertThat(csv.path("header_definition").path("column_names").toString()).isEqualTo("[\"id\",\"total\"]");

        onFx(() -> choice(robot, "streams-0-format").setValue("Jsonl Format"));
        assertThat(robot.lookup("#choice-streams-0-format-header_definition").tryQuery()).isEmpty();
        JsonNode jsonl = form.configuration(model.values()).path("streams").path(0).path("format");
        assertThat(jsonl.path("filetype").asText()).isEqualTo("jsonl");
        assertThat(jsonl.has("header_definition")).isFalse();
        assertThat(jsonl.has("delimiter")).as(jsonl.toString()).isFalse();
    }

    @Test
    void datePicker_writesTheDateAndTimeInExactlyTheLayoutThePatternWants(FxRobot robot) throws Exception {
        show("s3");
        FormField startDate = (FormField) form.element("start_date").orElseThrow();
        onFx(() -> {
            ((TitledPane) robot.lookup("#optional-settings").query()).setExpanded(true);
            robot.lookup("#field-start_date").queryAs(DatePicker.class).setValue(LocalDate.of(2024, 3, 5));
            robot.lookup("#field-start_date-time").queryAs(TextField.class).setText("08:15");
        });

        String sent = model.value("start_date").get();
        assertThat(sent).startsWith("2024-03-05T08:15:00").endsWith("Z");
        assertThat(Pattern.compile(startDate.rules().pattern().orElseThrow()).matcher(sent).find()).isTrue();
        assertThat(model.problem(startDate)).isEmpty();
        assertThat(robot.lookup("#field-start_date-sent").queryLabeled().getText()).isEqualTo("Sent as " + sent);
    }

    @Test
    void secretShowToggle_revealsTheTypedSecretAndHidesItAgain(FxRobot robot) throws Exception {
        show("stripe");
        PasswordField masked = robot.lookup("#field-client_secret").queryAs(PasswordField.class);
        TextField plain = robot.lookup("#field-client_secret-shown").queryAs(TextField.class);
        onFx(() -> masked.setText("sk_test_123"));
        assertThat(plain.isVisible()).isFalse();

        robot.clickOn("#field-client_secret-show");
        assertThat(plain.isVisible()).isTrue();
        assertThat(masked.isVisible()).isFalse();
        assertThat(plain.getText()).isEqualTo("sk_test_123");

        robot.clickOn("#field-client_secret-show");
        assertThat(plain.isVisible()).isFalse();
        assertThat(masked.isVisible()).isTrue();
    }

    @Test
    void aValueNotMatchingThePattern_isRefusedWithTheSpecsPatternDescriptor(FxRobot robot) throws Exception {
        show("google-drive");
        onFx(() -> model.value("folder_url").set("https://example.com/folder"));
        onFx(() -> model.connect());

        assertThat(model.messageProperty().get()).contains(
                "Folder Url must look like https://drive.google.com/drive/folders/MY-FOLDER-ID.");
        assertThat(model.messageProperty().get()).doesNotContain("^https://");
    }

    @Test
    void serviceAccountKey_isATextAreaFilledFromTheChosenFile_andHiddenOnRequest(FxRobot robot) throws Exception {
        show("google-analytics");
        onFx(() -> choice(robot, "credentials").setValue("Service Account Key Authentication"));
        TextArea area = robot.lookup("#field-credentials-credentials_json").queryAs(TextArea.class);
        assertThat(robot.lookup("#field-credentials-credentials_json-file").queryAs(Button.class).getText())
                .isEqualTo("Choose file…");
        Path key = folder.resolve("service-account.json");
        String json = "{\n  \"type\": \"service_account\",\n  \"project_id\": \"onramp-demo\",\n"
                + "  \"private_key\": \"-----BEGIN PRIVATE KEY-----\\nMIIE\\n-----END PRIVATE KEY-----\\n\",\n"
                + "  \"client_email\": \"onramp@onramp-demo.iam.gserviceaccount.com\"\n}";
        Files.writeString(key, json);

        onFx(() -> model.readFile(key, "credentials.credentials_json"));
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> area.getText().equals(json));
        onFx(() -> model.value("property_ids").set("123456789"));
        Screenshots.write(stage.getScene(), "credentials-form-google-analytics-service-account");

        assertThat(form.configuration(model.values()).path("credentials").path("credentials_json").asText())
                .isEqualTo(json);
        assertThat(form.configuration(model.values()).path("credentials").path("auth_type").asText())
                .isEqualTo("Service");
        robot.clickOn("#field-credentials-credentials_json-show");
        assertThat(area.isVisible()).isFalse();
        assertThat(robot.lookup("#field-credentials-credentials_json-hidden").queryLabeled().getText())
                .startsWith("Hidden (");
    }

    @Test
    void aLinkInTheHelp_opensThroughTheAppsBrowserLauncher(FxRobot robot) throws Exception {
        show("stripe");
        Hyperlink link = robot.lookup(".help-link").queryAs(Hyperlink.class);

        onFx(link::fire);

        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> !opened.isEmpty());
        assertThat(opened.getFirst().toString()).isEqualTo(link.getTooltip().getText()).startsWith("https://");
    }

    @Test
    void aKeyFileThatCannotBeRead_saysSoAndLeavesTheFieldAsItWas(FxRobot robot) throws Exception {
        show("google-analytics");
        onFx(() -> choice(robot, "credentials").setValue("Service Account Key Authentication"));

        onFx(() -> model.readFile(folder.resolve("missing.json"), "credentials.credentials_json"));
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> !model.messageProperty().get().isEmpty());

        assertThat(model.messageProperty().get()).isEqualTo(
                "Onramp could not read missing.json: check that the file exists and you may read it.");
        assertThat(model.value("credentials.credentials_json").get()).isEmpty();
    }

    @Test
    void aKeyFileTooBigForAKey_saysHowBigOneCanBeAndLeavesTheFieldAsItWas(FxRobot robot) throws Exception {
        show("google-analytics");
        onFx(() -> choice(robot, "credentials").setValue("Service Account Key Authentication"));
        Path big = folder.resolve("big.json");
        Files.writeString(big, "x".repeat(300 * 1024));

        onFx(() -> model.readFile(big, "credentials.credentials_json"));
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> !model.messageProperty().get().isEmpty());

        assertThat(model.messageProperty().get())
                .isEqualTo("big.json is bigger than a key file can be (256 KB at most).");
        assertThat(model.value("credentials.credentials_json").get()).isEmpty();
    }
}
