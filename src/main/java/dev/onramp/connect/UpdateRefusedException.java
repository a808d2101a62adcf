package dev.onramp.connect;

import dev.onramp.model.InvalidInputException;
import dev.onramp.text.Text;
import java.util.Objects;

/**
 * An update of a connection's credentials that Onramp refused before anything was sent, with why:
 * the command line tells a wrong choice of connection (exit 2) from a business that has nothing to
 * update (exit 1). It is audited when it is thrown.
 */
public final class UpdateRefusedException extends InvalidInputException {
    /** Why the update was refused. */
    public enum Reason {
        /** The business has no connection to that provider (or none left that Airbyte still has). */
        NOT_CONNECTED(false),
        /** The account named matches none of the business's connections to that provider. */
        NO_SUCH_ACCOUNT(true),
        /** The business has several connections to that provider and none was named. */
        SEVERAL_ACCOUNTS(true),
        /** The connection signs in through the provider's consent page: Reconnect renews it. */
        SIGNS_IN(true),
        /** Onramp cannot read the connection's stored settings, or the values given are refused. */
        CANNOT_UPDATE(false);

        private final boolean wrongChoice;

        Reason(boolean wrongChoice) {
            this.wrongChoice = wrongChoice;
        }

        /** True when the person chose the wrong thing to update (another connection, or Reconnect, is right). */
        public boolean wrongChoice() {
            return wrongChoice;
        }
    }

    private final Reason reason;

    public UpdateRefusedException(Reason reason, Text text) {
        super(text);
        this.reason = Objects.requireNonNull(reason, "reason");
    }

    public UpdateRefusedException(Reason reason, String message) {
        super(message);
        this.reason = Objects.requireNonNull(reason, "reason");
    }

    public Reason reason() {
        return reason;
    }
}
