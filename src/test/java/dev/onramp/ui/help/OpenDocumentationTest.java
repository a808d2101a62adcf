package dev.onramp.ui.help;

import static org.assertj.core.api.Assertions.assertThat;

import dev.onramp.testing.ReadOnlyFolder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Help → Open documentation without a toolkit: the guide in the window's language is copied whole into the data
 * folder and that file handed to the browser; a folder that cannot be written, or no browser, is said in one
 * sentence.
 */
class OpenDocumentationTest {
    @TempDir
    Path dir;

    private final Locale before = Locale.getDefault(Locale.Category.DISPLAY);
    private final List<Path> opened = new CopyOnWriteArrayList<>();

    @AfterEach
    void restoreLanguage() {
        Locale.setDefault(Locale.Category.DISPLAY, before);
    }

    private Optional<String> open(Path dataFolder, boolean browserOpens) {
        HelpTopics topics = new HelpTopics(() -> dataFolder, page -> opened.add(page) && browserOpens,
                Runnable::run, Runnable::run);
        return topics.openDocumentation().toCompletableFuture().join();
    }

    @Test
    void inGerman_theGermanGuideIsCopiedIntoTheDataFolder_andThatFileOpened() throws Exception {
        Locale.setDefault(Locale.Category.DISPLAY, Locale.GERMAN);
        Path data = dir.resolve("data");

        Optional<String> problem = open(data, true);

        assertThat(problem).isEmpty();
        Path page = data.resolve("help/onramp-guide-de.html").toAbsolutePath();
        assertThat(opened).containsExactly(page);
        assertThat(page.toUri().getScheme()).isEqualTo("file");
        assertThat(Files.readAllBytes(page)).isEqualTo(GuidePage.bundled(Locale.GERMAN));
        assertThat(Files.readString(page)).contains("<html lang=\"de\">");
    }

    @Test
    void inFrench_theFrenchGuide_andInALanguageWithoutOne_theEnglishGuide() throws Exception {
        Path data = dir.resolve("data");
        Locale.setDefault(Locale.Category.DISPLAY, Locale.FRENCH);
        open(data, true);
        Locale.setDefault(Locale.Category.DISPLAY, Locale.ITALIAN);
        open(data, true);

        assertThat(opened).containsExactly(data.resolve("help/onramp-guide-fr.html").toAbsolutePath(),
                data.resolve("help/onramp-guide-en.html").toAbsolutePath());
        assertThat(Files.readString(opened.get(0))).contains("<html lang=\"fr\">");
        assertThat(Files.readString(opened.get(1))).contains("<html lang=\"en\">");
    }

    @Test
    void theSameGuideAlreadyThere_isLeftAsItIs_andAnotherOne_isReplacedWhole() throws Exception {
        Locale.setDefault(Locale.Category.DISPLAY, Locale.ENGLISH);
        Path data = dir.resolve("data");
        open(data, true);
        Path page = opened.getFirst();
        FileTime longAgo = FileTime.from(Instant.parse("2020-01-01T00:00:00Z"));
        Files.setLastModifiedTime(page, longAgo);

        open(data, true);
        assertThat(Files.getLastModifiedTime(page)).isEqualTo(longAgo);

        Files.writeString(page, "<html lang=\"en\">the guide of an older Onramp</html>");
        open(data, true);

        assertThat(Files.readAllBytes(page)).isEqualTo(GuidePage.bundled(Locale.ENGLISH));
        try (Stream<Path> files = Files.list(page.getParent())) {
            assertThat(files.map(file -> file.getFileName().toString())).containsExactly("onramp-guide-en.html");
        }
    }

    @Test
    void aDataFolderOnrampMayNotWriteIn_isSaidInOneSentence_andNothingIsOpened() throws Exception {
        Locale.setDefault(Locale.Category.DISPLAY, Locale.ENGLISH);
        try (ReadOnlyFolder locked = ReadOnlyFolder.at(dir.resolve("data"))) {
            Optional<String> problem = open(locked.path(), true);

            assertThat(problem).contains("Onramp may not write in " + locked.path().toAbsolutePath() + ", so it"
                    + " cannot open its guide: ask your IT to let your user write in that folder, then try again.");
            assertThat(opened).isEmpty();
            try (Stream<Path> left = Files.list(locked.path())) {
                assertThat(left).isEmpty();
            }
        }
    }

    @Test
    void noBrowserOpening_saysWhereTheGuideIs_toOpenByHand() {
        Locale.setDefault(Locale.Category.DISPLAY, Locale.ENGLISH);
        Path data = dir.resolve("data");

        Optional<String> problem = open(data, false);

        Path page = data.resolve("help/onramp-guide-en.html").toAbsolutePath();
        assertThat(problem).contains("No browser opened: open " + page + " in a browser.");
        assertThat(page).exists();
    }

    @Test
    void everyFileTheGuideLeavesInTheDataFolder_isNamedOnramp_asRemoveDataExpects() throws Exception {
        Path data = dir.resolve("data");
        for (Locale language : List.of(Locale.ENGLISH, Locale.GERMAN, Locale.FRENCH)) {
            Locale.setDefault(Locale.Category.DISPLAY, language);
            open(data, true);
        }

        try (Stream<Path> files = Files.list(data)) {
            assertThat(files.map(file -> file.getFileName().toString())).containsExactly(GuidePage.FOLDER);
        }
        try (Stream<Path> files = Files.list(data.resolve(GuidePage.FOLDER))) {
            assertThat(files.map(file -> file.getFileName().toString())).hasSize(3)
                    .allMatch(name -> name.startsWith("onramp"));
        }
    }
}
