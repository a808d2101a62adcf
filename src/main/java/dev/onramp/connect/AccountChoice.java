package dev.onramp.connect;

import java.util.Objects;
import java.util.Optional;

/**
 * What a person said about the account a connect adds: the label to give it (else Onramp names it)
 * and whether connecting an account the business already has connected is meant.
 */
public record AccountChoice(Optional<String> label, boolean allowDuplicate) {
    /** Onramp names the account, and refuses one that is already connected. */
    public static final AccountChoice DEFAULT = new AccountChoice(Optional.empty(), false);

    public AccountChoice {
        Objects.requireNonNull(label, "label");
    }

    /** The same choice, with connecting an already connected account allowed. */
    public AccountChoice allowingDuplicate() {
        return new AccountChoice(label, true);
    }
}
