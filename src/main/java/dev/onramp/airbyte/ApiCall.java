package dev.onramp.airbyte;

import dev.onramp.text.Messages;
import dev.onramp.text.Text;

/** One kind of call a gateway makes: the words its error messages use and whether it may be sent twice. */
interface ApiCall {
    /** What Airbyte was asked to do, completing "Airbyte could not ..." (German says it as a noun: "das Anlegen der Quelle"). */
    Text action();

    /** {@link #action()} in English, for the log. */
    default String verb() {
        return Messages.english().render(action());
    }

    /**
     * Whether sending the call again does no harm when the first answer was lost or failed. A
     * create is not: a 502 may come after Airbyte made the source, so only the flow's journal can
     * tell what happened.
     */
    boolean repeatable();

    /** Whether the call creates a source: its limit is {@link CallPolicy#createTimeout()}. */
    default boolean createsSource() {
        return false;
    }
}
