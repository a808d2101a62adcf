package dev.onramp.business;

/**
 * The built-in Airbyte simulator as the window's Demo menu plays with it: what happens to a source in a
 * real Airbyte behind Onramp's back, so the next check shows how Onramp copes. Every call blocks briefly.
 */
public interface DemoAirbyte {
    /**
     * Revokes the source's sign-in at its provider, as a person does who removes the app's access: its
     * tests fail until it is signed in again.
     *
     * @return false when the source holds no sign-in to revoke (it was connected with a typed key)
     * @throws IllegalArgumentException when the simulator has no such source, with a sentence saying so
     */
    boolean revokeSignIn(String sourceId);

    /**
     * Makes the provider fail the source's next test (an HTTP 500 from its API), a failure reconnecting
     * does not fix.
     *
     * @throws IllegalArgumentException when the simulator has no such source, with a sentence saying so
     */
    void failNextTest(String sourceId);

    /**
     * Deletes the source in the simulator, as someone does in Airbyte's own screens.
     *
     * @throws IllegalArgumentException when the simulator has no such source, with a sentence saying so
     */
    void deleteSource(String sourceId);

    /**
     * Switches a standing scenario on or off in the simulator; it stays on, for every business that uses
     * the simulator, until it is switched off or the app quits.
     */
    void play(DemoScenario scenario, boolean on);

    /**
     * Forgets everything visitors left in the simulator, so that the next one starts clean: every source
     * still there, the sign-ins it kept and which were revoked, the failures armed for the next calls (a
     * scenario switched on stays on).
     *
     * @return how many sources it still had
     */
    int forgetVisitors();
}
