package dev.onramp.catalog;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BiConsumer;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A bundled connector specification's titles and descriptions in one language, read from
 * {@code specs/words_<language>.properties} (keys {@code <providerId>.<path>.<title|description>}, the path
 * being the JSON keys from the {@code connectionSpecification} down to the schema), for a form to show
 * instead of the specification's English wherever the specification it shows says what the bundled one says.
 */
public final class SpecWords {
    private static final Logger LOG = LoggerFactory.getLogger(SpecWords.class);
    private static final SpecWords ENGLISH = new SpecWords(Locale.ENGLISH, Map.of(), Map.of());
    /** The values of a schema that are data, not schemas: their titles are no words of the form. */
    private static final Set<String> NOT_WALKED = Set.of("default", "examples", "const", "enum");
    private static final Pattern SENTENCE_END = Pattern.compile("(?<=[.!?])\\s+");
    private static final Pattern TAG = Pattern.compile("<[^>]+>");
    private static final Pattern MARKDOWN_LINK = Pattern.compile("\\[([^\\]]+)]\\([^)\\s]+\\)");
    /** Each language's file, read when first asked for; empty when Onramp ships none for it. */
    private static final Map<String, Map<String, String>> FILES = new ConcurrentHashMap<>();

    private final Locale language;
    private final Map<String, String> english;
    private final Map<String, String> words;

    private SpecWords(Locale language, Map<String, String> english, Map<String, String> words) {
        this.language = language;
        this.english = Map.copyOf(english);
        this.words = Map.copyOf(words);
    }

    /** No translation: every title and description as the specification says it. */
    public static SpecWords english() {
        return ENGLISH;
    }

    /**
     * The words in {@code language} of the connector whose bundled specification is {@code bundled}: those
     * of {@code providerId} in that language's file; none when Onramp ships no such file.
     */
    static SpecWords of(Locale language, String providerId, JsonNode bundled) {
        Map<String, String> file = file(language.getLanguage());
        String prefix = providerId + ".";
        Map<String, String> words = new LinkedHashMap<>();
        file.forEach((key, value) -> {
            if (key.startsWith(prefix)) {
                words.put(key.substring(prefix.length()), value);
            }
        });
        return of(language, bundled, words);
    }

    /** The words {@code words} (by key without the provider) in {@code language} of the bundled specification {@code bundled}. */
    static SpecWords of(Locale language, JsonNode bundled, Map<String, String> words) {
        return words.isEmpty() ? ENGLISH : new SpecWords(language, texts(bundled), words);
    }

    /** The language these words are in; English when there are none. */
    public Locale language() {
        return language;
    }

    /** Whether these words translate nothing. */
    public boolean isEnglish() {
        return words.isEmpty();
    }

    /**
     * The words for {@code shown}, the text at {@code key} ({@code properties.account_id.title}) of the
     * specification a form shows: the translation when {@code shown} begins as the bundled specification's
     * text there (one Airbyte may shorten it, write its links as plain words, and add sentences of its own,
     * which stay as they are, after it); else {@code shown} itself.
     */
    public String say(String key, String shown) {
        String translated = words.get(key);
        String bundled = english.get(key);
        if (translated == null || bundled == null || shown == null) {
            return shown;
        }
        List<String> ours = sentences(bundled);
        List<String> theirs = sentences(shown);
        int same = 0;
        while (same < ours.size() && same < theirs.size()
                && comparable(ours.get(same)).equals(comparable(theirs.get(same)))) {
            same++;
        }
        if (same == 0) {
            return shown;
        }
        Set<String> known = new HashSet<>();
        ours.forEach(sentence -> known.add(comparable(sentence)));
        List<String> added = theirs.subList(same, theirs.size()).stream()
                .filter(sentence -> !known.contains(comparable(sentence)))
                .toList();
        return added.isEmpty() ? translated : translated.strip() + " " + String.join(" ", added);
    }

    /** The key of a schema's {@code title} or {@code description} at {@code path} ({@code ""} for the root). */
    public static String key(String path, String field) {
        return path.isEmpty() ? field : path + "." + field;
    }

    /**
     * Visits every schema of a specification with its path: the root ({@code ""}) and each object below it
     * reached through JSON keys and array indexes ({@code properties.credentials.oneOf.0}), but not through a
     * {@code default}, {@code examples}, {@code const} or {@code enum}, which hold values.
     */
    public static void forEachSchema(JsonNode spec, BiConsumer<String, JsonNode> each) {
        walk(spec, "", each);
    }

    /** Every title and description of a specification that is text, by key, in the specification's order. */
    public static Map<String, String> texts(JsonNode spec) {
        Map<String, String> texts = new LinkedHashMap<>();
        forEachSchema(spec, (path, schema) -> {
            for (String field : List.of("title", "description")) {
                if (schema.path(field).isTextual()) {
                    texts.put(key(path, field), schema.path(field).textValue());
                }
            }
        });
        return texts;
    }

    private static void walk(JsonNode node, String path, BiConsumer<String, JsonNode> each) {
        if (node.isObject()) {
            each.accept(path, node);
            for (Map.Entry<String, JsonNode> entry : node.properties()) {
                if (!NOT_WALKED.contains(entry.getKey()) && entry.getValue().isContainerNode()) {
                    walk(entry.getValue(), key(path, entry.getKey()), each);
                }
            }
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                walk(node.get(i), key(path, String.valueOf(i)), each);
            }
        }
    }

    private static List<String> sentences(String text) {
        String stripped = text.strip();
        return stripped.isEmpty() ? List.of() : new ArrayList<>(List.of(SENTENCE_END.split(stripped)));
    }

    /** A sentence as it reads: without markup, link addresses, code quotes, closing stop and case. */
    private static String comparable(String sentence) {
        String text = MARKDOWN_LINK.matcher(sentence).replaceAll("$1");
        text = TAG.matcher(text).replaceAll("").replace("`", "");
        return text.replaceAll("\\s+", " ").strip().replaceAll("[.!?:;,]+$", "").toLowerCase(Locale.ROOT);
    }

    private static Map<String, String> file(String language) {
        return FILES.computeIfAbsent(language, SpecWords::read);
    }

    private static Map<String, String> read(String language) {
        String resource = "specs/words_" + language + ".properties";
        try (InputStream in = SpecWords.class.getResourceAsStream(resource)) {
            if (in == null) {
                LOG.debug("No words of the connector specifications in {}: the forms keep their English", language);
                return Map.of();
            }
            Properties properties = new Properties();
            properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
            Map<String, String> words = new LinkedHashMap<>();
            properties.stringPropertyNames().forEach(key -> words.put(key, properties.getProperty(key)));
            return Map.copyOf(words);
        } catch (IOException | IllegalArgumentException e) {
            LOG.warn("Could not read dev/onramp/catalog/{} ({}); the connector forms keep their English", resource,
                    e.getMessage());
            return Map.of();
        }
    }
}
