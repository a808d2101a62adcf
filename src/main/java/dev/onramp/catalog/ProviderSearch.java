package dev.onramp.catalog;

import dev.onramp.model.Provider;
import dev.onramp.model.ProviderListing.SupportLevel;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Finds providers by what a person types: their name, category or the data they hold ("invoices"),
 * in any word order and despite a wrong, missing, extra or two swapped letters, best match first.
 */
public final class ProviderSearch {
    /** Longer searches are cut here: nobody types more, and the cost stays bounded. */
    static final int MAX_QUERY = SearchWords.MAX_QUERY;

    private static final int NAME = 100;
    private static final int NAME_PREFIX = 80;
    private static final int NAME_TYPO = 60;
    private static final int CATEGORY = 50;
    private static final int KEYWORD = 40;
    private static final int KEYWORD_PREFIX = 30;
    private static final int KEYWORD_TYPO = 20;
    /** A word of what a person reads of the provider: its summary, why it is recommended. */
    private static final int TEXT = 35;
    private static final int TEXT_PREFIX = 28;
    /**
     * A slip in a word of the texts, or a word found inside one of their compounds; a compound ending in the word
     * ("Eingangsrechnungen" for "Rechnungen") is a kind of it, and counts as a word it begins.
     */
    private static final int TEXT_NEAR = 18;
    /** A word found inside a compound must be this long, and begin this far in, to be more than chance. */
    private static final int PART_LENGTH = 5;
    private static final int PART_START = 3;
    /** A data word found in the category it is most at home in ("invoices" in Accounting) counts more. */
    private static final int HOME_CATEGORY = 15;
    /** A provider recommended for the business outranks others that match as well or a little better. */
    private static final int RECOMMENDED = 20;
    /** Well-known providers (Onramp's featured ones, then Airbyte's certified) come before others matching a little better. */
    private static final int FEATURED = 12;
    private static final int CERTIFIED = 6;
    /**
     * A word of the texts that this many providers say (more than a tenth of them, and at least this many) tells them
     * apart no more than "data" or "account" does, and is not searched in the texts.
     */
    private static final int COMMON = 30;

    private final List<Indexed> providers;
    private final Set<String> stopWords;
    private final Map<String, String> homeCategory;

    /** A search over {@code providers} as the catalog says them in English, which it indexes once. */
    public ProviderSearch(List<Provider> providers) {
        this(SearchIndex.english(), providers, Map.of());
    }

    /**
     * A search over {@code providers} with their words from {@code index}, and the words of {@code reasons}, why each
     * provider (by id) is recommended to the business, in the index's language.
     */
    ProviderSearch(SearchIndex index, List<Provider> providers, Map<String, String> reasons) {
        this.stopWords = index.stopWords();
        List<Indexed> indexed = new ArrayList<>(providers.size());
        for (Provider provider : providers) {
            SearchIndex.Entry entry = index.entry(provider);
            Set<String> texts = new LinkedHashSet<>(entry.summary());
            String reason = reasons.get(provider.id());
            if (reason != null) {
                texts.addAll(index.meaningful(SearchWords.text(reason)));
            }
            indexed.add(new Indexed(entry, texts));
        }
        Set<String> common = common(indexed);
        this.providers = indexed.stream().map(each -> each.without(common)).toList();
        this.homeCategory = homeCategories(this.providers);
    }

    /** One provider that matched, with how well. */
    public record Match(Provider provider, int score) {}

    /**
     * The providers matching {@code query} within {@code category} (empty for every category), best
     * first, the {@code recommended}, featured and certified ones lifted a little; among equal matches recommended ones, then
     * featured (Onramp's picks for small businesses), then certified, then by name. An empty query matches every provider of the category; one of only
     * punctuation matches none. The query is plain text: no character has a special meaning. Every word typed
     * must be found, but for the little words ("and", "und", "et"), which need not be.
     */
    public List<Match> search(String query, String category, Set<String> recommended) {
        List<String> words = SearchWords.query(query == null ? "" : query);
        if (words.isEmpty() && query != null && !query.isBlank()) {
            return List.of(); // only punctuation: nothing is named like that
        }
        String joined = String.join("", words);
        List<Match> matches = new ArrayList<>();
        for (Indexed indexed : providers) {
            if (category != null && !category.isEmpty() && !indexed.provider().category().equals(category)) {
                continue;
            }
            int score = score(indexed, words, joined);
            if (score > 0) {
                score += standing(indexed.provider(), recommended);
            }
            if (score > 0 || words.isEmpty()) {
                matches.add(new Match(indexed.provider(), score));
            }
        }
        matches.sort(Comparator.comparingInt(Match::score).reversed()
                .thenComparing(m -> !recommended.contains(m.provider().id()))
                .thenComparing(m -> !m.provider().featured())
                .thenComparing(m -> m.provider().listing().support() != SupportLevel.CERTIFIED)
                .thenComparing(m -> m.provider().name(), String.CASE_INSENSITIVE_ORDER));
        return matches;
    }

