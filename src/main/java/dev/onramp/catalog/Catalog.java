package dev.onramp.catalog;

import dev.onramp.catalog.CatalogFile.RecommendationEntry;
import dev.onramp.model.BusinessType;
import dev.onramp.model.Provider;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/** The bundled provider catalog and business types, with recommendations per business type. */
public final class Catalog {
    private static final String BUNDLED = "catalog.json";
    private static final Comparator<Provider> BY_NAME =
            Comparator.comparing(Provider::name, String.CASE_INSENSITIVE_ORDER).thenComparing(Provider::id);

    private final List<Provider> providers;
    private final List<BusinessType> businessTypes;
    private final Map<String, List<RecommendationEntry>> picks;

    Catalog(List<Provider> providers, List<BusinessType> businessTypes, Map<String, List<RecommendationEntry>> picks) {
        this.providers = List.copyOf(providers);
        this.businessTypes = List.copyOf(businessTypes);
        this.picks = Map.copyOf(picks);
    }

    /**
     * Loads the catalog bundled with the app.
     *
     * @throws IllegalStateException when the bundled file is missing or broken, naming the problem
     */
    public static Catalog bundled() {
        return load(Catalog.class.getResourceAsStream(BUNDLED), "dev/onramp/catalog/" + BUNDLED);
    }

    /** Reads a catalog in the bundled format; {@code origin} names it in error messages. */
    static Catalog load(InputStream in, String origin) {
        if (in == null) {
            throw new IllegalStateException(
                    "The provider catalog " + origin + " is missing from the Onramp package: reinstall Onramp.");
        }
        try (in) {
            return new CatalogReader().read(in);
        } catch (CatalogReader.BrokenCatalogException e) {
            throw new IllegalStateException("The provider catalog " + origin + " is broken: " + e.getMessage() + ".", e);
        } catch (IOException e) {
            throw new IllegalStateException("Onramp could not read its provider catalog " + origin + ": " + e.getMessage(), e);
        }
    }

    /** Every provider, in the catalog's own order. */
    public List<Provider> providers() {
        return providers;
    }

    public Optional<Provider> provider(String id) {
        return providers.stream().filter(p -> p.id().equals(id)).findFirst();
    }

    public List<BusinessType> businessTypes() {
        return businessTypes;
    }

    public Optional<BusinessType> businessType(String id) {
        return businessTypes.stream().filter(b -> b.id().equals(id)).findFirst();
    }

    /**
     * Every provider, recommended ones first in rank order, each with the reason it is (or is not) recommended.
     * The rest follow by name; {@link Recommendation#rank()} is the 1-based place in this list. An
     * unknown business type recommends nothing, so every provider comes by name.
     */
    public List<Recommendation> recommend(String businessTypeId) {
        Objects.requireNonNull(businessTypeId, "businessTypeId");
        List<RecommendationEntry> ranked = picks.getOrDefault(businessTypeId, List.of());
        List<Recommendation> hub = new ArrayList<>(providers.size());
        Set<String> recommended = new HashSet<>();
        for (RecommendationEntry pick : ranked) {
            Provider provider = provider(pick.provider()).orElseThrow();
            hub.add(new Recommendation(provider, true, hub.size() + 1, pick.reason()));
            recommended.add(provider.id());
        }
        String notRecommended = picks.containsKey(businessTypeId)
                ? "Not a usual source for this kind of business"
                : "Choose the kind of business to see recommendations";
        providers.stream()
                .filter(p -> !recommended.contains(p.id()))
                .sorted(BY_NAME)
                .forEach(p -> hub.add(new Recommendation(p, false, hub.size() + 1, notRecommended)));
        return List.copyOf(hub);
    }
}
