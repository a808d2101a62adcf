package dev.onramp.ui;

import static org.assertj.core.api.Assertions.assertThat;

import dev.onramp.diagnostics.BundledLibraries;
import dev.onramp.diagnostics.Versions;
import dev.onramp.ui.common.Screenshots;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
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
 * The Help menu in the real window: About Onramp, Keyboard shortcuts, Open documentation (the guide on this
 * computer), and Copy diagnostics' "Copied".
 */
@ExtendWith(ApplicationExtension.class)
class HelpMenuTest {
    @TempDir
    Path dataDir;

    private AppUnderTest app;
    private Stage stage;
    private final List<URI> opened = new CopyOnWriteArrayList<>();

    @Start
    void start(Stage stage) {
        this.stage = stage;
        app = AppUnderTest.start(dataDir, url -> opened.add(url));
        AppUnderTest.showHub(stage, app.services());
    }

    @AfterEach
    void closeApp() throws Exception {
        app.closeAfterHiding(stage);
    }

    @Test
    void aboutOnramp_showsTheVersionTheDataFolderAndEveryLibrarysLicence(FxRobot robot) throws Exception {
        robot.clickOn("Help");
        robot.clickOn("About Onramp");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> robot.lookup("#about-licences").tryQuery().isPresent());

        Node about = robot.lookup("#about-onramp").query();
        assertThat(robot.from(about).lookup(".about-heading").queryAs(Label.class).getText())
                .isEqualTo("Onramp " + Versions.current().onramp());
        assertThat(robot.lookup("#about-data-folder").queryAs(Label.class).getText())
                .isEqualTo("Data folder: " + dataDir.toAbsolutePath());
        String licences = robot.lookup("#about-licences").queryAs(TextArea.class).getText();
        assertThat(BundledLibraries.all()).isNotEmpty().allSatisfy(library -> assertThat(licences)
                .contains(library.line()));
        assertThat(licences).contains("OpenJFX (JavaFX) (javafx-controls 25.0.4): GPL-2.0 with the Classpath Exception")
                .doesNotContain("unknown");
        assertThat(robot.lookup("#about-logos").queryAs(TextArea.class).getText()).contains("simple-icons", "CC0");
        Screenshots.write(about.getScene(), "help-about");
        robot.clickOn("Close");
    }

    @Test
    void keyboardShortcuts_listsSearchAndActivity(FxRobot robot) throws Exception {
        robot.clickOn("Help");
        robot.clickOn("Keyboard shortcuts");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> robot.lookup("#shortcut-list").tryQuery().isPresent());

        List<String> keys = robot.lookup("#shortcut-list").lookup(".shortcut-keys").queryAllAs(Label.class).stream()
                .map(Label::getText).toList();
        assertThat(keys).anyMatch(text -> text.startsWith("Ctrl+F")).anyMatch(text -> text.startsWith("Ctrl+Shift+A"))
                .contains("Escape");
        Screenshots.write(robot.lookup("#shortcut-list").query().getScene(), "help-shortcuts");
        robot.clickOn("Close");
    }

    @Test
    void openDocumentation_opensTheGuideCopiedIntoTheDataFolder_inTheBrowser(FxRobot robot) throws Exception {
        robot.clickOn("Help");
        robot.clickOn("Open documentation");

        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> !opened.isEmpty());
        assertThat(opened).hasSize(1);
        URI guide = opened.getFirst();
        assertThat(guide.getScheme()).isEqualTo("file");
        Path page = Path.of(guide);
        assertThat(page).isEqualTo(dataDir.toAbsolutePath().resolve("help/onramp-guide-en.html")).isRegularFile();
        assertThat(Files.readString(page)).contains("<html lang=\"en\">", "<h2 id=\"shortcuts\">");
        assertThat(robot.lookup("#help-status").queryAs(Label.class).getText()).isEmpty();
    }

    @Test
    void copyDiagnostics_saysCopiedBesideTheMenu_thenTheWordsGo(FxRobot robot) throws Exception {
        robot.clickOn("Help");
        robot.clickOn("Copy diagnostics");
        Label status = robot.lookup("#help-status").queryAs(Label.class);

        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> status.getText().startsWith("Copied"));
        assertThat(status.isVisible()).isTrue();
        assertThat(status.getParent()).isSameAs(robot.lookup(".menu-bar").query().getParent());
        Screenshots.write(stage.getScene(), "help-copied");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> status.getText().isEmpty());
    }
}
