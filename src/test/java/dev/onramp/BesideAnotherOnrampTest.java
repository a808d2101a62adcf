package dev.onramp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.onramp.catalog.Catalog;
import dev.onramp.store.Database;
import dev.onramp.testing.CommandLineRunner;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.Comparator;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A command run while another Onramp process has the data folder open reads through it and changes nothing. */
class BesideAnotherOnrampTest {
    /** The store's test program that holds the database open in a process of its own until its stdin closes. */
    private static final String LOCK_HOLDER = "dev.onramp.store.LockHolder";

    @TempDir
    Path dataDir;

    private CommandLineRunner cli;
    private Process owner;

    @BeforeEach
    void setUp() throws IOException {
        cli = new CommandLineRunner(AppContext::start, url -> false, "--data-dir", dataDir.toString());
        assertThat(cli.run(Map.of("STRIPE_KEY", "sk_test_51Abc"), "connect", "stripe", "--set", "account_id=acct_1",
                "--secret", "client_secret=STRIPE_KEY")).as(cli.err()).isZero();
        cli.clearOut();
        owner = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp",
                System.getProperty("java.class.path"), LOCK_HOLDER, dataDir.toString())
                .redirectError(ProcessBuilder.Redirect.DISCARD)
                .start();
        BufferedReader output = owner.inputReader();
        assertThat(output.lines().filter(line -> line.startsWith("lock-holder-ready")).findFirst()).isPresent();
    }

    @AfterEach
    void release() throws Exception {
        owner.getOutputStream().close();
        if (!owner.waitFor(20, TimeUnit.SECONDS)) {
            owner.destroyForcibly();
        }
    }

    @Test
    void connectionsAndAuditVerify_answerWhileAnotherOnrampHasTheFolderOpen() {
        assertThat(cli.run(Map.of(), "connections", "--json")).as(cli.err()).isZero();
        assertThat(cli.out()).contains("\"provider\" : \"stripe\"").contains("\"account\" : \"acct_1\"");

        cli.clearOut();
        assertThat(cli.run(Map.of(), "audit", "verify")).as(cli.err()).isZero();
        assertThat(cli.out()).startsWith("The audit log is intact");
    }

    @Test
    void aChangeWhileAnotherOnrampHasTheFolderOpen_isRefusedInOneSentenceAndChangesNothing() throws Exception {
        int exit = cli.run(Map.of(), "rename", "stripe", "Main account");

        assertThat(exit).isEqualTo(1);
        assertThat(cli.err().strip()).isEqualTo("onramp: " + Database.OWNED_ELSEWHERE);
        release();
        cli.clearOut();
        assertThat(cli.run(Map.of(), "connections", "--json")).isZero();
        assertThat(cli.out()).contains("\"account\" : \"acct_1\"").doesNotContain("Main account");
    }

    @Test
    void theWindowWhileAnotherOnrampHasTheFolderOpen_refusesToOpenSayingWhatToDo() {
        AppOptions options = new AppOptions(dataDir, Optional.empty(), url -> false, Duration.ZERO, Duration.ofMinutes(1));

        assertThatThrownBy(() -> AppContext.opening(options, Catalog.bundled()).start(Runnable::run).join())
                .isInstanceOf(CompletionException.class)
                .cause()
                .hasMessage("Another Onramp has this data folder open: a window, or a command still running (a connect"
                        + " waiting for its browser, for one). Switch to that window, or let the command end (Ctrl+C"
                        + " stops it), then start Onramp again.");
    }

    @Test
    void aReaderOfTheFolder_knowsItIsOne() {
        try (AppContext reader = AppContext.start(new AppOptions(dataDir, Optional.empty(), url -> false, Duration.ZERO,
                Duration.ofMinutes(1)))) {
            assertThat(reader.reader()).isTrue();
        }
    }

    @Test
    void aDataFolderOnrampMakes_isOpenToItsOwnerOnly() throws IOException {
        Path fresh = dataDir.resolveSibling(dataDir.getFileName() + "-fresh");
        try (AppContext app = AppContext.start(new AppOptions(fresh, Optional.empty(), url -> false, Duration.ZERO,
                Duration.ofMinutes(1)))) {
            assertThat(Files.getPosixFilePermissions(fresh)).isEqualTo(PosixFilePermissions.fromString("rwx------"));
        } finally {
            try (var files = Files.walk(fresh)) {
                for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                    Files.deleteIfExists(file);
                }
            }
        }
    }
}
