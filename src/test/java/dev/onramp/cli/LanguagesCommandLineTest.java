package dev.onramp.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.onramp.AppContext;
import dev.onramp.AppOptions;
import dev.onramp.testing.CommandLineRunner;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.regex.MatchResult;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The command line in German and French with {@code --locale}, English for a language Onramp does not ship. */
class LanguagesCommandLineTest {
    /** The commands whose every sentence is in the bundles; the sentence scan below widens as more are done. */
    private static final List<String> TRANSLATED = List.of("OnrampCommand.java", "UsageErrors.java",
            "ConnectionsCommand.java", "ProvidersCommand.java", "LocaleArgument.java");
    /** A sentence: three words of letters, separated by single spaces, in a string literal. */
    private static final Pattern SENTENCE = Pattern.compile("\"[^\"\\n]*\\p{L}+ \\p{L}+ \\p{L}+[^\"\\n]*\"");

    @TempDir
    Path dataDir;

    private CommandLineRunner cli;

    @BeforeEach
    void setUp() {
        // The built-in simulator: no --airbyte-url, so nothing outside this test is reached.
        cli = new CommandLineRunner(options -> AppContext.start(new AppOptions(options.dataDir(), options.airbyteUrl(),
                options.browser(), Duration.ZERO, options.consentTimeout())), url -> false,
                "--data-dir", dataDir.toString());
    }

    private int run(String... args) {
        cli.clearOut();
        cli.clearErr();
        return cli.run(Map.of(), args);
    }

    @Test
    void connectionsAndProviders_speakGermanWithLocaleDe() {
        assertThat(run("--locale", "de", "connections")).as(cli.err()).isZero();
        assertThat(cli.out()).contains("UNTERNEHMEN", "ANBIETER", "KONTO")
                .contains("Noch keine Verbindungen. Eine verbinden mit: onramp connect <Anbieter>");

        assertThat(run("providers", "--search", "stripe", "--locale=de")).as(cli.err()).isZero();
        assertThat(cli.out()).contains("KATEGORIE", "ANMELDUNG", "stripe").containsPattern("\\d+ Anbieter\\.");
    }

    @Test
    void connectionsAndProviders_speakFrenchWithLocaleFr() {
        assertThat(run("--locale", "fr", "connections")).as(cli.err()).isZero();
        assertThat(cli.out()).contains("ENTREPRISE", "FOURNISSEUR", "COMPTE")
                .contains("Aucune connexion pour l’instant.");

        assertThat(run("--locale", "fr", "providers", "--search", "zzqqxx-nothing")).as(cli.err()).isZero();
        assertThat(cli.out()).startsWith("Aucun fournisseur ne correspond à « zzqqxx-nothing ».");
    }

    @Test
    void aRefusedChoice_isToldInTheLanguage_withItsExitCode() {
        assertThat(run("--locale", "de", "providers", "--category", "Nothing")).isEqualTo(OnrampCommand.WRONG_USAGE);
        assertThat(cli.err()).startsWith("onramp: Es gibt keine Kategorie \"Nothing\". Kategorien: ");

        assertThat(run("--locale", "fr", "connections", "--unknown")).isEqualTo(OnrampCommand.WRONG_USAGE);
        assertThat(cli.err()).contains("`onramp connections --help` liste ses options.");
    }

    @Test
    void helpOfACommand_isInGermanOrFrench() {
        assertThat(run("--locale", "de", "connections", "--help")).isZero();
        assertThat(cli.out()).startsWith("Aufruf: onramp connections")
                .contains("Listet die Verbindungen, die Onramp gespeichert hat", "Diese Hilfe zeigen und beenden.");

        assertThat(run("--locale", "fr", "--help")).isZero();
        assertThat(cli.out()).startsWith("Utilisation : onramp")
                .contains("Relie les sources de données d’une entreprise à Airbyte.", "Commandes :");
    }

    @Test
    void aLanguageOnrampDoesNotShip_goesOnInEnglish_withOneSentence() {
        assertThat(run("--locale", "xx", "connections")).as(cli.err()).isZero();
        assertThat(cli.err()).isEqualTo("onramp: Onramp does not speak \"xx\", so it goes on in English (it speaks en,"
                + " de and fr)." + System.lineSeparator());
        assertThat(cli.out()).startsWith("BUSINESS").contains("No connections yet.");
    }

    @Test
    void englishAsked_isEnglish() {
        assertThat(run("--locale", "en", "providers", "--search", "stripe")).as(cli.err()).isZero();
        assertThat(cli.out()).startsWith("ID").contains("SIGN-IN").containsPattern("\\d+ providers?\\.");
    }

    @Test
    void theTranslatedCommands_keepNoSentenceOutsideTheBundles() throws IOException {
        for (String file : TRANSLATED) {
            List<String> sentences = Files.readAllLines(Path.of("src/main/java/dev/onramp/cli", file)).stream()
                    .filter(line -> !line.strip().startsWith("*") && !line.strip().startsWith("//"))
                    .filter(line -> !line.contains("new IllegalStateException(")) // a programming error, never shown
                    .flatMap(line -> SENTENCE.matcher(line).results().map(MatchResult::group))
                    .toList();
            assertThat(sentences).as(file).isEmpty();
        }
    }
}
