package dev.onramp.airbyte;

import dev.onramp.text.Messages;
import dev.onramp.text.Text;
import java.util.Objects;

/**
 * The outcome of Airbyte testing a source's connection: why it failed as {@code text} (Airbyte's own
 * words, or Onramp's sentence around them) and as {@code message}, its English rendering.
 */
public record CheckResult(boolean succeeded, String message, Text text) {
    public CheckResult {
        Objects.requireNonNull(message, "message");
        Objects.requireNonNull(text, "text");
    }

    /** An outcome in Airbyte's own words, which no language changes. */
    public CheckResult(boolean succeeded, String message) {
        this(succeeded, message, Text.verbatim(message));
    }

    /** An outcome said by Onramp, in the person's language. */
    static CheckResult of(boolean succeeded, Text text) {
        return new CheckResult(succeeded, Messages.english().render(text), text);
    }
}
