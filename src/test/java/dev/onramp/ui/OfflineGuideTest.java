package dev.onramp.ui;

import static org.assertj.core.api.Assertions.assertThat;

import dev.onramp.testing.ReadOnlyFolder;
import dev.onramp.ui.common.Screenshots;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.Label;
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
 * Hilfe → Dokumentation öffnen in the real window speaking German: the German guide, copied into the data folder,
 * opens in the browser; where Onramp may not write it, one sentence beside the menu says why and what to do.
 */
@ExtendWith(ApplicationExtension.class)
class OfflineGuideTest {
    @TempDir
    Path dataDir;

    private final Locale before = Locale.getDefault(Locale.Category.DISPLAY);
    private final List<URI> opened = new CopyOnWriteArrayList<>();
    private AppUnderTest app;
    private Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        Locale.setDefault(Locale.Category.DISPLAY, Locale.GERMAN);
        app = AppUnderTest.start(dataDir, url -> opened.add(url));
        AppUnderTest.showHub(stage, app.services());
    }

    @AfterEach
    void closeApp() throws Exception {
        try {
            app.closeAfterHiding(stage);
        } finally {
            Locale.setDefault(Locale.Category.DISPLAY, before);
        }
    }

    @Test
    void inGerman_openDocumentation_opensTheGermanGuideFromTheDataFolder(FxRobot robot) throws Exception {
        robot.clickOn("Hilfe");
        robot.clickOn("Dokumentation öffnen");

        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> !opened.isEmpty());
        URI guide = opened.getFirst();
        assertThat(guide.getScheme()).isEqualTo("file");
        Path page = Path.of(guide);
        assertThat(page).startsWith(dataDir.toAbsolutePath()).isRegularFile();
        assertThat(page.getFileName()).hasToString("onramp-guide-de.html");
        assertThat(Files.readString(page)).contains("<html lang=\"de\">", "<h2 id=\"shortcuts\">Tastenkürzel</h2>");
    }

    @Test
    void aHelpFolderOnrampMayNotWriteIn_isSaidBesideTheMenu_andNoBrowserOpens(FxRobot robot) throws Exception {
        try (ReadOnlyFolder locked = ReadOnlyFolder.at(dataDir.resolve("help"))) {
            robot.clickOn("Hilfe");
            robot.clickOn("Dokumentation öffnen");

            Label status = robot.lookup("#help-status").queryAs(Label.class);
            WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> !status.getText().isEmpty());
            assertThat(status.getText()).isEqualTo("Onramp darf nicht in " + locked.path().toAbsolutePath()
                    + " schreiben und kann sein Handbuch deshalb nicht öffnen: Bitten Sie Ihre IT, Ihrem Benutzer"
                    + " Schreibrechte für diesen Ordner zu geben, und versuchen Sie es dann erneut.");
            assertThat(status.isVisible()).isTrue();
            assertThat(opened).isEmpty();
            Screenshots.write(stage.getScene(), "help-guide-not-written-de");
        }
    }
}
