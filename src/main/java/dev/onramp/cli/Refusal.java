package dev.onramp.cli;

import dev.onramp.model.InvalidInputException;
import dev.onramp.text.Messages;
import dev.onramp.text.Text;

/**
 * Input the command line refuses with a sentence of its own: said in the run's language, while its
 * message stays English for what is recorded (an audit entry of a refused update).
 */
final class Refusal extends InvalidInputException {
    Refusal(Text text) {
        super(text);
    }

    /** What to tell the person about {@code e}: its sentence in their language when it carries one, else its message. */
    static String said(RuntimeException e, Messages messages) {
        return messages.message(e);
    }
}
