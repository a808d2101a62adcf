package dev.onramp;

import static org.assertj.core.api.Assertions.assertThat;

import dev.onramp.cli.CliEnvironment;
import dev.onramp.cli.OnrampCommand;
import dev.onramp.oauth.BrowserLauncher;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Which command lines open the window without the parser, and that they open it as the parser would. */
class WindowCommandLineTest {
    private final BrowserLauncher browser = url -> false;

    private Optional<AppOptions> read(String... args) {
        return WindowCommandLine.read(List.of(args), browser);
    }

    /** The options picocli's {@code onramp} command opens the window with for the same command line. */
    private AppOptions parsedByPicocli(String... args) {
        List<AppOptions> windows = new ArrayList<>();
        StringWriter err = new StringWriter();
        CliEnvironment env = new CliEnvironment(new PrintWriter(new StringWriter()), new PrintWriter(err),
                options -> {
                    throw new AssertionError("the window needs no app context of its own");
                }, windows::add, browser);
        assertThat(OnrampCommand.run(env, args)).as(err.toString()).isZero();
        assertThat(windows).hasSize(1);
        return windows.getFirst();
    }

    @Test
    void noArguments_openTheWindowAsTheParserWould() {
        assertThat(read()).contains(parsedByPicocli());
    }

    @Test
    void dataDirInEitherSpelling_opensTheWindowOnThatFolderAsTheParserWould() {
        assertThat(read("--data-dir", "/tmp/onramp data")).contains(parsedByPicocli("--data-dir", "/tmp/onramp data"));
        assertThat(read("--data-dir=/tmp/onramp")).contains(parsedByPicocli("--data-dir=/tmp/onramp"));
    }

    @Test
    void airbyteUrl_opensTheWindowOnThatAirbytesApiAsTheParserWould() {
        String[] args = {"--airbyte-url", "http://localhost:8000", "--data-dir=/tmp/onramp"};

        assertThat(read(args)).contains(parsedByPicocli(args));
        assertThat(read(args).orElseThrow().airbyteUrl()).hasValueSatisfying(
                url -> assertThat(url).hasToString("http://localhost:8000/api"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"--help", "-h", "--version", "-V", "doctor", "help", "--data-dir", "--data-dir=",
        "@args.txt", "--unknown", "--"})
    void anythingButTheWindowsOwnOptions_isLeftToTheParser(String arg) {
        assertThat(read(arg)).isEmpty();
    }

    @Test
    void aCommandAfterTheWindowsOptions_isLeftToTheParser() {
        assertThat(read("--data-dir", "/tmp/onramp", "connections")).isEmpty();
    }

    @Test
    void anOptionGivenTwice_isLeftToTheParserToRefuse() {
        assertThat(read("--data-dir", "/tmp/a", "--data-dir", "/tmp/b")).isEmpty();
    }

    @Test
    void aValueThatLooksLikeAnOption_isLeftToTheParser() {
        assertThat(read("--data-dir", "--airbyte-url")).isEmpty();
    }

    @Test
    void aValueThatIsABareWordLikeACommandsName_isLeftToTheParser() {
        assertThat(read("--data-dir", "connect")).isEmpty();
        assertThat(read("--data-dir=doctor")).isEmpty();
        assertThat(read("--data-dir", "onramp-data")).isEmpty();
    }

    @Test
    void aRelativePath_opensTheWindowAsTheParserWould() {
        assertThat(read("--data-dir", "./onramp")).contains(parsedByPicocli("--data-dir", "./onramp"));
    }

    @Test
    void aLocale_opensTheWindowInThatLanguageAsTheParserWould_givenForThisRun() {
        assertThat(read("--locale", "de")).contains(parsedByPicocli("--locale", "de"));
        assertThat(read("--locale", "de").orElseThrow().locale()).isEqualTo(Locale.GERMAN);
        assertThat(read("--locale", "de").orElseThrow().localeGiven()).as("it wins over View → Language").isTrue();
        assertThat(read("--data-dir", "/tmp/onramp").orElseThrow().localeGiven()).isFalse();
        assertThat(read("--data-dir", "/tmp/onramp")).contains(parsedByPicocli("--data-dir", "/tmp/onramp"));
    }

    @Test
    void anAddressThatIsNotAUri_isLeftToTheParserToReport() {
        assertThat(read("--airbyte-url", "http://local host")).isEmpty();
    }
}
