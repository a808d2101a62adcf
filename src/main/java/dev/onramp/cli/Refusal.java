package dev.onramp.cli;

import dev.onramp.model.InvalidInputException;
import dev.onramp.text.Messages;
import dev.onramp.text.Text;

/**
 * Input the command line refuses with a sentence of its own: said in the run's language, while its
 * message stays English for what is recorded (an audit entry of a refused update).
 */
final class Refusal extends InvalidInputException {
    private final transient Text text;

    Refusal(Text text) {
        super(Messages.english().render(text));
        this.text = text;
    }

    /** What to tell the person about {@code e}: a refusal's sentence in their language, else the core's sentence. */
    static String said(RuntimeException e, Messages messages) {
        return e instanceof Refusal refusal ? messages.render(refusal.text) : e.getMessage();
    }
}
