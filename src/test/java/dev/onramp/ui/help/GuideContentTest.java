package dev.onramp.ui.help;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The user guides Onramp ships: one per language with the same sections, nothing loaded or linked from outside
 * the page, the window's keyboard shortcuts as Help → Keyboard shortcuts lists them, and the window's own words.
 */
class GuideContentTest {
    private static final List<Locale> LANGUAGES = List.of(Locale.ENGLISH, Locale.GERMAN, Locale.FRENCH);
    private static final Pattern SECTION = Pattern.compile("<h2 id=\"([^\"]+)\"");
    private static final Pattern ATTRIBUTE = Pattern.compile(
            "\\b(src|href|action|data|poster|srcset)\\s*=\\s*\"([^\"]*)\"", Pattern.CASE_INSENSITIVE);
    private static final Pattern ROW = Pattern.compile("<tr><td>(.*?)</td><td>(.*?)</td></tr>");
    private static final Pattern WINDOW_WORD = Pattern.compile(
            "<b class=\"ui\">(.*?)</b>|<span class=\"(?:ok|warn|bad)\">(.*?)</span>", Pattern.DOTALL);

    private static String guide(Locale language) {
        return new String(GuidePage.bundled(language), StandardCharsets.UTF_8);
    }

    @Test
    void everyGuide_hasTheSameSections_inTheSameOrder_inItsOwnLanguage() {
        List<String> english = sections(guide(Locale.ENGLISH));
        assertThat(english).contains("business", "hub", "connect", "status", "manage", "summary", "demo", "settings",
                "view", "shortcuts", "data", "support", "cli").doesNotHaveDuplicates();
        for (Locale language : LANGUAGES) {
            String page = guide(language);
            assertThat(sections(page)).as(GuidePage.resource(language)).isEqualTo(english);
            assertThat(page).as(GuidePage.resource(language))
                    .startsWith("<!DOCTYPE html>\n<html lang=\"" + language.getLanguage() + "\">");
        }
    }

    @Test
    void noGuide_loadsOrLinksAnythingOutsideItself() {
        for (Locale language : LANGUAGES) {
            String page = guide(language);
            String lower = page.toLowerCase(Locale.ROOT);
            assertThat(lower).as(GuidePage.resource(language))
                    .doesNotContain("<script", "<link", "<img", "<iframe", "<object", "<embed", "<base", "@import",
                            "url(", "http-equiv");
            Matcher attribute = ATTRIBUTE.matcher(page);
            List<String> sections = sections(page);
            while (attribute.find()) {
                String value = attribute.group(2);
                assertThat(value).as(GuidePage.resource(language) + " " + attribute.group()).startsWith("#");
                assertThat(sections).as(GuidePage.resource(language) + " " + attribute.group())
                        .contains(value.substring(1));
            }
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"en", "de", "fr"})
    void theShortcutsInTheGuide_areTheOnesHelpKeyboardShortcutsLists(String tag) {
        Locale language = Locale.forLanguageTag(tag);
        Locale before = Locale.getDefault(Locale.Category.DISPLAY);
        List<HelpTopics.Shortcut> listed;
        try {
            Locale.setDefault(Locale.Category.DISPLAY, language);
            listed = HelpTopics.shortcuts();
        } finally {
            Locale.setDefault(Locale.Category.DISPLAY, before);
        }

        String page = guide(language);
        String section = page.substring(page.indexOf("<h2 id=\"shortcuts\""), page.indexOf("</table>",
                page.indexOf("<h2 id=\"shortcuts\"")));
        List<HelpTopics.Shortcut> inTheGuide = new ArrayList<>();
        Matcher row = ROW.matcher(section);
        while (row.find()) {
            inTheGuide.add(new HelpTopics.Shortcut(text(row.group(1)), text(row.group(2))));
        }
        assertThat(inTheGuide).isEqualTo(listed);
    }

    @ParameterizedTest
    @ValueSource(strings = {"en", "de", "fr"})
    void theWindowsWordsTheGuideQuotes_areTheWindowsOwn_inThatLanguage(String tag) throws IOException {
        Locale language = Locale.forLanguageTag(tag);
        String suffix = language.equals(Locale.ENGLISH) ? "" : "_" + tag;
        Set<String> words = new HashSet<>(values("/dev/onramp/messages" + suffix + ".properties"));
        // The simulator's own consent page, where a demo sign-in is allowed.
        words.addAll(values("/dev/onramp/demo/pages" + suffix + ".properties"));

        List<String> quoted = new ArrayList<>();
        Matcher word = WINDOW_WORD.matcher(guide(language));
        while (word.find()) {
            String text = text(word.group(1) != null ? word.group(1) : word.group(2));
            // "Connected · 11 streams" shows a pattern filled in; the words quoted alone are the window's as they are.
            if (!text.matches(".*\\d.*")) {
                quoted.add(text);
            }
        }
        assertThat(quoted).hasSizeGreaterThan(60);
        assertThat(quoted).allSatisfy(text -> assertThat(words).as("a window word in " + tag).contains(text));
    }

    private static List<String> sections(String page) {
        List<String> ids = new ArrayList<>();
        Matcher section = SECTION.matcher(page);
        while (section.find()) {
            ids.add(section.group(1));
        }
        return ids;
    }

    /** The text of an HTML fragment: tags dropped, white space as one space. */
    private static String text(String html) {
        return html.replaceAll("<[^>]+>", "").replaceAll("\\s+", " ").strip();
    }

    /** A bundle's sentences as the window shows them: mnemonic underscores dropped, apostrophes unquoted. */
    private static List<String> values(String resource) throws IOException {
        Properties bundle = new Properties();
        try (InputStream in = GuideContentTest.class.getResourceAsStream(resource)) {
            assertThat(in).as(resource).isNotNull();
            bundle.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return bundle.stringPropertyNames().stream()
                .map(key -> bundle.getProperty(key).replace("_", "").replace("''", "'"))
                .toList();
    }
}
