package dev.onramp.store;

import dev.onramp.text.Messages;
import dev.onramp.text.Said;
import dev.onramp.text.Text;

/**
 * A store failure with a sentence a person can act on (locked file, corrupt file, ...): {@link #text()}
 * for the window and the command line, its English rendering as the message; made with a sentence,
 * {@code text()} is that sentence verbatim.
 */
public class StoreException extends RuntimeException implements Said {
    private final transient Text text;

    public StoreException(String message, Throwable cause) {
        super(message, cause);
        this.text = Text.verbatim(message);
    }

    public StoreException(String message) {
        super(message);
        this.text = Text.verbatim(message);
    }

    public StoreException(Text text, Throwable cause) {
        super(Messages.english().render(text), cause);
        this.text = text;
    }

    public StoreException(Text text) {
        this(text, null);
    }

    @Override
    public Text text() {
        return text;
    }
}
