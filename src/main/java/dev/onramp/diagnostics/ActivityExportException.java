package dev.onramp.diagnostics;

import dev.onramp.text.Messages;
import dev.onramp.text.Said;
import dev.onramp.text.Text;
import java.io.IOException;
import java.io.UncheckedIOException;

/** An export of the audit trail that wrote nothing, with a sentence saying why and what to do, as {@link Text}. */
public final class ActivityExportException extends UncheckedIOException implements Said {
    private static final long serialVersionUID = 1L;

    private final transient Text text;

    public ActivityExportException(Text text, IOException cause) {
        super(Messages.english().render(text), cause);
        this.text = text;
    }

    @Override
    public Text text() {
        return text;
    }
}