    /** The lower-case words of a text, accents removed, at most {@value SearchWords#MAX_WORDS} of the first {@value #MAX_QUERY} characters. */
    static List<String> words(String text) {
        return SearchWords.query(text);
    }

    private int score(Indexed indexed, List<String> words, String joined) {
        if (words.isEmpty()) {
            return 0;
        }
        SearchIndex.Entry entry = indexed.entry();
        // "hub spot" and "quick books" find HubSpot and QuickBooks, whose names are one word.
        if (words.size() > 1 && joined.length() >= 4) {
            int whole = nameScore(entry.joinedName(), joined);
            if (whole > 0) {
                return whole * words.size();
            }
        }
        int total = 0;
        for (String word : words) {
            int best = 0;
            for (String name : entry.name()) {
                best = Math.max(best, nameScore(name, word));
            }
            if (best < NAME) {
                best = Math.max(best, nameScore(entry.joinedName(), word));
            }
            for (String category : entry.category()) {
                if (category.equals(word) || (word.length() >= 3 && category.startsWith(word))) {
                    best = Math.max(best, CATEGORY);
                }
            }
            best = Math.max(best, keywordScore(indexed, word));
            if (best < TEXT + HOME_CATEGORY) {
                best = Math.max(best, textScore(indexed, word));
            }
            if (best == 0 && !stopWords.contains(word)) {
                return 0;
            }
            total += best;
        }
        return total;
    }

    private int keywordScore(Indexed indexed, String word) {
        String home = homeCategory.get(word);
        int bonus = home != null && home.equals(indexed.provider().category()) ? HOME_CATEGORY : 0;
        int best = 0;
        for (String keyword : indexed.entry().keywords()) {
            int hit = keyword.equals(word) ? KEYWORD
                    : word.length() >= 3 && keyword.startsWith(word) ? KEYWORD_PREFIX
                    : word.length() >= 4 && typo(keyword, word) ? KEYWORD_TYPO : 0;
            if (hit > 0) {
                best = Math.max(best, hit + (hit == KEYWORD ? bonus : homeBonusOf(keyword, indexed)));
            }
        }
        return best;
    }

    private int textScore(Indexed indexed, String word) {
        int best = 0;
        for (String text : indexed.texts()) {
            int hit = text.equals(word) ? TEXT
                    : word.length() >= 3 && text.startsWith(word) ? TEXT_PREFIX
                    : compoundPart(text, word) ? (text.endsWith(word) ? TEXT_PREFIX : TEXT_NEAR)
                    : word.length() >= 4 && typo(text, word) ? TEXT_NEAR : 0;
            if (hit > 0) {
                best = Math.max(best, hit + (hit == TEXT_NEAR ? 0 : homeBonusOf(text, indexed)));
            }
        }
        return best;
    }

    /**
     * Whether {@code word} is a part of the compound {@code text} past its first: "rechnungen" of
     * "eingangsrechnungen", the kind of word German makes of two.
     */
    private static boolean compoundPart(String text, String word) {
        return word.length() >= PART_LENGTH && text.length() >= word.length() + PART_START
                && text.indexOf(word, PART_START) >= 0;
    }

    private static int standing(Provider provider, Set<String> recommended) {
        return (recommended.contains(provider.id()) ? RECOMMENDED : 0) + (provider.featured() ? FEATURED : 0)
                + (provider.listing().support() == SupportLevel.CERTIFIED ? CERTIFIED : 0);
    }

    private int homeBonusOf(String keyword, Indexed indexed) {
        String home = homeCategory.get(keyword);
        return home != null && home.equals(indexed.provider().category()) ? HOME_CATEGORY : 0;
    }

