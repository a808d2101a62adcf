package dev.onramp.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.MessageFormat;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The simulator's page bundles ({@code dev/onramp/demo/pages*.properties}) say the same things: every
 * key in each, every key used by the simulator (which names them as string literals in
 * {@code say("…")}), every pattern readable with the same arguments, German and French translated.
 */
class DemoPagesBundlesTest {
    private static final Map<String, Properties> BUNDLES = Map.of("en", read(""), "de", read("_de"), "fr", read("_fr"));
    /** A key the simulator reads: a literal with at least one dot passed to {@code say(…)}. */
    private static final Pattern KEY_IN_CODE = Pattern.compile("\\bsay\\(\\s*\"([a-z][\\w-]*(?:\\.[\\w-]+)+)\"");

    private static Properties read(String suffix) {
        try (InputStream in = DemoPagesBundlesTest.class.getResourceAsStream("/dev/onramp/demo/pages" + suffix + ".properties")) {
            Properties properties = new Properties();
            properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
            return properties;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void everyBundleHasEveryKeyOfTheOthers() {
        Set<String> all = new TreeSet<>();
        BUNDLES.values().forEach(b -> all.addAll(b.stringPropertyNames()));
        BUNDLES.forEach((language, bundle) -> assertThat(bundle.stringPropertyNames()).as(language).containsAll(all));
    }

    @Test
    void everyKeyIsUsedBySimulatorAndEveryKeyItNamesIsThere() throws IOException {
        assertThat(new TreeSet<>(BUNDLES.get("en").stringPropertyNames())).isEqualTo(keysInCode());
    }

    @Test
    void everyPatternReadsAndTakesTheSameArgumentsInEveryLanguage() {
        for (String key : BUNDLES.get("en").stringPropertyNames()) {
            Map<String, Set<String>> arguments = new TreeMap<>();
            BUNDLES.forEach((language, bundle) -> {
                String pattern = bundle.getProperty(key);
                new MessageFormat(pattern, Locale.forLanguageTag(language)); // throws when it does not read
                assertThat(pattern.replace("''", "")).as("%s in %s: an apostrophe is written ''", key, language)
                        .doesNotContain("'");
                arguments.put(language, argumentIndexes(pattern));
            });
            assertThat(arguments.values()).as(key).allMatch(indexes -> indexes.equals(arguments.get("en")));
        }
    }

    @Test
    void germanAndFrenchSayEverythingInTheirOwnWords() {
        Properties english = BUNDLES.get("en");
        for (String language : Set.of("de", "fr")) {
            Set<String> same = new TreeSet<>();
            for (String key : english.stringPropertyNames()) {
                if (english.getProperty(key).equals(BUNDLES.get(language).getProperty(key))) {
                    same.add(key);
                }
            }
            assertThat(same).as("left in English in " + language).isEmpty();
        }
    }

    @Test
    void pageWords_readTheBundlesAsUtf8AndFallBackToEnglishNotToTheSystemLanguage() {
        Locale before = Locale.getDefault();
        try {
            Locale.setDefault(Locale.GERMANY);
            assertThat(PageWords.in(Locale.GERMAN).say("consent.title", "HubSpot")).isEqualTo("HubSpot – Zugriff erlauben");
            assertThat(PageWords.in(Locale.FRENCH).say("consent.title", "HubSpot")).isEqualTo("HubSpot – autoriser l’accès");
            assertThat(PageWords.in(Locale.JAPANESE).say("consent.title", "HubSpot")).isEqualTo("HubSpot – authorize access");
            assertThat(PageWords.in(Locale.ENGLISH).say("consent.footer", "http://127.0.0.1:1"))
                    .startsWith("Demo page from Onramp's built-in");
        } finally {
            Locale.setDefault(before);
        }
    }

    private static Set<String> argumentIndexes(String pattern) {
        Set<String> indexes = new TreeSet<>();
        Matcher m = Pattern.compile("\\{(\\d+)").matcher(pattern.replaceAll("'[^']*'", ""));
        while (m.find()) {
            indexes.add(m.group(1));
        }
        return indexes;
    }

    private static Set<String> keysInCode() throws IOException {
        Set<String> keys = new TreeSet<>();
        try (Stream<Path> files = Files.walk(Path.of("src/main/java/dev/onramp/demo"))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                Matcher m = KEY_IN_CODE.matcher(Files.readString(file));
                while (m.find()) {
                    keys.add(m.group(1));
                }
            }
        }
        return keys;
    }
}
