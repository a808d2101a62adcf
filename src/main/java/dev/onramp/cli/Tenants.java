package dev.onramp.cli;

import dev.onramp.AppContext;
import dev.onramp.model.InvalidInputException;
import dev.onramp.model.Tenant;
import dev.onramp.text.Messages;
import java.util.List;
import java.util.stream.Collectors;

/** Picks the business a command works on: the named one, or the only one there is. */
final class Tenants {
    private Tenants() {}

    /**
     * The business {@code name} names, or the only one when no name is given.
     *
     * @throws InvalidInputException in {@code messages}' language when there is no such business, or several and no name
     */
    static Tenant pick(AppContext app, String name, Messages messages) {
        List<Tenant> all = app.tenants().tenantsCreatingDemoIfNone();
        if (name != null) {
            return app.tenants().byName(name).orElseThrow(() -> new InvalidInputException(
                    messages.get("cli.tenants.noSuch", name.strip(), names(all))));
        }
        if (all.size() == 1) {
            return all.getFirst();
        }
        throw new InvalidInputException(messages.get("cli.tenants.several", names(all)));
    }

    private static String names(List<Tenant> tenants) {
        return tenants.stream().map(Tenant::name).collect(Collectors.joining(", "));
    }
}
