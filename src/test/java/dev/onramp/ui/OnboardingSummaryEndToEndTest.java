package dev.onramp.ui;

import static dev.onramp.ui.HubRobot.loadedTile;
import static dev.onramp.ui.HubRobot.status;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.onramp.connect.summary.SummaryFormat;
import dev.onramp.testing.ReadOnlyFolder;
import dev.onramp.testing.ScriptedBrowser;
import dev.onramp.testing.ScriptedBrowser.Decision;
import dev.onramp.ui.common.Screenshots;
import dev.onramp.ui.summary.FileAsker;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.input.Clipboard;
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
 * The hub's onboarding progress and the Summary dialog in the whole app in demo mode: the checklist follows
 * a connect, Continue opens the summary, Export JSON writes the file the seam names, Copy fills the clipboard.
 */
@ExtendWith(ApplicationExtension.class)
class OnboardingSummaryEndToEndTest {
    /** Where JavaFX keeps the tooltip installed on a node. */
    private static final String TOOLTIP = "javafx.scene.control.Tooltip";

    @TempDir
    Path dataDir;

    @TempDir
    Path exports;

    private AppUnderTest app;
    private Stage stage;
    /** Where the Summary dialog's exports go: the test answers the save dialog, which cannot be driven headless. */
    private volatile Path saveAs;
    private final List<SummaryFormat> asked = new CopyOnWriteArrayList<>();

    @Start
    void start(Stage stage) {
        this.stage = stage;
        stage.getProperties().put(FileAsker.class, (FileAsker) (owner, format, suggested) -> {
            asked.add(format);
            return Optional.ofNullable(saveAs);
        });
        app = AppUnderTest.start(dataDir, new ScriptedBrowser(Decision.ALLOW));
        AppUnderTest.showHub(stage, app.services());
    }

    @AfterEach
    void closeApp() throws Exception {
        app.closeAfterHiding(stage);
    }

    private static String text(FxRobot robot, String id) {
        return robot.lookup(id).queryAs(Label.class).getText();
    }

    private static boolean hasStyle(FxRobot robot, String id, String style) {
        return robot.lookup(id).tryQuery().map(node -> node.getStyleClass().contains(style)).orElse(false);
    }

    private void connectMailchimp(FxRobot robot) throws Exception {
        Node tile = loadedTile(robot, "mailchimp");
        robot.clickOn(robot.from(tile).lookup(".connect-button").queryAs(Button.class));
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> status(robot, tile).startsWith("Connected · "));
        HubRobot.done(robot);
    }

    /** Clicks Continue and waits until the dialog shows the summary. */
    private void openSummary(FxRobot robot) throws Exception {
        robot.clickOn("#onboarding-continue");
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> robot.lookup("#summary-progress").tryQuery()
                .map(node -> !((Label) node).getText().isEmpty()).orElse(false));
        WaitForAsyncUtils.waitForFxEvents();
    }

    @Test
    void theChecklist_followsAConnect_fromNotConnectedToConnected(FxRobot robot) throws Exception {
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> text(robot, "#onboarding-progress")
                .equals("0 of 10 recommended sources connected"));
        assertThat(hasStyle(robot, "#checklist-mailchimp", "not-connected")).isTrue();
        assertThat(robot.lookup("#checklist-shopify").tryQuery()).isPresent();

        connectMailchimp(robot);

        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> text(robot, "#onboarding-progress")
                .equals("1 of 10 recommended sources connected"));
        assertThat(hasStyle(robot, "#checklist-mailchimp", "connected")).isTrue();
        assertThat(hasStyle(robot, "#checklist-shopify", "not-connected")).isTrue();
        Screenshots.write(stage.getScene(), "hub-onboarding-progress");

        robot.clickOn("#onboarding-checklist-toggle");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(robot.lookup("#onboarding-checklist").query().isVisible()).isFalse();
    }

    @Test
    void aChecklistItem_getsItsTooltip_whenThePointerFirstGetsThere_sayingWhyItIsRecommended(FxRobot robot) {
        Node item = robot.lookup("#checklist-mailchimp").query();
        assertThat(item.getProperties()).doesNotContainKey(TOOLTIP);

        robot.moveTo(item);

        WaitForAsyncUtils.waitForFxEvents();
        Tooltip tip = (Tooltip) item.getProperties().get(TOOLTIP);
        assertThat(tip).isNotNull();
        assertThat(tip.getText()).isEqualTo("How your newsletters perform");
    }

    @Test
    void theSummary_exportsJsonToTheChosenFile_andCopiesItsTextToTheClipboard(FxRobot robot) throws Exception {
        connectMailchimp(robot);
        openSummary(robot);

        assertThat(text(robot, "#summary-progress")).isEqualTo("1 of 10 recommended sources connected");
        assertThat(text(robot, "#summary-airbyte")).startsWith("Airbyte: Demo: the built-in Airbyte simulator");
        assertThat(robot.lookup(".summary-connection").queryAll()).hasSize(1);
        Screenshots.write(robot.lookup("#summary-dialog").query().getScene(), "summary-dialog");

        saveAs = exports.resolve("summary.json");
        robot.clickOn("#summary-export-json");
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> text(robot, "#summary-message").startsWith("Saved to"));
        assertThat(asked).containsExactly(SummaryFormat.JSON);
        assertThat(text(robot, "#summary-message")).isEqualTo("Saved to " + saveAs);
        JsonNode json = new ObjectMapper().readTree(saveAs.toFile());
        assertThat(json.path("schemaVersion").asInt()).isEqualTo(1);
        assertThat(json.at("/connections/0/provider").asText()).isEqualTo("mailchimp");
        assertThat(json.at("/progress/connected").asInt()).isEqualTo(1);

        robot.clickOn("#summary-copy");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(robot.lookup("#summary-copy").queryAs(Button.class).getText()).isEqualTo("Copied");
        String copied = WaitForAsyncUtils.asyncFx(() -> Clipboard.getSystemClipboard().getString())
                .get(10, TimeUnit.SECONDS);
        assertThat(copied).startsWith(HubRobot.chosenTenant(robot).name() + " — onboarding summary\n")
                .contains("1 of 10 recommended sources connected").contains("Mailchimp — account");
        robot.clickOn("#summary-close");
    }

    @Test
    void anExportToAFolderWithoutWriteAccess_saysSoInOneSentence_andWritesNothing(FxRobot robot) throws Exception {
        try (ReadOnlyFolder locked = ReadOnlyFolder.at(exports.resolve("locked"))) {
            WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> HubRobot.loaded(robot)
                    && text(robot, "#onboarding-progress").endsWith("connected"));
            openSummary(robot);
            saveAs = locked.path().resolve("summary.pdf");

            robot.clickOn("#summary-export-pdf");
            WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> text(robot, "#summary-message")
                    .startsWith("Could not write"));

            assertThat(text(robot, "#summary-message")).isEqualTo("Could not write " + saveAs
                    + ": Onramp may not write in " + locked.path() + "; pick another folder.");
            assertThat(hasStyle(robot, "#summary-message", "error-message")).isTrue();
            try (Stream<Path> left = Files.list(locked.path())) {
                assertThat(left).isEmpty();
            }
            robot.clickOn("#summary-close");
        }
    }
}