    private static int nameScore(String name, String word) {
        if (name.equals(word)) {
            return NAME;
        }
        if (name.startsWith(word)) {
            return NAME_PREFIX;
        }
        return word.length() >= 4 && typo(name, word) ? NAME_TYPO : 0;
    }

    /**
     * Whether {@code word} is {@code target}, or the start of it, but for one wrong, missing or extra
     * letter or two neighbouring letters swapped.
     */
    static boolean typo(String target, String word) {
        if (Math.abs(target.length() - word.length()) <= 1 && withinOne(target, word)) {
            return true;
        }
        // A word still being typed: compare it with the target's start of about its length.
        for (int length = word.length() - 1; length <= word.length() + 1; length++) {
            if (length > 0 && length < target.length() && withinOne(target.substring(0, length), word)) {
                return true;
            }
        }
        return false;
    }

    /** Optimal string alignment distance at most 1, without building the whole table. */
    private static boolean withinOne(String a, String b) {
        int la = a.length();
        int lb = b.length();
        if (Math.abs(la - lb) > 1) {
            return false;
        }
        int i = 0;
        while (i < la && i < lb && a.charAt(i) == b.charAt(i)) {
            i++;
        }
        if (i == la && i == lb) {
            return true;
        }
        if (la == lb) {
            // One wrong letter, or two neighbours swapped.
            return a.regionMatches(i + 1, b, i + 1, la - i - 1)
                    || (i + 1 < la && a.charAt(i) == b.charAt(i + 1) && a.charAt(i + 1) == b.charAt(i)
                            && a.regionMatches(i + 2, b, i + 2, la - i - 2));
        }
        // One letter missing or extra.
        return la > lb ? a.regionMatches(i + 1, b, i, lb - i) : b.regionMatches(i + 1, a, i, la - i);
    }

    /** For each data word (of keywords and texts), the category in which the largest share of providers carries it. */
    private static Map<String, String> homeCategories(List<Indexed> providers) {
        Map<String, Integer> perCategory = new HashMap<>();
        Map<String, Map<String, Integer>> counts = new HashMap<>();
        for (Indexed indexed : providers) {
            String category = indexed.provider().category();
            perCategory.merge(category, 1, Integer::sum);
            Set<String> carried = new HashSet<>(indexed.entry().keywords());
            carried.addAll(indexed.texts());
            for (String word : carried) {
                counts.computeIfAbsent(word, k -> new HashMap<>()).merge(category, 1, Integer::sum);
            }
        }
        Map<String, String> home = new HashMap<>();
        counts.forEach((word, byCategory) -> {
            String best = null;
            double bestShare = -1;
            for (Map.Entry<String, Integer> each : byCategory.entrySet()) {
                double share = (double) each.getValue() / perCategory.get(each.getKey());
                if (!each.getKey().equals("Other") && (share > bestShare
                        || (share == bestShare && each.getKey().compareTo(best) > 0))) {
                    best = each.getKey();
                    bestShare = share;
                }
            }
            if (best != null) {
                home.put(word, best);
            }
        });
        return home;
    }

    /** The words of the texts that so many of the providers say that they tell none apart. */
    private static Set<String> common(List<Indexed> providers) {
        int many = Math.max(COMMON, providers.size() / 10);
        Map<String, Integer> saying = new HashMap<>();
        providers.forEach(each -> each.texts().forEach(word -> saying.merge(word, 1, Integer::sum)));
        Set<String> common = new HashSet<>();
        saying.forEach((word, count) -> {
            if (count > many) {
                common.add(word);
            }
        });
        return common;
    }

    /** A provider's words as its index read them, and the words of its texts a search looks at: its summary's and reason's. */
    private record Indexed(SearchIndex.Entry entry, Collection<String> texts) {
        Provider provider() {
            return entry.provider();
        }

        Indexed without(Set<String> common) {
            return new Indexed(entry, texts.stream().filter(word -> !common.contains(word)).toList());
        }
    }

    /** The provider best matching {@code query}, if any. */
    public Optional<Provider> best(String query) {
        List<Match> matches = search(query, "", Set.of());
        return matches.isEmpty() || words(query).isEmpty() ? Optional.empty() : Optional.of(matches.getFirst().provider());
    }
}
