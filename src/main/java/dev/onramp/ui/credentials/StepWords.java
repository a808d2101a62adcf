package dev.onramp.ui.credentials;

import dev.onramp.connect.ConnectStep;
import dev.onramp.ui.common.UiText;

/** What a running connect flow is doing now, in the window's language, for the connect and credentials dialogs. */
public final class StepWords {
    private StepWords() {}

    /** The step in words, e.g. "Waiting for you in the browser". */
    public static String of(ConnectStep step) {
        return switch (step) {
            case PREPARING -> UiText.get("ui.credentials.step.preparing");
            case WAITING_FOR_CONSENT -> UiText.get("ui.credentials.step.waitingForConsent");
            case AUTHORIZING -> UiText.get("ui.credentials.step.authorizing");
            case CREATING_SOURCE -> UiText.get("ui.credentials.step.creatingSource");
            case UPDATING_SOURCE -> UiText.get("ui.credentials.step.updatingSource");
            case TESTING_CREDENTIALS -> UiText.get("ui.credentials.step.testingCredentials");
            case UPDATING_CREDENTIALS -> UiText.get("ui.credentials.step.updatingCredentials");
            case RESTORING_CREDENTIALS -> UiText.get("ui.credentials.step.restoringCredentials");
            case TESTING -> UiText.get("ui.credentials.step.testing");
            case DISCOVERING -> UiText.get("ui.credentials.step.discovering");
            case SAVING -> UiText.get("ui.credentials.step.saving");
        };
    }
}
