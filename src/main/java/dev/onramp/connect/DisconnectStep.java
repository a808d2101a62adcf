package dev.onramp.connect;

import dev.onramp.text.Messages;
import dev.onramp.text.Text;

/** The steps of a disconnect a person is shown, each heard once its journal step is committed. */
public enum DisconnectStep {
    /** The disconnect is recorded in the journal; Airbyte is asked to delete the source next. */
    DELETING_SOURCE,
    /** Airbyte no longer has the source; the connection is marked disconnected next. */
    SAVING;

    /** The step as a person reads it, without an ellipsis: "Deleting the source in Airbyte". */
    public Text text() {
        return switch (this) {
            case DELETING_SOURCE -> Text.of("connect.disconnectStep.deletingSource");
            case SAVING -> Text.of("connect.disconnectStep.saving");
        };
    }

    /** {@link #text()} in the window's (the process's display) language. */
    public String label() {
        return Messages.display().render(text());
    }
}
