package dev.onramp.text;

import static org.assertj.core.api.Assertions.assertThat;

import dev.onramp.cli.CliEnvironment;
import dev.onramp.cli.OnrampCommand;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.MessageFormat;
import java.util.HashSet;
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
import picocli.CommandLine;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Model.PositionalParamSpec;

/**
 * The three bundles say the same things: every key in each, every key used (by the code, which names
 * them as string literals in {@code get("…")} or {@code Text.of("…")}, or by picocli's usage help),
 * every MessageFormat pattern readable with the same arguments, and German and French translated.
 */
class BundlesTest {
    private static final Map<String, Properties> BUNDLES = Map.of("en", read(""), "de", read("_de"), "fr", read("_fr"));
    /** A key the code reads: a literal with at least one dot passed to {@code get(…)} or {@code Text.of(…)}. */
    private static final Pattern KEY_IN_CODE = Pattern.compile("(?:\\bget|Text\\.of)\\(\\s*\"([a-z][\\w-]*(?:\\.[\\w-]+)+)\"");
    /** picocli's own keys: headings, the standard options, the help command. */
    private static final Pattern PICOCLI_OWN = Pattern.compile("(usage|mixinStandardHelpOptions|helpCommand)\\..+");
    /**
     * Values that are the same word in German or French: table headings such as NAME, ID, STREAMS, SOURCE, and
     * the product names Airbyte and Airbyte Cloud as labels.
     */
    private static final Map<String, Set<String>> SAME_WORD = Map.of(
            "de", Set.of("cli.providers.column.name", "cli.providers.column.id", "cli.connections.column.streams",
                    "cli.settings.label.airbyte", "cli.settings.label.workspace", "ui.hub.demoMenu.menu",
                    "ui.settings.target.cloud", "ui.summary.airbyte", "connect.summary.airbyte", "ui.hub.category.crm",
                    "ui.hub.category.marketing"),
            "fr", Set.of("cli.connections.column.source", "ui.settings.target.cloud", "ui.hub.category.crm",
                    "ui.hub.category.commerce", "ui.hub.category.communication", "ui.hub.category.marketing"));

    private static Properties read(String suffix) {
        try (InputStream in = BundlesTest.class.getResourceAsStream("/dev/onramp/messages" + suffix + ".properties")) {
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
    void everyKeyIsUsedByTheCodeOrByPicocli() throws IOException {
        Set<String> used = new HashSet<>(keysInCode());
        used.addAll(picocliKeys());
        Set<String> unused = new TreeSet<>();
        for (String key : BUNDLES.get("en").stringPropertyNames()) {
            String described = key.replaceFirst("\\.usage\\.description\\.\\d+$", ".usage.description");
            if (!used.contains(key) && !used.contains(described) && !PICOCLI_OWN.matcher(key).matches()) {
                unused.add(key);
            }
        }
        assertThat(unused).as("keys nothing reads").isEmpty();
    }

    @Test
    void everyKeyTheCodeNamesIsInTheBundles() throws IOException {
        assertThat(BUNDLES.get("en").stringPropertyNames()).containsAll(keysInCode());
    }

    @Test
    void everyPatternReadsAndTakesTheSameArgumentsInEveryLanguage() throws IOException {
        Set<String> picocli = picocliKeys();
        for (String key : BUNDLES.get("en").stringPropertyNames()) {
            if (picocli.contains(key) || PICOCLI_OWN.matcher(key).matches() || key.contains(".usage.description")) {
                continue;
            }
            Map<String, Set<String>> arguments = new TreeMap<>();
            BUNDLES.forEach((language, bundle) -> {
                String pattern = bundle.getProperty(key);
                new MessageFormat(pattern, Locale.forLanguageTag(language)); // throws when it does not read
                assertThat(pattern.replace("''", "")).as("%s in %s: an apostrophe is written ''", key, language)
                        .doesNotContainPattern("'\\p{L}");
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
                if (english.getProperty(key).equals(BUNDLES.get(language).getProperty(key))
                        && !SAME_WORD.get(language).contains(key)) {
                    same.add(key);
                }
            }
            assertThat(same).as("left in English in " + language).isEmpty();
        }
    }

    @Test
    void aGermanSystemAskedForEnglishGetsEnglishAndAnUnshippedLanguageGetsEnglish() {
        Locale before = Locale.getDefault();
        try {
            Locale.setDefault(Locale.GERMANY);
            assertThat(Messages.of(Locale.ENGLISH).get("cli.usage.seeHelp", "onramp"))
                    .isEqualTo("`onramp --help` lists its options.");
            assertThat(Messages.of(Locale.JAPANESE).get("cli.usage.seeHelp", "onramp"))
                    .isEqualTo("`onramp --help` lists its options.");
            assertThat(Messages.of(Locale.GERMAN).get("cli.usage.seeHelp", "onramp"))
                    .isEqualTo("`onramp --help` listet seine Optionen.");
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
        try (Stream<Path> files = Files.walk(Path.of("src/main/java"))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                Matcher m = KEY_IN_CODE.matcher(Files.readString(file));
                while (m.find()) {
                    keys.add(m.group(1));
                }
            }
        }
        return keys;
    }

    /** The keys picocli looks up for the onramp command's usage help: each command's and each option's. */
    private static Set<String> picocliKeys() {
        CliEnvironment env = new CliEnvironment(new PrintWriter(new StringWriter()), new PrintWriter(new StringWriter()),
                options -> null, options -> {}, url -> false);
        Set<String> keys = new TreeSet<>();
        collect(new CommandLine(new OnrampCommand(env)).getCommandSpec(), keys);
        return keys;
    }

    private static void collect(CommandSpec spec, Set<String> keys) {
        String command = spec.qualifiedName(".");
        keys.add(command + ".usage.description");
        for (ArgSpec arg : spec.args()) {
            String key = switch (arg) {
                case OptionSpec option -> option.longestName().replaceFirst("^-+", "");
                case PositionalParamSpec positional -> positional.paramLabel() + "[" + positional.index() + "]";
                default -> throw new IllegalStateException();
            };
            keys.add(arg.descriptionKey() == null || arg.descriptionKey().isEmpty() ? key : arg.descriptionKey());
            keys.add(command + "." + key);
        }
        spec.subcommands().values().forEach(sub -> collect(sub.getCommandSpec(), keys));
    }
}
