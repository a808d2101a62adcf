package dev.onramp.connect;

/** The steps of a disconnect a person is shown, each heard once its journal step is committed. */
public enum DisconnectStep {
    /** The disconnect is recorded in the journal; Airbyte is asked to delete the source next. */
    DELETING_SOURCE("Deleting the source in Airbyte"),
    /** Airbyte no longer has the source; the connection is marked disconnected next. */
    SAVING("Marking the connection disconnected");

    private final String label;

    DisconnectStep(String label) {
        this.label = label;
    }

    /** The step as a person reads it, without an ellipsis: "Deleting the source in Airbyte". */
    public String label() {
        return label;
    }
}
