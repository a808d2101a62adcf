package dev.onramp.connect;

import dev.onramp.airbyte.SourceDefinition;
import dev.onramp.catalog.Catalog;
import dev.onramp.catalog.UncuratedListing;
import dev.onramp.model.AuthMode;
import dev.onramp.model.Provider;
import dev.onramp.model.ProviderListing;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Merges the bundled catalog with the connectors a self-managed Airbyte lists: a definition the
 * catalog knows keeps Onramp's listing, an unknown one (custom or newer) becomes a provider by the
 * rules of tools/catalog's generator, and the catalog's connectors this Airbyte lacks are left out.
 */
final class LiveProviders {
    private static final Comparator<Provider> BY_NAME =
            Comparator.comparing(Provider::name, String.CASE_INSENSITIVE_ORDER).thenComparing(Provider::id);

    private LiveProviders() {}

    /** The providers of {@code definitions}: the featured ones in the catalog's order, then the rest by name. */
    static ProviderList merge(Catalog catalog, List<SourceDefinition> definitions) {
        List<Provider> featured = new ArrayList<>();
        List<Provider> others = new ArrayList<>();
        Set<String> definitionIds = new HashSet<>();
        Set<String> ids = new HashSet<>();
        catalog.providers().forEach(p -> ids.add(p.id()));
        for (SourceDefinition definition : definitions) {
            if (!definitionIds.add(definition.definitionId())) {
                continue;
            }
            Optional<Provider> known = catalog.providerOfDefinition(definition.definitionId());
            if (known.isEmpty()) {
                Provider unknown = provider(definition, ids);
                ids.add(unknown.id());
                others.add(unknown);
            } else if (!known.get().featured()) {
                others.add(known.get());
            }
        }
        catalog.featured().stream().filter(p -> definitionIds.contains(p.definitionId())).forEach(featured::add);
        others.sort(BY_NAME);
        List<Provider> all = new ArrayList<>(featured);
        all.addAll(others);
        Set<String> categories = new LinkedHashSet<>();
        catalog.categories().stream().filter(c -> all.stream().anyMatch(p -> c.equals(p.category())))
                .forEach(categories::add);
        all.forEach(p -> categories.add(p.category()));
        return new ProviderList(all, List.copyOf(categories), ProviderList.Origin.LIVE, Optional.empty());
    }

    /**
     * A provider for a definition the catalog does not know: its id the image without
     * {@code airbyte/source-} (a custom image's name slug), followed by the start of its definition
     * id when a provider has that id already; typed credentials until its specification says otherwise.
     */
    static Provider provider(SourceDefinition definition, Set<String> taken) {
        String id = definition.slug();
        if (taken.contains(id)) {
            id = id + "-" + definition.definitionId().substring(0, Math.min(8, definition.definitionId().length()));
        }
        String kind = definition.kind().orElse("api");
        ProviderListing listing = new ProviderListing(definition.documentationUrl().orElse(""),
                ProviderListing.SupportLevel.of(definition.supportLevel().orElse("")), List.of(), false, false);
        return new Provider(id, definition.name(), UncuratedListing.category(definition.name(), kind), definition.definitionId(),
                definition.slug(), AuthMode.CREDENTIALS, Optional.empty(), UncuratedListing.summary(definition.name(), kind), listing);
    }
}
