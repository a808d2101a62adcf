package dev.onramp.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.onramp.AppContext;
import dev.onramp.AppOptions;
import dev.onramp.store.DataRemoval;
import dev.onramp.testing.CommandLineRunner;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code onramp remove-data}: what it says it removes, when it asks, what it refuses, and its exit codes. */
class RemoveDataCommandTest {
    @TempDir
    Path dir;

    private Path data;
    private CommandLineRunner cli;

    @BeforeEach
    void dataFolderMadeByARun() {
        data = dir.resolve("data");
        cli = new CommandLineRunner("--data-dir", data.toString());
        assertThat(cli.run(Map.of(), "connections")).isZero();
        cli.clearOut();
    }

    @Test
    void withYes_removesTheFolderAndSaysWhatWent() {
        int exit = cli.run(Map.of(), "remove-data", "--yes");

        assertThat(exit).isZero();
        assertThat(data).doesNotExist();
        assertThat(cli.out().lines().toList()).contains(
                "Its key was in its key file, removed with the folder (no system key store answered).",
                "This is the only record of the removal: the audit log was in the folder.")
                .anyMatch(line -> line.matches("Removed " + java.util.regex.Pattern.quote(data.toString())
                        + " \\([0-9.]+ (kB|MB)\\)\\."));
        assertThat(cli.err()).isEmpty();
    }

    @Test
    void aFolderWithADemoConnection_isRemovedWithTheSourcesTheBuiltInSimulatorKeptThere() {
        assertThat(cli.run(Map.of("STRIPE_KEY", "sk_test_0123456789"), "connect", "stripe", "--set", "account_id=acct_123",
                "--secret", "client_secret=STRIPE_KEY")).as(cli.err()).isZero();
        assertThat(data.resolve("simulator")).isDirectoryContaining(path -> path.getFileName().toString()
                .equals("onramp-simulator.json"));

        int exit = cli.run(Map.of(), "remove-data", "--yes");

        assertThat(exit).as(cli.err()).isZero();
        assertThat(data).doesNotExist();
    }

    @Test
    void withLocaleDe_saysWhatItRemovesAndWhatBecameOfTheKeyInGerman() {
        int exit = cli.run(Map.of(), "--locale", "de", "remove-data", "--yes");

        assertThat(exit).as(cli.err()).isZero();
        assertThat(cli.out().lines().toList()).contains("Dies entfernt endgültig:", "  seine Schlüsseldatei im Ordner",
                "Sein Schlüssel lag in seiner Schlüsseldatei und wurde mit dem Ordner entfernt (kein Schlüsselspeicher"
                        + " des Systems hat geantwortet).",
                "Dies ist die einzige Aufzeichnung der Entfernung: das Prüfprotokoll lag im Ordner.");
    }

    @Test
    void beforeRemoving_namesTheFolderItsSizeBusinessesConnectionsAndKey() {
        cli.run(Map.of(), "remove-data", "--yes");

        assertThat(cli.out().lines().limit(3).toList()).satisfiesExactly(
                first -> assertThat(first).isEqualTo("This removes, for good:"),
                folder -> assertThat(folder).startsWith("  the data folder " + data + " (")
                        .endsWith(", 1 business, 0 connections)"),
                key -> assertThat(key).isEqualTo("  its key file inside the folder"));
    }

    @Test
    void withoutYesAndWithoutATerminal_refusesInOneLineAndRemovesNothing() {
        int exit = cli.run(Map.of(), "remove-data");

        assertThat(exit).isEqualTo(OnrampCommand.FAILED);
        assertThat(cli.err().lines().toList()).containsExactly("onramp: Nothing was removed, as there is no terminal"
                + " to confirm on; run again with --yes to remove it.");
        assertThat(data.resolve("onramp.mv.db")).exists();
    }

    @Test
    void typedYes_removes() {
        List<String> asked = new ArrayList<>();

        int exit = runAnswering("yes", asked);

        assertThat(exit).isZero();
        assertThat(asked).containsExactly("Type yes to remove it: ");
        assertThat(data).doesNotExist();
    }

