package dev.onramp.connect.summary;

import dev.onramp.text.Messages;
import dev.onramp.text.Said;
import dev.onramp.text.Text;

/**
 * A summary that could not be written to a file, with one sentence saying why and what to do: {@link #text()}
 * for the window and the command line, its English rendering as the message.
 */
public final class SummaryWriteException extends RuntimeException implements Said {
    private static final long serialVersionUID = 1L;

    private final transient Text text;

    public SummaryWriteException(Text text) {
        super(Messages.english().render(text));
        this.text = text;
    }

    @Override
    public Text text() {
        return text;
    }
}
