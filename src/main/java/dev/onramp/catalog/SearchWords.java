package dev.onramp.catalog;

import dev.onramp.text.Messages;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * How provider search reads text: in lower case without accents ("Données" is "donnees", "ß" is "ss"), cut into
 * words, a hyphenated word's part of one or two letters joined to the next ("E-Mail" is "email"), and the little
 * words of a language ("and", "und", "et") told apart, since they say nothing of what a provider holds.
 */
final class SearchWords {
    /** Longer searches are cut here: nobody types more, and the cost stays bounded. */
    static final int MAX_QUERY = 100;
    static final int MAX_WORDS = 8;

    private static final Pattern MARKS = Pattern.compile("\\p{M}+");
    private static final Map<Locale, Set<String>> STOP_WORDS = new ConcurrentHashMap<>();

    private SearchWords() {}

    /** {@code text} in lower case, accents and ligatures made plain letters. */
    static String fold(String text) {
        boolean plain = true;
        for (int i = 0; i < text.length() && plain; i++) {
            plain = text.charAt(i) < 0x80;
        }
        String letters = plain ? text : MARKS.matcher(Normalizer.normalize(text, Normalizer.Form.NFD)).replaceAll("");
        String lower = letters.toLowerCase(Locale.ROOT);
        if (plain) {
            return lower;
        }
        return lower.replace("ß", "ss").replace("œ", "oe").replace("æ", "ae");
    }

    /** The distinct words of {@code text}, folded, split at anything but a letter or a digit. */
    static List<String> words(String text) {
        Set<String> words = new LinkedHashSet<>();
        for (List<String> piece : pieces(fold(text))) {
            words.addAll(piece);
        }
        return List.copyOf(words);
    }

    /**
     * What a person typed as words to find: at most {@value #MAX_WORDS} distinct ones of the first
     * {@value #MAX_QUERY} characters, a hyphenated word's short parts joined to the next ("e-commerce" is
     * "ecommerce").
     */
    static List<String> query(String text) {
        String cut = text.length() > MAX_QUERY ? text.substring(0, MAX_QUERY) : text;
        Set<String> words = new LinkedHashSet<>();
        for (List<String> piece : pieces(fold(cut))) {
            for (String word : joinedShortParts(piece)) {
                if (words.size() < MAX_WORDS) {
                    words.add(word);
                }
            }
        }
        return List.copyOf(words);
    }

    /**
     * The words a text of the catalog is found by: each word, and for a hyphenated one its parts, its short parts
     * joined to the next and all its parts joined ("E-Mail-Listen": e, mail, listen, email, emaillisten).
     */
    static List<String> text(String text) {
        Set<String> words = new LinkedHashSet<>();
        for (List<String> parts : pieces(fold(text))) {
            words.addAll(parts);
            if (parts.size() > 1) {
                words.addAll(joinedShortParts(parts));
                words.add(String.join("", parts));
            }
        }
        return List.copyOf(words);
    }

    /** The little words of English and of {@code locale}'s language, which a search does not need to find. */
    static Set<String> stopWords(Locale locale) {
        return STOP_WORDS.computeIfAbsent(Locale.of(locale.getLanguage()), language -> {
            Set<String> stop = new LinkedHashSet<>(listed(Messages.english()));
            stop.addAll(listed(Messages.of(language)));
            return Set.copyOf(stop);
        });
    }

    private static List<String> listed(Messages messages) {
        return words(messages.get("catalog.search.stopWords"));
    }

    /**
     * The words of {@code text}, a run of letters and digits each, grouped by the pieces they make between spaces and
     * punctuation: "Support-Tickets, Kunden" is [support, tickets], [kunden]; a hyphen joins words into a piece.
     */
    private static List<List<String>> pieces(String text) {
        List<List<String>> pieces = new ArrayList<>();
        List<String> piece = new ArrayList<>();
        int start = -1;
        for (int i = 0; i <= text.length(); i++) {
            int c = i < text.length() ? text.codePointAt(i) : ' ';
            if (Character.isLetterOrDigit(c)) {
                if (start < 0) {
                    start = i;
                }
                if (Character.isSupplementaryCodePoint(c)) {
                    i++;
                }
                continue;
            }
            if (start >= 0) {
                piece.add(text.substring(start, i));
                start = -1;
            }
            if (!isHyphen(c) && !piece.isEmpty()) {
                pieces.add(piece);
                piece = new ArrayList<>();
            }
        }
        return pieces;
    }

    private static boolean isHyphen(int c) {
        return c == '-' || c == '\u2010' || c == '\u2011';
    }

    /** A part of one or two letters joined to the one after it: e, mail, listen → email, listen. */
    private static List<String> joinedShortParts(List<String> parts) {
        List<String> joined = new ArrayList<>(parts.size());
        StringBuilder pending = new StringBuilder();
        for (String part : parts) {
            pending.append(part);
            if (part.length() > 2) {
                joined.add(pending.toString());
                pending.setLength(0);
            }
        }
        if (!pending.isEmpty()) {
            joined.add(pending.toString());
        }
        return joined;
    }
}