    @Test
    void typedAnythingElse_keepsTheFolderAndSaysSo() {
        int exit = runAnswering("y", new ArrayList<>());

        assertThat(exit).isEqualTo(OnrampCommand.CANCELLED);
        assertThat(out.toString()).endsWith("Nothing was removed." + System.lineSeparator());
        assertThat(data.resolve("onramp.mv.db")).exists();
    }

    @Test
    void folderThatIsNotOnrampsAlone_isRefusedInOneLine() throws IOException {
        Files.writeString(data.resolve("thesis.docx"), "chapter 1");

        int exit = cli.run(Map.of(), "remove-data", "--yes");

        assertThat(exit).isEqualTo(OnrampCommand.FAILED);
        assertThat(cli.err().lines().toList()).containsExactly("onramp: " + data.toAbsolutePath() + " holds more than"
                + " Onramp's data (thesis.docx): Onramp removes a data folder only when it holds nothing else, so move"
                + " those out first or check --data-dir.");
        assertThat(data.resolve("thesis.docx")).exists();
        assertThat(data.resolve("onramp.mv.db")).exists();
    }

    @Test
    void folderOpenInOnramp_isRefusedInOneLine() {
        try (AppContext open = AppContext.start(new AppOptions(data, Optional.empty(), url -> false, Duration.ZERO,
                Duration.ofMinutes(1)))) {
            int exit = cli.run(Map.of(), "remove-data", "--yes");

            assertThat(exit).isEqualTo(OnrampCommand.FAILED);
            assertThat(cli.err().lines().toList()).containsExactly("onramp: Onramp's data in " + data.toAbsolutePath()
                    + " is in use by another Onramp window or process: close it and try again. Nothing was removed.");
        }
        assertThat(data.resolve("onramp.mv.db")).exists();
    }

    @Test
    void nothingThere_saysSoAndSucceeds() {
        Path missing = dir.resolve("never-used");

        int exit = new CommandLineRunner("--data-dir", missing.toString()).run(Map.of(), "remove-data");

        assertThat(exit).isZero();
        assertThat(missing).doesNotExist();
    }

    @Test
    void secondRun_findsNothingToRemove() {
        cli.run(Map.of(), "remove-data", "--yes");
        cli.clearOut();

        assertThat(cli.run(Map.of(), "remove-data", "--yes")).isZero();
        assertThat(cli.out().strip()).isEqualTo("There is no Onramp data in " + data.toAbsolutePath()
                + ": nothing to remove.");
    }

    @Test
    void unfinishedRemoval_isNamedAndFinished() throws IOException {
        Path tombstone = Files.move(data, dir.resolve("data" + DataRemoval.TOMBSTONE_SUFFIX));

        int exit = cli.run(Map.of(), "remove-data", "--yes");

        assertThat(exit).isZero();
        assertThat(cli.out()).contains("  " + tombstone.toAbsolutePath() + ", left by a removal that did not finish");
        assertThat(tombstone).doesNotExist();
    }

    @Test
    void sizes_areInTheUnitsFileManagersShow() {
        assertThat(RemoveDataCommand.size(1)).isEqualTo("1 byte");
        assertThat(RemoveDataCommand.size(999)).isEqualTo("999 bytes");
        assertThat(RemoveDataCommand.size(1_500)).isEqualTo("1.5 kB");
        assertThat(RemoveDataCommand.size(2_400_000)).isEqualTo("2.4 MB");
    }

    private final StringWriter out = new StringWriter();

    private int runAnswering(String answer, List<String> asked) {
        CliEnvironment env = new CliEnvironment(new PrintWriter(out, true), new PrintWriter(new StringWriter(), true),
                AppContext::start, options -> {
                    throw new AssertionError("no window in this test");
                }, url -> false, name -> Optional.empty(), prompt -> Optional.empty(), prompt -> {
                    asked.add(prompt);
                    return Optional.of(answer);
                });
        return OnrampCommand.run(env, "--data-dir", data.toString(), "remove-data");
    }
}
