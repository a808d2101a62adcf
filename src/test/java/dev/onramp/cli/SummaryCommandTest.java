package dev.onramp.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.onramp.AppContext;
import dev.onramp.AppOptions;
import dev.onramp.testing.CommandLineRunner;
import dev.onramp.testing.ReadOnlyFolder;
import java.io.BufferedReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code onramp summary} in-process over a demo business with a Stripe connection, in each format and each way it ends. */
class SummaryCommandTest {
    private static final String BUSINESS = "Demo Coffee Roasters";

    @TempDir
    Path dataDir;

    @TempDir
    Path outDir;

    private CommandLineRunner cli;

    @BeforeEach
    void connectStripe() {
        cli = new CommandLineRunner(options -> AppContext.start(new AppOptions(options.dataDir(), options.airbyteUrl(),
                options.browser(), Duration.ZERO, options.consentTimeout())), url -> false,
                "--data-dir", dataDir.toString());
        assertThat(run("connect", "stripe", "--set", "account_id=acct_1", "--secret", "client_secret=STRIPE_KEY"))
                .as(cli.err()).isZero();
    }

    private int run(String... args) {
        cli.clearOut();
        cli.clearErr();
        return cli.run(Map.of("STRIPE_KEY", "sk_test_onramp_summary_51HqLyjWDarjtT1zdp7dc"), args);
    }

    @Test
    void text_goesToStandardOutput_withTheProgressAndTheConnection() {
        assertThat(run("summary")).as(cli.err()).isZero();

        assertThat(cli.out()).startsWith(BUSINESS + " — onboarding summary\n")
                .contains("1 of 10 recommended sources connected")
                .contains("[x] Stripe — connected")
                .contains("Stripe — account acct_1")
                .contains("Still missing (9)")
                .doesNotContain("sk_test_onramp_summary");
        assertThat(cli.err()).isEmpty();
    }

    @Test
    void withLocaleDe_theTextIsGerman_andTheJsonStaysEnglish() throws Exception {
        assertThat(run("--locale", "de", "summary")).as(cli.err()).isZero();

        assertThat(cli.out()).startsWith(BUSINESS + " — Onboarding-Zusammenfassung\n")
                .contains("1 von 10 empfohlenen Quellen verbunden")
                .contains("[x] Stripe — verbunden")
                .contains("Stripe — Konto acct_1")
                .contains("Zustand: Verbunden")
                .contains("Noch fehlt (9)")
                .contains("Verbinden Sie sie im Hub oder mit onramp connect")
                .doesNotContain("recommended sources");
        // The catalog's texts too: the business type, why each source is recommended, in the list and what is missing.
        assertThat(cli.out()).contains(" · Onlineshop\n")
                .contains("Zahlungen, Erstattungen und Auszahlungen hinter Ihren Verkäufen\n")
                .contains("Ihre Bestellungen, Produkte und Kunden. Verbinden Sie sie im Hub oder mit onramp connect shopify.")
                .doesNotContain("Online store").doesNotContain("Your orders, products and customers");

        assertThat(run("--locale", "de", "summary", "--format", "json")).as(cli.err()).isZero();
        JsonNode json = new ObjectMapper().readTree(cli.out());
        assertThat(json.at("/progress/text").asText()).isEqualTo("1 of 10 recommended sources connected");
        assertThat(json.at("/connections/0/statusText").asText()).isEqualTo("Connected");
        assertThat(json.at("/business/typeName").asText()).isEqualTo("Online store");
        assertThat(json.at("/recommended/0/reason").asText()).isEqualTo("Your orders, products and customers");
    }

    @Test
    void withLocaleDe_thePdfIsGerman_withItsUmlauts() throws Exception {
        Path pdf = outDir.resolve("zusammenfassung.pdf");
        assertThat(run("--locale", "de", "summary", "--format", "pdf", "--out", pdf.toString())).as(cli.err()).isZero();

        assertThat(cli.out()).contains("1 von 10 empfohlenen Quellen verbunden");
        try (PDDocument document = Loader.loadPDF(pdf.toFile())) {
            assertThat(new PDFTextStripper().getText(document)).contains("Onboarding-Zusammenfassung")
                    .contains("Zuletzt geprüft").contains("Empfohlene Quellen").contains("Onlineshop")
                    .contains("Zahlungen, Erstattungen und Auszahlungen hinter Ihren Verkäufen");
        }
    }

    @Test
    void json_goesToStandardOutput_inSchemaVersion1() throws Exception {
        assertThat(run("summary", "--tenant", BUSINESS, "--format", "JSON")).as(cli.err()).isZero();

        JsonNode json = new ObjectMapper().readTree(cli.out());
        assertThat(json.path("schemaVersion").asInt()).isEqualTo(1);
        assertThat(json.at("/business/name").asText()).isEqualTo(BUSINESS);
        assertThat(json.at("/airbyte/kind").asText()).isEqualTo("DEMO");
        assertThat(json.at("/progress/connected").asInt()).isEqualTo(1);
        assertThat(json.at("/connections/0/provider").asText()).isEqualTo("stripe");
        assertThat(json.at("/connections/0/account").asText()).isEqualTo("acct_1");
        assertThat(json.at("/connections/0/streams").size()).isPositive();
        assertThat(cli.out()).doesNotContain("sk_test_onramp_summary");
    }

