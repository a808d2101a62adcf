package dev.onramp.cli;

import dev.onramp.AppContext;
import dev.onramp.model.InvalidInputException;
import dev.onramp.model.Tenant;
import java.util.List;
import java.util.stream.Collectors;

/** Picks the business a command works on: the named one, or the only one there is. */
final class Tenants {
    private Tenants() {}

    static Tenant pick(AppContext app, String name) {
        List<Tenant> all = app.tenants().tenantsCreatingDemoIfNone();
        if (name != null) {
            return app.tenants().byName(name).orElseThrow(() -> new InvalidInputException(
                    "No business named \"" + name.strip() + "\". Known: " + names(all) + "."));
        }
        if (all.size() == 1) {
            return all.getFirst();
        }
        throw new InvalidInputException("There are several businesses; pick one with --tenant NAME (" + names(all) + ").");
    }

    private static String names(List<Tenant> tenants) {
        return tenants.stream().map(Tenant::name).collect(Collectors.joining(", "));
    }
}
