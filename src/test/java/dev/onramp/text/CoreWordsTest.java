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
 * save an empty text and proper nouns. The command line and the window can then say each in the person's language.
 */
class CoreWordsTest {
    private static final Path MAIN = Path.of("src/main/java/dev/onramp");
    /** A failure or a Text made from a string literal. */
    private static final Pattern BUILT_FROM_WORDS = Pattern.compile(
            "new (?:InvalidInputException|StoreException|DiskFullException|UpdateRefusedException|DisconnectRefusedException)"
                    + "\\(\\s*\"([^\"]*)\"|new AirbyteException\\(\\s*[\\w.]+,\\s*\"([^\"]*)\"|Text\\.verbatim\\(\\s*\"([^\"]*)\"");
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
}
