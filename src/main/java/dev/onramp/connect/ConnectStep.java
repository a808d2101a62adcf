package dev.onramp.connect;

/** What a running connect flow is doing now, in words a person understands. */
public enum ConnectStep {
    PREPARING("Preparing the connection"),
    WAITING_FOR_CONSENT("Waiting for you in the browser"),
    AUTHORIZING("Completing the authorization"),
    CREATING_SOURCE("Creating the source in Airbyte"),
    UPDATING_SOURCE("Giving the source in Airbyte the new sign-in"),
    TESTING_CREDENTIALS("Testing the new credentials"),
    UPDATING_CREDENTIALS("Giving the source in Airbyte the new credentials"),
    RESTORING_CREDENTIALS("Giving the source in Airbyte its previous credentials back"),
    TESTING("Testing the connection"),
    DISCOVERING("Listing the data streams"),
    SAVING("Saving the connection");

    private final String label;

    ConnectStep(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
