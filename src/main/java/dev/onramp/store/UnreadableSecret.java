package dev.onramp.store;

import dev.onramp.model.ConnectionId;
import dev.onramp.model.TenantId;
import java.util.Optional;

/**
 * A connection whose stored secret does not decrypt (altered, or moved from another row), named as a
 * person knows it, with the command line that removes it from Onramp without needing that secret.
 *
 * @param removal the {@code onramp disconnect … --local-only --yes} line, as a person types it
 */
public record UnreadableSecret(TenantId tenant, String business, ConnectionId connection, String provider,
        Optional<String> account, String removal) {

    /** "the stripe connection (account acct_2) of business Acme". */
    public String description() {
        return "the " + provider + " connection" + account.map(label -> " (account " + label + ")").orElse("")
                + " of business " + business;
    }

    /** The sentence for a person: what is wrong, and the command that removes the connection. */
    String sentence(String consequence) {
        return "Onramp could not decrypt the secret stored for " + description() + ": it was altered or does not"
                + " belong to this row, so " + consequence + ". Remove that connection from Onramp, which needs no"
                + " secret: " + removal + " (its source stays in Airbyte).";
    }
}
