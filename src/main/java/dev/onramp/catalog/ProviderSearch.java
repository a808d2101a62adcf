package dev.onramp.catalog;

import dev.onramp.model.Provider;
import dev.onramp.model.ProviderListing.SupportLevel;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Finds providers by what a person types: their name, category or the data they hold ("invoices"),
 * in any word order and despite a wrong, missing, extra or two swapped letters, best match first.
 */
public final class ProviderSearch {
    /** Longer searches are cut here: nobody types more, and the cost stays bounded. */
    static final int MAX_QUERY = 100;
    private static final int MAX_WORDS = 8;

    private static final int NAME = 100;
    private static final int NAME_PREFIX = 80;
    private static final int NAME_TYPO = 60;
    private static final int CATEGORY = 50;
    private static final int KEYWORD = 40;
    private static final int KEYWORD_PREFIX = 30;
    private static final int KEYWORD_TYPO = 20;
    /** A data word found in the category it is most at home in ("invoices" in Accounting) counts more. */
    private static final int HOME_CATEGORY = 15;
    /** A provider recommended for the business outranks others that match as well or a little better. */
    private static final int RECOMMENDED = 20;
    /** Well-known providers (Onramp's featured ones, then Airbyte's certified) come before others matching a little better. */
    private static final int FEATURED = 12;
    private static final int CERTIFIED = 6;

    private final List<Indexed> providers;
    private final Map<String, String> homeCategory;

    /** A search over {@code providers}, which it indexes once. */
    public ProviderSearch(List<Provider> providers) {
        this.providers = providers.stream().map(Indexed::of).toList();
        this.homeCategory = homeCategories(this.providers);
    }

    /** One provider that matched, with how well. */
    public record Match(Provider provider, int score) {}

    /**
     * The providers matching {@code query} within {@code category} (empty for every category), best
     * first, the {@code recommended}, featured and certified ones lifted a little; among equal matches recommended ones, then
     * featured (Onramp's picks for small businesses), then certified, then by name. An empty query matches every provider of the category; one of only
     * punctuation matches none. The query is plain text: no character has a special meaning.
     */
    public List<Match> search(String query, String category, Set<String> recommended) {
        List<String> words = words(query == null ? "" : query);
        if (words.isEmpty() && query != null && !query.isBlank()) {
            return List.of(); // only punctuation: nothing is named like that
        }
        String joined = String.join("", words);
        List<Match> matches = new ArrayList<>();
        for (Indexed indexed : providers) {
            if (category != null && !category.isEmpty() && !indexed.provider.category().equals(category)) {
                continue;
            }
            int score = score(indexed, words, joined);
            if (score > 0) {
                score += standing(indexed.provider, recommended);
            }
            if (score > 0 || words.isEmpty()) {
                matches.add(new Match(indexed.provider, score));
            }
        }
        matches.sort(Comparator.comparingInt(Match::score).reversed()
                .thenComparing(m -> !recommended.contains(m.provider().id()))
                .thenComparing(m -> !m.provider().featured())
                .thenComparing(m -> m.provider().listing().support() != SupportLevel.CERTIFIED)
                .thenComparing(m -> m.provider().name(), String.CASE_INSENSITIVE_ORDER));
        return matches;
    }

    /** The lower-case words of a text, accents removed, at most {@value #MAX_WORDS} of the first {@value #MAX_QUERY} characters. */
    static List<String> words(String text) {
        String cut = text.length() > MAX_QUERY ? text.substring(0, MAX_QUERY) : text;
        String plain = Normalizer.normalize(cut, Normalizer.Form.NFD).replaceAll("\\p{M}", "").toLowerCase(Locale.ROOT);
        Set<String> words = new LinkedHashSet<>();
        for (String word : plain.split("[^\\p{L}\\p{N}]+")) {
            if (!word.isEmpty() && words.size() < MAX_WORDS) {
                words.add(word);
            }
        }
        return List.copyOf(words);
    }

