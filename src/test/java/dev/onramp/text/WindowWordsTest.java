package dev.onramp.text;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The window's words come from the bundles: no string literal in {@code dev.onramp.ui} reads as words a person
 * would see (two words, or a capitalised word), except proper nouns, developer-only messages of exceptions and logs,
 * regular expressions, the catalog's values a {@code case} compares, and CSS.
 */
class WindowWordsTest {
    private static final Path UI = Path.of("src/main/java/dev/onramp/ui");
    private static final Pattern LITERAL = Pattern.compile("\"((?:[^\"\\\\\\n]|\\\\.)*)\"");
    /** Words: two words with a space between, or a capitalised word. */
    private static final Pattern WORDS = Pattern.compile("\\p{L}{2,}[ \\u00a0]+\\p{L}+|^\\p{Lu}\\p{Ll}+|[.…:?!]$");
    /** A message key, a style class or id, a CSS rule or a pattern for the machine. */
    private static final Pattern MACHINE = Pattern.compile(
            "^[a-z][\\w-]*(\\.[\\w-]+)+$|^-fx-.*|^[\\w-]*$|^\\.[\\w-]+.*|^#[\\w-]+.*|^\\W*$");
    /** Lines whose literals no person reads in the window. */
    private static final Pattern DEVELOPER_LINE = Pattern.compile(
            "throw new (IllegalStateException|IllegalArgumentException|UnsupportedOperationException|AssertionError|NullPointerException)"
                    + "|^\\s*case \"|Pattern\\.compile\\(\"|\\bLOG(GER)?\\.|requireNonNull|\\.name\\(\"onramp-|Thread\\.of");
    /** Proper nouns shown as they are in every language. */
    private static final Set<String> PROPER_NOUNS = Set.of("Onramp", "Airbyte", "Monospaced");

    @Test
    void theWindowShowsNoWordsOutsideTheBundles() throws IOException {
        List<String> found = new ArrayList<>();
        try (Stream<Path> files = Files.walk(UI)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).sorted().toList()) {
                found.addAll(wordsIn(file));
            }
        }
        assertThat(found).as("literals a person would read; move them into messages.properties").isEmpty();
    }

    static List<String> wordsIn(Path file) throws IOException {
        List<String> found = new ArrayList<>();
        String[] lines = withoutComments(Files.readString(file)).split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            if (DEVELOPER_LINE.matcher(lines[i]).find()) {
                continue;
            }
            Matcher m = LITERAL.matcher(lines[i]);
            while (m.find()) {
                String literal = m.group(1);
                if (!MACHINE.matcher(literal).matches() && !PROPER_NOUNS.contains(literal)
                        && WORDS.matcher(literal).find()) {
                    found.add(file.getFileName() + ":" + (i + 1) + " \"" + literal + "\"");
                }
            }
        }
        return found;
    }

    /** The source with its comments blanked, lines kept where they were. */
    private static String withoutComments(String source) {
        StringBuilder out = new StringBuilder(source.length());
        int i = 0;
        while (i < source.length()) {
            char c = source.charAt(i);
            if (c == '"') {
                int end = i + 1;
                while (end < source.length() && source.charAt(end) != '"' && source.charAt(end) != '\n') {
                    end += source.charAt(end) == '\\' ? 2 : 1;
                }
                out.append(source, i, Math.min(end + 1, source.length()));
                i = end + 1;
            } else if (source.startsWith("//", i)) {
                while (i < source.length() && source.charAt(i) != '\n') {
                    i++;
                }
            } else if (source.startsWith("/*", i)) {
                int end = source.indexOf("*/", i + 2);
                end = end < 0 ? source.length() : end + 2;
                source.substring(i, end).chars().filter(ch -> ch == '\n').forEach(ch -> out.append('\n'));
                i = end;
            } else {
                out.append(c);
                i++;
            }
        }
        return out.toString();
    }
}
