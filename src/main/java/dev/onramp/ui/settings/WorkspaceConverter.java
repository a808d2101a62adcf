package dev.onramp.ui.settings;

import dev.onramp.model.AirbyteWorkspace;
import java.util.List;
import javafx.util.StringConverter;

/** Shows a workspace as "name (id)", and reads what is typed as one of the known workspaces or as an id. */
final class WorkspaceConverter extends StringConverter<AirbyteWorkspace> {
    private final List<AirbyteWorkspace> known;

    /** @param known the workspaces found so far; the list is read at each conversion, so it may change */
    WorkspaceConverter(List<AirbyteWorkspace> known) {
        this.known = known;
    }

    @Override
    public String toString(AirbyteWorkspace workspace) {
        if (workspace == null) {
            return "";
        }
        return workspace.name().equals(workspace.id()) ? workspace.id() : workspace.name() + " (" + workspace.id() + ")";
    }

    @Override
    public AirbyteWorkspace fromString(String text) {
        String typed = text == null ? "" : text.strip();
        if (typed.isEmpty()) {
            return null;
        }
        return known.stream()
                .filter(workspace -> toString(workspace).equals(typed) || workspace.id().equals(typed))
                .findFirst()
                .orElse(new AirbyteWorkspace(typed, typed));
    }
}