    private int score(Indexed indexed, List<String> words, String joined) {
        if (words.isEmpty()) {
            return 0;
        }
        // "hub spot" and "quick books" find HubSpot and QuickBooks, whose names are one word.
        if (words.size() > 1 && joined.length() >= 4) {
            int whole = nameScore(indexed.joinedName, joined);
            if (whole > 0) {
                return whole * words.size();
            }
        }
        int total = 0;
        for (String word : words) {
            int best = 0;
            for (String name : indexed.name) {
                best = Math.max(best, nameScore(name, word));
            }
            if (best < NAME) {
                best = Math.max(best, nameScore(indexed.joinedName, word));
            }
            for (String category : indexed.category) {
                if (category.equals(word) || (word.length() >= 3 && category.startsWith(word))) {
                    best = Math.max(best, CATEGORY);
                }
            }
            String home = homeCategory.get(word);
            int bonus = home != null && home.equals(indexed.provider.category()) ? HOME_CATEGORY : 0;
            for (String keyword : indexed.keywords) {
                int hit = keyword.equals(word) ? KEYWORD
                        : word.length() >= 3 && keyword.startsWith(word) ? KEYWORD_PREFIX
                        : word.length() >= 4 && typo(keyword, word) ? KEYWORD_TYPO : 0;
                if (hit > 0) {
                    best = Math.max(best, hit + (hit == KEYWORD ? bonus : homeBonusOf(keyword, indexed)));
                }
            }
            if (best == 0) {
                return 0;
            }
            total += best;
        }
        return total;
    }

    private static int standing(Provider provider, Set<String> recommended) {
        return (recommended.contains(provider.id()) ? RECOMMENDED : 0) + (provider.featured() ? FEATURED : 0)
                + (provider.listing().support() == SupportLevel.CERTIFIED ? CERTIFIED : 0);
    }

    private int homeBonusOf(String keyword, Indexed indexed) {
        String home = homeCategory.get(keyword);
        return home != null && home.equals(indexed.provider.category()) ? HOME_CATEGORY : 0;
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

    /** For each data word, the category in which the largest share of providers carries it. */
    private static Map<String, String> homeCategories(List<Indexed> providers) {
        Map<String, Integer> perCategory = new HashMap<>();
        Map<String, Map<String, Integer>> counts = new HashMap<>();
        for (Indexed indexed : providers) {
            String category = indexed.provider.category();
            perCategory.merge(category, 1, Integer::sum);
            for (String keyword : indexed.keywords) {
                counts.computeIfAbsent(keyword, k -> new HashMap<>()).merge(category, 1, Integer::sum);
            }
        }
        Map<String, String> home = new HashMap<>();
        counts.forEach((keyword, byCategory) -> byCategory.entrySet().stream()
                .filter(e -> !e.getKey().equals("Other"))
                .max(Comparator.comparingDouble((Map.Entry<String, Integer> e) ->
                        (double) e.getValue() / perCategory.get(e.getKey())).thenComparing(Map.Entry::getKey))
                .ifPresent(best -> home.put(keyword, best.getKey())));
        return home;
    }

    /** A provider's words, made once: its name's, its category's, and its keywords' (each word of them). */
    private record Indexed(Provider provider, List<String> name, String joinedName, List<String> category,
            List<String> keywords) {
        static Indexed of(Provider provider) {
            List<String> name = words(provider.name() + " " + provider.id().replace('-', ' '));
            Set<String> keywords = new LinkedHashSet<>();
            for (String keyword : provider.listing().keywords()) {
                keywords.addAll(words(keyword));
            }
            return new Indexed(provider, name, String.join("", words(provider.name())), words(provider.category()),
                    List.copyOf(keywords));
        }
    }

    /** The provider best matching {@code query}, if any. */
    public Optional<Provider> best(String query) {
        List<Match> matches = search(query, "", Set.of());
        return matches.isEmpty() || words(query).isEmpty() ? Optional.empty() : Optional.of(matches.getFirst().provider());
    }
}
