package dev.onramp.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.onramp.model.Provider;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Each language file of the connector specifications' words ({@code specs/words_<language>.properties})
 * translates every title and description of every bundled specification, holds no key they no longer have,
 * keeps their links, addresses, markup and code exactly, and leaves no English unless it is a name.
 */
class SpecWordsFilesTest {
    /** Names and ids said the same in every language: protocol and product names, the schemas' class names. */
    private static final Set<String> SAID_THE_SAME = Set.of("OAuth", "OAuth2.0", "Private App", "Sandbox", "Subdomain",
            "CustomerStatus", "ValidAdStatuses", "ValidAdSetStatuses", "ValidCampaignStatuses", "ValidActionBreakdowns");
    private static final Pattern TAG = Pattern.compile("<[^>]+>");
    private static final Pattern ADDRESS = Pattern.compile("https?://[^\\s\"'<>)]+");
    private static final Pattern CODE = Pattern.compile("`[^`]*`");
    private static final Pattern FILE = Pattern.compile("words_([a-z]{2})\\.properties");

    private static final Catalog CATALOG = Catalog.bundled();
    private static final ConnectorSpecs SPECS = ConnectorSpecs.bundled(CATALOG);

    /** The language files bundled now; a language whose file is not merged yet is simply not here. */
    static Stream<String> languages() throws IOException, URISyntaxException {
        Path folder = Path.of(SpecWords.class.getResource("specs/").toURI());
        List<String> languages = new ArrayList<>();
        try (Stream<Path> files = Files.list(folder)) {
            files.map(file -> FILE.matcher(file.getFileName().toString())).filter(Matcher::matches)
                    .forEach(matched -> languages.add(matched.group(1)));
        }
        assertThat(languages).as("the German words at least are bundled").contains("de");
        return languages.stream().sorted();
    }

    /** Every title and description of the bundled specifications, by the words files' keys. */
    private static Map<String, String> english() {
        Map<String, String> texts = new LinkedHashMap<>();
        for (Provider provider : CATALOG.featured()) {
            ObjectNode spec = SPECS.specification(provider.id()).orElseThrow();
            SpecWords.texts(spec).forEach((key, text) -> texts.put(provider.id() + "." + key, text));
        }
        return texts;
    }

    private static Map<String, String> words(String language) throws IOException {
        Properties properties = new Properties();
        try (Reader in = new InputStreamReader(SpecWords.class.getResourceAsStream(
                "specs/words_" + language + ".properties"), StandardCharsets.UTF_8)) {
            properties.load(in);
        }
        Map<String, String> words = new LinkedHashMap<>();
        properties.stringPropertyNames().forEach(key -> words.put(key, properties.getProperty(key)));
        return words;
    }

    @ParameterizedTest(name = "words_{0}")
    @MethodSource("languages")
    void everyTitleAndDescriptionOfEveryBundledSpecification_hasItsWords_andNoOtherKeyIsThere(String language)
            throws IOException {
        Map<String, String> english = english();
        Map<String, String> words = words(language);

        assertThat(english).hasSizeGreaterThanOrEqualTo(460);
        Set<String> missing = new TreeSet<>(english.keySet());
        missing.removeAll(words.keySet());
        assertThat(missing).as("titles and descriptions without words").isEmpty();
        Set<String> stale = new TreeSet<>(words.keySet());
        stale.removeAll(english.keySet());
        assertThat(stale).as("keys no bundled specification has").isEmpty();
    }

    @ParameterizedTest(name = "words_{0}")
    @MethodSource("languages")
    void theWords_keepEveryLinkAddressMarkupAndCodeOfTheEnglish(String language) throws IOException {
        Map<String, String> words = words(language);
        List<String> changed = new ArrayList<>();
        english().forEach((key, text) -> {
            String translated = words.getOrDefault(key, "");
            for (Pattern kept : List.of(TAG, ADDRESS, CODE)) {
                if (!found(kept, text).equals(found(kept, translated))) {
                    changed.add(key + ": " + found(kept, text) + " became " + found(kept, translated));
                }
            }
        });
        assertThat(changed).isEmpty();
    }

    @ParameterizedTest(name = "words_{0}")
    @MethodSource("languages")
    void noWords_areTheEnglish_butForNames(String language) throws IOException {
        Map<String, String> words = words(language);
        List<String> untranslated = new ArrayList<>();
        english().forEach((key, text) -> {
            String translated = words.getOrDefault(key, "").strip();
            if (translated.isEmpty() != text.isBlank()
                    || (!text.isBlank() && translated.equals(text.strip()) && !SAID_THE_SAME.contains(text.strip()))) {
                untranslated.add(key + " = " + translated);
            }
        });
        assertThat(untranslated).isEmpty();
    }

    /** What a pattern finds in a text, sorted, an address without the punctuation that ends its sentence. */
    private static List<String> found(Pattern pattern, String text) {
        List<String> all = new ArrayList<>();
        Matcher matcher = pattern.matcher(text);
        while (matcher.find()) {
            all.add(pattern == ADDRESS ? matcher.group().replaceAll("[.,;:!?]+$", "") : matcher.group());
        }
        all.sort(null);
        return all;
    }
}
