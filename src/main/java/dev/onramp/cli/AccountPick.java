package dev.onramp.cli;

import dev.onramp.text.Messages;
import dev.onramp.model.Connection;
import dev.onramp.model.Provider;
import dev.onramp.model.Tenant;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Picks the one connection a command acts on among a business's live connections of a provider: the
 * only one, or the one {@code --account} names by its label (any case) or source id.
 */
final class AccountPick {
    private AccountPick() {}

    /** Why no single connection was picked, as a sentence: wrong usage, exit 2. */
    static final class NoneNamed extends RuntimeException {
        NoneNamed(String message) {
            super(message);
        }
    }

    /** What the connection is picked for. */
    enum Purpose { REAUTHORIZE, RENAME }

    /**
     * The connection to act on for {@code purpose}.
     *
     * @throws NoneNamed in {@code messages}' language when several are there and none is named, or {@code account} names none
     */
    static Connection among(List<Connection> live, Tenant tenant, Provider provider, Optional<String> account,
            Purpose purpose, Messages messages) {
        String accounts = live.stream().map(c -> "\"" + c.accountLabel() + "\"").collect(Collectors.joining(", "));
        if (account.isEmpty()) {
            if (live.size() > 1) {
                throw new NoneNamed(switch (purpose) {
                    case REAUTHORIZE -> messages.get("cli.accountPick.severalToReauthorize", tenant.name(), live.size(),
                            provider.name(), accounts);
                    case RENAME -> messages.get("cli.accountPick.severalToRename", tenant.name(), live.size(),
                            provider.name(), accounts);
                });
            }
            return live.getFirst();
        }
        String wanted = account.get().strip();
        return live.stream().filter(c -> c.accountLabel().equalsIgnoreCase(wanted) || c.sourceId().equals(wanted))
                .findFirst()
                .orElseThrow(() -> new NoneNamed(messages.get("cli.accountPick.noSuch", tenant.name(), provider.name(),
                        wanted.replaceAll("\\p{Cc}", "?"), accounts)));
    }
}
