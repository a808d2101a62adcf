package dev.onramp.connect;

import dev.onramp.model.Provider;
import dev.onramp.text.Messages;
import dev.onramp.text.Text;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The providers to show a business, in the hub's order (featured first, then by name), with their
 * categories, where the list came from and, when the Airbyte in use could not give its own, why not.
 *
 * @param problemText one sentence for the person when the live list could not be had ("Onramp could not
 *     refresh the provider list from …; the bundled list is shown"); empty otherwise
 */
public record ProviderList(List<Provider> providers, List<String> categories, Origin origin,
        Optional<Text> problemText) {
    /** Where a list came from. */
    public enum Origin {
        /** The bundled snapshot merged with the connectors the self-managed Airbyte in use lists. */
        LIVE,
        /** The bundled snapshot as it is: demo mode, before a refresh, or when the refresh failed. */
        BUNDLED,
        /** The bundled snapshot without the connectors Airbyte Cloud's public API cannot create. */
        BUNDLED_FOR_CLOUD
    }

    public ProviderList {
        providers = List.copyOf(providers);
        categories = List.copyOf(categories);
        Objects.requireNonNull(origin, "origin");
        Objects.requireNonNull(problemText, "problemText");
    }

    /** {@link #problemText()} in the window's (the process's display) language. */
    public Optional<String> problem() {
        return problemText.map(Messages.display()::render);
    }

    /** Whether the Airbyte in use gave the list (custom and newer connectors included). */
    public boolean live() {
        return origin == Origin.LIVE;
    }

    public Optional<Provider> provider(String id) {
        return providers.stream().filter(p -> p.id().equals(id)).findFirst();
    }
}
