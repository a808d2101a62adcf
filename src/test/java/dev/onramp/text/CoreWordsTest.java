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
 * The core says its refusals and failures as {@link Text}: no refusal ({@code InvalidInputException}), Airbyte error
 * or store failure is built from an English sentence written in the code, and no {@code Text.verbatim} holds one —
 * save an empty text and proper nouns; nor does a core method return words for a person as a {@code String} built
 * from an English literal (a key store's name, a removal's note, an audit check's reason). The command line and the
 * window can then say each in the person's language.
 */
class CoreWordsTest {
    private static final Path MAIN = Path.of("src/main/java/dev/onramp");
    /** A failure or a Text made from a string literal. */
    private static final Pattern BUILT_FROM_WORDS = Pattern.compile(
            "new (?:InvalidInputException|StoreException|DiskFullException|UpdateRefusedException|DisconnectRefusedException"
                    + "|KeyringUnavailableException)"
                    + "\\(\\s*\"([^\"]*)\"|new AirbyteException\\(\\s*[\\w.]+,\\s*\"([^\"]*)\"|Text\\.verbatim\\(\\s*\"([^\"]*)\"");
    /**
     * A method returning words built from an English literal of two words or more: {@code return "Removed its key
     * from " + …}, or the same after a condition's {@code ?}.
     */
    private static final Pattern RETURNS_WORDS = Pattern.compile(
            "\\breturn\\s+(?:[^;\"]*\\?\\s*)?\"(\\p{L}+ \\p{L}[^\"]*)\"");
    /**
     * Returned words that are English by design, each as "file: the literal's words": the support bundle's report
     * and Copy diagnostics are for support staff (ADR 0031), a {@code toString} for developers and logs.
     */
    private static final Set<String> ENGLISH_BY_DESIGN = Set.of(
            "diagnostics/Diagnostics.java: Onramp support bundle, made ",
            "diagnostics/Settings.java: Data folder: ",
            "diagnostics/FileLogging.java: log files in ");
    /** Words the same in every language. */
    private static final Set<String> PROPER_NOUNS = Set.of("", "Airbyte", "Onramp");
    /** Packages whose sentences are not the core's: the window, the command line, the simulator. */
    private static final Set<String> NOT_CORE = Set.of("ui", "cli", "demo");

    @Test
    void noCoreFailureOrTextIsBuiltFromEnglishWordsInTheCode() throws IOException {
        List<String> found = new ArrayList<>();
        try (Stream<Path> files = Files.walk(MAIN)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).sorted().toList()) {
                String relative = MAIN.relativize(file).toString().replace('\\', '/');
                if (NOT_CORE.contains(relative.split("/")[0])) {
                    continue;
                }
                Matcher m = BUILT_FROM_WORDS.matcher(Files.readString(file));
                while (m.find()) {
                    String words = m.group(1) != null ? m.group(1) : m.group(2) != null ? m.group(2) : m.group(3);
                    if (!PROPER_NOUNS.contains(words)) {
                        found.add(relative + ": \"" + words + "\"");
                    }
                }
            }
        }
        assertThat(found).as("sentences to say as Text.of(key, args…) with the key in messages.properties").isEmpty();
    }

    @Test
    void noCoreMethodReturnsWordsBuiltFromAnEnglishLiteral() throws IOException {
        List<String> found = new ArrayList<>();
        for (Path file : coreFiles()) {
            String relative = MAIN.relativize(file).toString().replace('\\', '/');
            Matcher m = RETURNS_WORDS.matcher(Files.readString(file));
            while (m.find()) {
                String place = relative + ": " + m.group(1);
                if (!ENGLISH_BY_DESIGN.contains(place)) {
                    found.add(place);
                }
            }
        }
        assertThat(found).as("words to return as Text.of(key, args…), rendered by the window and the command line")
                .isEmpty();
    }

    @Test
    void theReturnedWordsCheck_findsAStringMadeFromEnglish_andPassesAText() {
        assertThat(RETURNS_WORDS.matcher("return removed ? \"Removed its key from \" + store.description() + \".\"")
                .find()).isTrue();
        assertThat(RETURNS_WORDS.matcher("return \"the key file \" + file;").find()).isTrue();
        assertThat(RETURNS_WORDS.matcher("return Text.of(\"store.dataRemoval.keyRemovedFrom\", store.described());")
                .find()).isFalse();
        assertThat(RETURNS_WORDS.matcher("return \"onramp-\" + id;").find()).isFalse();
    }

    /** The core's source files: every package but the window's, the command line's and the simulator's. */
    private static List<Path> coreFiles() throws IOException {
        try (Stream<Path> files = Files.walk(MAIN)) {
            return files.filter(f -> f.toString().endsWith(".java"))
                    .filter(f -> !NOT_CORE.contains(MAIN.relativize(f).toString().replace('\\', '/').split("/")[0]))
                    .sorted().toList();
        }
    }
}
