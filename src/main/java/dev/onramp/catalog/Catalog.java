package dev.onramp.catalog;

import dev.onramp.catalog.CatalogFile.RecommendationEntry;
import dev.onramp.model.BusinessType;
import dev.onramp.model.Provider;
import dev.onramp.model.ProviderListing;
import dev.onramp.model.ProviderListing.SupportLevel;
import dev.onramp.text.Messages;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The bundled provider catalog — Onramp's featured providers with their business-type
 * recommendations, and every other connector of Airbyte's registry snapshot — and the business types,
 * its texts in English or, {@linkplain #in(Locale) in another language}, in that one.
 */
public final class Catalog {
    private static final Logger LOG = LoggerFactory.getLogger(Catalog.class);
    private static final String BUNDLED = "catalog.json";
    private static final String SNAPSHOT = "connectors.json.gz";
    private static final Comparator<Provider> BY_NAME =
            Comparator.comparing(Provider::name, String.CASE_INSENSITIVE_ORDER).thenComparing(Provider::id);

    private final List<Provider> providers;
    private final List<Provider> featured;
    private final Map<String, Provider> byId;
    private final Map<String, Provider> byDefinitionId;
    private final List<String> categories;
    private final List<BusinessType> businessTypes;
    private final Map<String, List<RecommendationEntry>> picks;
    /** The language of its texts, and the sentences it says itself (why a provider is not recommended). */
    private final Messages messages;
    /** This catalog with its texts in English, as the files have them: itself when it is in English. */
    private final Catalog english;
    /** The English catalog's translations made so far, by language: each is made once. */
    private final Map<Locale, Catalog> translations = new ConcurrentHashMap<>();

    Catalog(List<Provider> providers, List<BusinessType> businessTypes, Map<String, List<RecommendationEntry>> picks) {
        this(providers, List.of(), businessTypes, picks, Messages.english(), null);
    }

    private Catalog(List<Provider> providers, List<String> categories, List<BusinessType> businessTypes,
            Map<String, List<RecommendationEntry>> picks, Messages messages, Catalog english) {
        this.providers = List.copyOf(providers);
        this.featured = this.providers.stream().filter(Provider::featured).toList();
        Map<String, Provider> ids = new LinkedHashMap<>();
        Map<String, Provider> definitions = new LinkedHashMap<>();
        this.providers.forEach(p -> {
            ids.put(p.id(), p);
            definitions.put(p.definitionId(), p);
        });
        this.byId = Map.copyOf(ids);
        this.byDefinitionId = Map.copyOf(definitions);
        this.categories = categories.isEmpty()
                ? this.providers.stream().map(Provider::category).distinct().toList() : List.copyOf(categories);
        this.businessTypes = List.copyOf(businessTypes);
        this.picks = Map.copyOf(picks);
        this.messages = messages;
        this.english = english == null ? this : english;
    }

    /**
     * Loads the catalog bundled with the app: the featured providers, then every other connector of
     * the registry snapshot by name. A snapshot that cannot be read leaves the featured providers.
     *
     * @throws IllegalStateException when the featured catalog is missing or broken, naming the problem
     */
    public static Catalog bundled() {
        Catalog curated = load(Catalog.class.getResourceAsStream(BUNDLED), "dev/onramp/catalog/" + BUNDLED);
        InputStream snapshot = Catalog.class.getResourceAsStream(SNAPSHOT);
        if (snapshot == null) {
            LOG.warn("The connector snapshot dev/onramp/catalog/{} is missing; only the featured providers are listed",
                    SNAPSHOT);
            return curated;
        }
        return curated.with(new SnapshotReader().read(snapshot, "dev/onramp/catalog/" + SNAPSHOT));
    }

    /** This catalog's featured providers, listed with the snapshot's facts, followed by the snapshot's other connectors. */
    private Catalog with(SnapshotReader.Snapshot snapshot) {
        Map<String, Provider> others = new LinkedHashMap<>();
        snapshot.providers().forEach(p -> others.putIfAbsent(p.definitionId(), p));
        List<Provider> all = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        for (Provider mine : providers) {
            Provider registry = others.remove(mine.definitionId());
            ProviderListing listing = registry == null ? new ProviderListing("", SupportLevel.COMMUNITY, List.of(), true, false)
                    : new ProviderListing(registry.listing().documentationUrl(), registry.listing().support(),
                            registry.listing().keywords(), true, registry.listing().cloudOAuth());
            all.add(new Provider(mine.id(), mine.name(), mine.category(), mine.definitionId(), mine.sourceType(),
                    mine.authMode(), mine.oauth(), mine.summary(), listing));
            ids.add(mine.id());
        }
        others.values().stream().sorted(BY_NAME).forEach(other -> {
            if (ids.add(other.id())) {
                all.add(other);
            } else {
                LOG.warn("Skipped the snapshot's connector {} ({}): a featured provider has its id", other.name(),
                        other.definitionId());
            }
        });
        return new Catalog(all, snapshot.categories(), businessTypes, picks, messages, null);
    }

    /** The featured catalog alone, as {@code catalog.json} has it: the English its translations translate. */
    static Catalog curated() {
        return load(Catalog.class.getResourceAsStream(BUNDLED), "dev/onramp/catalog/" + BUNDLED);
    }

    /**
     * This catalog with its texts — providers' summaries, business types' names and descriptions, the reasons
     * of its recommendations — in {@code locale}'s language ({@link CatalogWords}), English where Onramp does
     * not speak it. Ids, names of providers, categories and order stay as they are: what is stored of a
     * business (its type's id) does not change with the language. JSON and records keep the English catalog.
     */
    public Catalog in(Locale locale) {
        CatalogWords words = CatalogWords.of(locale);
        if (words.english()) {
            return english;
        }
        if (words.locale().equals(messages.locale())) {
            return this;
        }
        return english.translations.computeIfAbsent(words.locale(), language -> english.translated(words));
    }

    private Catalog translated(CatalogWords words) {
        List<Provider> said = english.providers.stream().map(words::said).toList();
        List<BusinessType> types = english.businessTypes.stream()
                .map(type -> new BusinessType(type.id(), words.name(type), words.description(type))).toList();
        Map<String, List<RecommendationEntry>> reasons = new LinkedHashMap<>();
        english.picks.forEach((type, ranked) -> reasons.put(type, ranked.stream()
                .map(pick -> new RecommendationEntry(pick.provider(), words.reason(type, pick.provider(), pick.reason())))
                .toList()));
        return new Catalog(said, english.categories, types, reasons, Messages.of(words.locale()), english);
    }

    /** The language of this catalog's texts. */
    public Locale locale() {
        return messages.locale();
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

    /** Every provider: the featured ones in the catalog's own order, then the others by name. */
    public List<Provider> providers() {
        return providers;
    }

    /** Onramp's featured providers, with hand-written summaries and recommendations, in the catalog's own order. */
    public List<Provider> featured() {
        return featured;
    }

    public Optional<Provider> provider(String id) {
        return Optional.ofNullable(byId.get(id));
    }

    /** The provider of this Airbyte source definition. */
    public Optional<Provider> providerOfDefinition(String definitionId) {
        return Optional.ofNullable(byDefinitionId.get(definitionId));
    }

    /** The provider categories, in the order the hub offers them as filters. */
    public List<String> categories() {
        return categories;
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
        String notRecommended = picks.containsKey(businessTypeId) ? messages.get("catalog.recommend.notUsual")
                : messages.get("catalog.recommend.noType");
        providers.stream()
                .filter(p -> !recommended.contains(p.id()))
                .sorted(BY_NAME)
                .forEach(p -> hub.add(new Recommendation(p, false, hub.size() + 1, notRecommended)));
        return List.copyOf(hub);
    }
}
