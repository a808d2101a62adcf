package dev.onramp.connect.summary;

import dev.onramp.text.Messages;
import dev.onramp.text.Text;

/** The words for how many of a business's recommended sources are connected, singular and plural right. */
public final class ProgressText {
    private ProgressText() {}

    /**
     * "3 of 5 recommended sources connected", "All 5 recommended sources connected", "0 of 1 recommended
     * source connected", "The recommended source is connected", or "No recommended sources for this business".
     */
    public static Text text(int connected, int recommended) {
        if (recommended <= 0) {
            return Text.of("connect.summary.progress.none");
        }
        if (connected >= recommended) {
            return Text.of("connect.summary.progress.all", recommended);
        }
        return Text.of("connect.summary.progress.some", connected, recommended);
    }

    /** {@link #text} in English, as the JSON says it. */
    public static String of(int connected, int recommended) {
        return Messages.english().render(text(connected, recommended));
    }
}
