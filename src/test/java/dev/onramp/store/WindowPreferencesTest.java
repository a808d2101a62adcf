package dev.onramp.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The window's preferences file beside the database: read before anything is opened, written whole. */
class WindowPreferencesTest {
    @TempDir
    Path dataDir;

    @Test
    void aMissingFile_meansNothingSaved_andAPutIsReadBackByAnotherInstance() {
        WindowPreferences preferences = new WindowPreferences(dataDir.resolve("new-folder"));
        assertThat(preferences.get("theme")).isEmpty();

        preferences.put("theme", Optional.of("dark"));
        preferences.put("window_placement", Optional.of("10,20,1200,800,false"));

        WindowPreferences again = new WindowPreferences(dataDir.resolve("new-folder"));
        assertThat(again.get("theme")).contains("dark");
        assertThat(again.get("window_placement")).contains("10,20,1200,800,false");
        again.put("theme", Optional.empty());
        assertThat(preferences.get("theme")).isEmpty();
        assertThat(preferences.get("window_placement")).isPresent();
    }

    @Test
    void theFileIsTheOwnersOnly_andNoTemporaryFileIsLeft() throws Exception {
        new WindowPreferences(dataDir).put("theme", Optional.of("light"));

        Path file = dataDir.resolve(WindowPreferences.FILE);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        try (var listed = Files.list(dataDir)) {
            assertThat(listed.map(path -> path.getFileName().toString())).containsExactly(WindowPreferences.FILE);
        }
    }

    @Test
    void anUnreadableFile_meansNothingSaved_andIsReplacedByTheNextPut() throws Exception {
        Files.write(dataDir.resolve(WindowPreferences.FILE), new byte[] {'a', '=', '\\', 'u', '0', '0'});
        WindowPreferences preferences = new WindowPreferences(dataDir);

        assertThat(preferences.get("a")).isEmpty();
        preferences.put("theme", Optional.of("dark"));
        assertThat(preferences.get("theme")).contains("dark");
    }
}
