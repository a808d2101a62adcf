package dev.onramp.ui.summary;

import dev.onramp.connect.summary.SummaryFormat;
import dev.onramp.ui.common.UiText;
import java.io.File;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;
import javafx.stage.FileChooser;
import javafx.stage.Window;

/**
 * Asks the person where to save an export: the system's save dialog, unless the window carries another
 * asker in its properties under {@code FileAsker.class} (tests do: no save dialog can be driven headless).
 */
@FunctionalInterface
public interface FileAsker {
    /** The file to write, or empty when the person cancelled. */
    Optional<Path> ask(Window owner, SummaryFormat format, String suggestedName);

    /** The system's save dialog in the person's home folder, offering only files of the format's extension. */
    FileAsker CHOOSER = (owner, format, suggestedName) -> {
        FileChooser chooser = new FileChooser();
        chooser.setTitle(UiText.get("ui.summary.export.title", format.name()));
        chooser.setInitialFileName(suggestedName);
        File home = new File(System.getProperty("user.home", ""));
        if (home.isDirectory()) {
            chooser.setInitialDirectory(home);
        }
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter(
                UiText.get("ui.summary.export.files", format.name()), "*." + format.extension().toLowerCase(Locale.ROOT)));
        return Optional.ofNullable(chooser.showSaveDialog(owner)).map(File::toPath);
    };

    /** The asker {@code owner} carries, else the system's save dialog. */
    static FileAsker of(Window owner) {
        return owner != null && owner.getProperties().get(FileAsker.class) instanceof FileAsker own ? own : CHOOSER;
    }
}
