package dev.onramp.connect;

import dev.onramp.model.InvalidInputException;
import dev.onramp.text.Text;

/**
 * A disconnect refused before anything started, with the sentence that says why; {@link #usage()}
 * tells a mistake in what was asked for (several accounts and none named, an account that names
 * nothing) from a refusal of what was asked (nothing to disconnect).
 */
public final class DisconnectRefusedException extends InvalidInputException {
    private final boolean usage;

    DisconnectRefusedException(Text text, boolean usage) {
        super(text);
        this.usage = usage;
    }

    /** True when the request itself was wrong and naming the right connection fixes it. */
    public boolean usage() {
        return usage;
    }
}
