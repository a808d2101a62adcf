package dev.onramp.model;

import dev.onramp.text.Messages;
import dev.onramp.text.Said;
import dev.onramp.text.Text;

/**
 * Input a person gave that Onramp refuses; the message says what to change. Made with a {@link Text},
 * it is said in the person's language by the window and the command line, and its message is the
 * English rendering (for logs and records); made with a sentence, {@link #text()} is that sentence verbatim.
 */
public class InvalidInputException extends RuntimeException implements Said {
    private final transient Text text;

    public InvalidInputException(String message) {
        super(message);
        this.text = Text.verbatim(message);
    }

    public InvalidInputException(Text text) {
        super(Messages.english().render(text));
        this.text = text;
    }

    @Override
    public Text text() {
        return text;
    }
}
