package dev.onramp.connect.summary;

/** The words for how many of a business's recommended sources are connected, singular and plural right. */
public final class ProgressText {
    private ProgressText() {}

    /**
     * "3 of 5 recommended sources connected", "All 5 recommended sources connected", "0 of 1 recommended
     * source connected", "The recommended source is connected", or "No recommended sources for this business".
     */
    public static String of(int connected, int recommended) {
        if (recommended <= 0) {
            return "No recommended sources for this business";
        }
        if (connected >= recommended) {
            return recommended == 1 ? "The recommended source is connected"
                    : "All " + recommended + " recommended sources connected";
        }
        return connected + " of " + recommended + " recommended " + (recommended == 1 ? "source" : "sources")
                + " connected";
    }
}
