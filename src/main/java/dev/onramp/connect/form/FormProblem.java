package dev.onramp.connect.form;

import dev.onramp.text.Messages;
import dev.onramp.text.Text;
import java.util.Objects;

/** Why a value of a connector form is refused, as a sentence naming the field, e.g. "Secret Key is required." */
public record FormProblem(String path, Text text) {
    public FormProblem {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(text, "text");
    }

    /** A refusal said the same in every language. */
    public FormProblem(String path, String message) {
        this(path, Text.verbatim(Objects.requireNonNull(message, "message")));
    }

    /** The sentence in the process's display language (the window's). */
    public String message() {
        return Messages.display().render(text);
    }
}
