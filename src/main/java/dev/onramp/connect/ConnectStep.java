package dev.onramp.connect;

import dev.onramp.text.Messages;
import dev.onramp.text.Text;

/** What a running connect flow is doing now, in words a person understands. */
public enum ConnectStep {
    PREPARING,
    WAITING_FOR_CONSENT,
    AUTHORIZING,
    CREATING_SOURCE,
    UPDATING_SOURCE,
    TESTING_CREDENTIALS,
    UPDATING_CREDENTIALS,
    RESTORING_CREDENTIALS,
    TESTING,
    DISCOVERING,
    SAVING;

    /** The step as a person reads it: "Creating the source in Airbyte". */
    public Text text() {
        return switch (this) {
            case PREPARING -> Text.of("connect.step.preparing");
            case WAITING_FOR_CONSENT -> Text.of("connect.step.waitingForConsent");
            case AUTHORIZING -> Text.of("connect.step.authorizing");
            case CREATING_SOURCE -> Text.of("connect.step.creatingSource");
            case UPDATING_SOURCE -> Text.of("connect.step.updatingSource");
            case TESTING_CREDENTIALS -> Text.of("connect.step.testingCredentials");
            case UPDATING_CREDENTIALS -> Text.of("connect.step.updatingCredentials");
            case RESTORING_CREDENTIALS -> Text.of("connect.step.restoringCredentials");
            case TESTING -> Text.of("connect.step.testing");
            case DISCOVERING -> Text.of("connect.step.discovering");
            case SAVING -> Text.of("connect.step.saving");
        };
    }

    /** {@link #text()} in the window's (the process's display) language. */
    public String label() {
        return Messages.display().render(text());
    }
}
