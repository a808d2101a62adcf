package dev.onramp.business;

import java.time.Duration;

/**
 * A standing scenario the built-in simulator can play for an audience, switched on and off from the
 * window's Demo menu, with the words a sales person reads: its name and what the audience will see.
 */
public enum DemoScenario {
    SLOW("Airbyte is slow",
            "Every call to Airbyte takes 3 s: a connect shows its progress step by step, and Cancel."),
    DOWN("Airbyte is down",
            "Every call to Airbyte fails: Onramp tries again a few times, then says Airbyte cannot be reached and to"
                    + " try again later."),
    SIGN_IN_REFUSED("The sign-in page is refused",
            "The provider's sign-in page turns the person away at once: the connect says the sign-in was refused."),
    CHECK_FAILS("Source check fails",
            "Every test of a source fails (the provider's API answers 500): a connect or a check shows the failing"
                    + " check's sentence."),
    NOT_READY_FOR_OAUTH("Airbyte is not ready for OAuth",
            "Airbyte has no OAuth app for any provider: a sign-in stops before the browser opens, saying who sets one"
                    + " up and the other way to connect.");

    /** How long every call takes while {@link #SLOW} is on. */
    public static final Duration SLOW_CALL = Duration.ofSeconds(3);

    private final String title;
    private final String effect;

    DemoScenario(String title, String effect) {
        this.title = title;
        this.effect = effect;
    }

    /** Its name, e.g. "Airbyte is slow". */
    public String title() {
        return title;
    }

    /** One line on what the audience will see while it is on. */
    public String effect() {
        return effect;
    }
}