    @Test
    void jsonWithOut_writesTheFileAndSaysWhere() throws Exception {
        Path file = outDir.resolve("summary.json");

        assertThat(run("summary", "--format", "json", "--out", file.toString())).as(cli.err()).isZero();

        assertThat(new ObjectMapper().readTree(file.toFile()).path("schemaVersion").asInt()).isEqualTo(1);
        assertThat(cli.out().strip()).isEqualTo("Wrote the summary of " + BUSINESS + " to " + file
                + " (1 of 10 recommended sources connected).");
    }

    @Test
    void pdf_isWrittenToTheFile_andReadsBackWithTheBusinessTheProgressAndTheConnection() throws Exception {
        Path file = outDir.resolve("summary.pdf");

        assertThat(run("summary", "--format", "pdf", "--out", file.toString())).as(cli.err()).isZero();

        try (PDDocument pdf = Loader.loadPDF(file.toFile())) {
            assertThat(new PDFTextStripper().getText(pdf)).contains(BUSINESS + " — onboarding summary")
                    .contains("1 of 10 recommended sources connected").contains("Stripe — account acct_1");
        }
    }

    @Test
    void pdfWithoutOut_isAUsageErrorInOneSentence() {
        assertThat(run("summary", "--format", "pdf")).isEqualTo(OnrampCommand.WRONG_USAGE);

        assertThat(cli.err().strip()).isEqualTo(
                "onramp: A PDF goes to a file: add --out FILE.pdf (text and JSON may go to the terminal).");
        assertThat(cli.out()).isEmpty();
    }

    @Test
    void anUnknownFormat_isAUsageError() {
        assertThat(run("summary", "--format", "xml")).isEqualTo(OnrampCommand.WRONG_USAGE);

        assertThat(cli.err()).startsWith("onramp: Unknown --format \"xml\": use text, json or pdf.");
    }

    @Test
    void anUnknownBusiness_failsInOneSentence() {
        assertThat(run("summary", "--tenant", "Nobody Ltd")).isEqualTo(OnrampCommand.FAILED);

        assertThat(cli.err().strip()).isEqualTo("onramp: No business named \"Nobody Ltd\". Known: " + BUSINESS + ".");
    }

    @Test
    void anUnwritableOut_failsInOneSentence_andLeavesNothingThere() throws Exception {
        try (ReadOnlyFolder folder = ReadOnlyFolder.at(outDir.resolve("locked"))) {
            Path file = folder.path().resolve("summary.pdf");

            assertThat(run("summary", "--format", "pdf", "--out", file.toString())).isEqualTo(OnrampCommand.FAILED);

            assertThat(cli.err().strip()).isEqualTo("onramp: Could not write " + file + ": Onramp may not write in "
                    + folder.path() + "; pick another folder.");
            try (Stream<Path> left = Files.list(folder.path())) {
                assertThat(left).isEmpty();
            }
        }
    }

    @Test
    void anOutInAFolderThatIsNotThere_failsInOneSentence() {
        Path file = outDir.resolve("no-such-folder").resolve("summary.json");

        assertThat(run("summary", "--format", "json", "--out", file.toString())).isEqualTo(OnrampCommand.FAILED);

        assertThat(cli.err().strip()).isEqualTo("onramp: Could not write " + file + ": the folder " + file.getParent()
                + " does not exist.");
    }

    @Test
    void writeRefusals_areSaidInGermanAndFrenchWithLocale() throws Exception {
        Path missing = outDir.resolve("no-such-folder").resolve("summary.json");
        assertThat(run("--locale", "de", "summary", "--format", "json", "--out", missing.toString()))
                .isEqualTo(OnrampCommand.FAILED);
        assertThat(cli.err().strip()).isEqualTo("onramp: " + missing + " konnte nicht geschrieben werden: Der Ordner "
                + missing.getParent() + " existiert nicht.");

        assertThat(run("--locale", "fr", "summary", "--format", "json", "--out", outDir.toString()))
                .isEqualTo(OnrampCommand.FAILED);
        assertThat(cli.err().strip()).isEqualTo("onramp: Impossible d’écrire " + outDir.toAbsolutePath().normalize()
                + " : c’est un dossier ; indiquez un nom de fichier.");

        try (ReadOnlyFolder folder = ReadOnlyFolder.at(outDir.resolve("locked"))) {
            Path file = folder.path().resolve("summary.pdf");
            assertThat(run("--locale", "de", "summary", "--format", "pdf", "--out", file.toString()))
                    .isEqualTo(OnrampCommand.FAILED);
            assertThat(cli.err().strip()).isEqualTo("onramp: " + file + " konnte nicht geschrieben werden: Onramp darf"
                    + " nicht in " + folder.path() + " schreiben; wählen Sie einen anderen Ordner.");
        }
    }

    @Test
    void besideAnotherOnramp_theSummaryIsReadThroughIt() throws Exception {
        Process owner = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp",
                System.getProperty("java.class.path"), "dev.onramp.store.LockHolder", dataDir.toString())
                .redirectError(ProcessBuilder.Redirect.DISCARD)
                .start();
        try {
            BufferedReader output = owner.inputReader();
            assertThat(output.lines().filter(line -> line.startsWith("lock-holder-ready")).findFirst()).isPresent();

            assertThat(run("summary", "--format", "json")).as(cli.err()).isZero();

            assertThat(new ObjectMapper().readTree(cli.out()).at("/connections/0/account").asText()).isEqualTo("acct_1");
        } finally {
            owner.getOutputStream().close();
            if (!owner.waitFor(20, TimeUnit.SECONDS)) {
                owner.destroyForcibly();
            }
        }
    }
}
