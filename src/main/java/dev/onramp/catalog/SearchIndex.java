package dev.onramp.catalog;

import dev.onramp.model.Provider;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.UnaryOperator;

/**
 * The words providers are searched by in one language, read once a provider and kept for every search made from
 * it: name, the registry's keywords, category in English and in that language, and summary as the provider says it.
 */
public final class SearchIndex {
    private final Locale locale;
    private final UnaryOperator<String> categoryWords;
    /** Read from the bundles when first needed, not while a window that will search is being built. */
    private volatile Set<String> stopWords;
    private final Map<String, Entry> entries = new ConcurrentHashMap<>();
    /** Each category's words in both languages, said once however many providers it has. */
    private final Map<String, List<String>> categories = new ConcurrentHashMap<>();

    /**
     * @param locale the language a person reads the providers' summaries, categories and reasons in
     * @param categoryWords a catalog category (as the catalog names it, in English) in that language
     */
    public SearchIndex(Locale locale, UnaryOperator<String> categoryWords) {
        this.locale = Objects.requireNonNull(locale, "locale");
        this.categoryWords = Objects.requireNonNull(categoryWords, "categoryWords");
    }

    /** An index of providers as the catalog says them in English. */
    public static SearchIndex english() {
        return new SearchIndex(Locale.ENGLISH, UnaryOperator.identity());
    }

    /**
     * A search over {@code providers}; {@code reasons} says, by provider id, why a provider is recommended to the
     * business, in this index's language, and is searched too.
     */
    public ProviderSearch search(List<Provider> providers, Map<String, String> reasons) {
        return new ProviderSearch(this, providers, reasons);
    }

    /** {@code provider}'s words, read when first asked for. */
    Entry entry(Provider provider) {
        Entry known = entries.get(provider.id());
        if (known != null && (known.provider() == provider || known.provider().equals(provider))) {
            return known;
        }
        Entry read = read(provider);
        entries.put(provider.id(), read);
        return read;
    }

    private Entry read(Provider provider) {
        List<String> name = SearchWords.words(provider.name() + " " + provider.id().replace('-', ' '));
        Set<String> keywords = new LinkedHashSet<>();
        for (String keyword : provider.listing().keywords()) {
            keywords.addAll(SearchWords.words(keyword));
        }
        List<String> category = categories.computeIfAbsent(provider.category(), this::categoryWords);
        List<String> summary = provider.summary() == null ? List.of() : SearchWords.text(provider.summary());
        Set<String> own = new LinkedHashSet<>(meaningful(summary));
        own.removeAll(name); // "Data from your Mux account": its name is found as a name
        return new Entry(provider, name, String.join("", SearchWords.words(provider.name())), category,
                List.copyOf(keywords), List.copyOf(own));
    }

    private List<String> categoryWords(String category) {
        Set<String> words = new LinkedHashSet<>(SearchWords.words(category));
        words.addAll(SearchWords.text(categoryWords.apply(category)));
        words.removeAll(stopWords());
        return List.copyOf(words);
    }

    /** The little words a search skips: English's and this language's. */
    Set<String> stopWords() {
        Set<String> read = stopWords;
        if (read == null) {
            read = SearchWords.stopWords(locale);
            stopWords = read;
        }
        return read;
    }

    /** {@code words} without the little words. */
    List<String> meaningful(List<String> words) {
        return words.stream().filter(word -> !stopWords().contains(word)).toList();
    }

    /**
     * A provider's words: its name's and id's, its name as one word, its category's (both languages), the
     * registry's keywords (each word of them) and its summary's (without the little words).
     */
    record Entry(Provider provider, List<String> name, String joinedName, List<String> category, List<String> keywords,
            List<String> summary) {}
}
