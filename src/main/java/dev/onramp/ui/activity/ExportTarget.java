package dev.onramp.ui.activity;

import dev.onramp.diagnostics.ActivityService;
import dev.onramp.ui.common.UiText;
import java.io.File;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import javafx.stage.FileChooser;
import javafx.stage.Window;

/** Asks where an export goes and in which format: a save dialog in the app, a stand-in in tests. */
@FunctionalInterface
public interface ExportTarget {
    /** The file and format chosen, or empty when the person cancelled; called on the FX thread. */
    Optional<Choice> ask(Window owner);

    /** A file to write and the format to write it in. */
    record Choice(Path file, ActivityService.Format format) {}

    /** The system's save dialog, its file types CSV and JSON lines. */
    static ExportTarget fileChooser() {
        return owner -> {
            FileChooser chooser = new FileChooser();
            chooser.setTitle(UiText.get("ui.activity.export.title"));
            chooser.setInitialFileName("onramp-audit.csv");
            FileChooser.ExtensionFilter csv = new FileChooser.ExtensionFilter(UiText.get("ui.activity.export.csv"), "*.csv");
            FileChooser.ExtensionFilter json = new FileChooser.ExtensionFilter(UiText.get("ui.activity.export.jsonLines"),
                    "*.jsonl");
            chooser.getExtensionFilters().addAll(List.of(csv, json));
            File chosen = chooser.showSaveDialog(owner);
            if (chosen == null) {
                return Optional.empty();
            }
            boolean asJson = chooser.getSelectedExtensionFilter() == json || chosen.getName().endsWith(".jsonl")
                    || chosen.getName().endsWith(".json");
            return Optional.of(new Choice(chosen.toPath(),
                    asJson ? ActivityService.Format.JSON_LINES : ActivityService.Format.CSV));
        };
    }
}
