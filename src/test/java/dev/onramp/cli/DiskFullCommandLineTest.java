package dev.onramp.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.onramp.AppContext;
import dev.onramp.AppOptions;
import dev.onramp.testing.CommandLineRunner;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.io.TempDir;

/**
 * The command line with its data folder on a real 2 MB tmpfs that is filled up, end to end against the
 * simulator: a command on the full disk either does its work or says in one sentence that the disk is
 * full (exit 1, no stack trace), and once space is back the connections, the flow journal, the
 * simulator's sources and the audit log agree. Runs only where it may mount (as root on Linux, as CI does).
 */
class DiskFullCommandLineTest {
    private static final Map<String, String> SECRET = Map.of("SEC", "sk_test_abc");
    private static final String FULL = "is full: ";
    private static final String ACT = "Free some space on that disk, then try again.";

    @TempDir
    Path dir;

    private Path disk;
    private Path dataDir;
    private boolean mounted;
    private CommandLineRunner cli;

    @BeforeEach
    void mountASmallDisk() throws Exception {
        assumeTrue(System.getProperty("os.name").startsWith("Linux") && "root".equals(System.getProperty("user.name")),
                "mounting a tmpfs needs root on Linux");
        disk = Files.createDirectories(dir.resolve("disk"));
        mounted = command("mount", "-t", "tmpfs", "-o", "size=2m", "tmpfs", disk.toString()) == 0;
        assumeTrue(mounted, "this environment does not allow mounting a tmpfs");
        dataDir = disk.resolve("data");
        // The simulator without its demo latency: these tests are about the disk, not the flow's pace.
        cli = new CommandLineRunner(options -> AppContext.start(new AppOptions(options.dataDir(), options.airbyteUrl(),
                options.browser(), Duration.ZERO, options.consentTimeout())), url -> false,
                "--data-dir", dataDir.toString());
    }

    @AfterEach
    void unmount() throws Exception {
        if (mounted && command("umount", disk.toString()) != 0) {
            command("umount", "-l", disk.toString());
        }
    }

    @ParameterizedTest(name = "{0} KB left")
    @ValueSource(ints = {0, 8, 16, 24, 48})
    void connectOnAFullDisk_connectsOrSaysSo_andOnceSpaceIsBackEverythingAgrees(int kbLeft) throws Exception {
        assertThat(run("connections")).isZero();
        fillLeaving(kbLeft);

        int exit = cli.run(SECRET, "connect", "stripe", "--set", "account_id=acct_1", "--secret", "client_secret=SEC");

        assertThat(cli.err()).doesNotContain("\tat ").doesNotContain("Exception");
        if (exit == 0) {
            assertThat(cli.out()).contains("Connected Stripe");
        } else {
            assertThat(exit).isEqualTo(OnrampCommand.FAILED);
            assertThat(lastLine(cli.err())).startsWith("onramp: ").containsAnyOf(FULL, "No space left on device");
        }
        freeSpace();

        assertThat(run("connections")).isZero();
        assertThat(cli.out().contains("acct_1")).as("listed after a connect that exited %d", exit).isEqualTo(exit == 0);
        assertThat(run("audit", "verify")).as(cli.err()).isZero();
        assertThat(cli.out()).startsWith("The audit log is intact");
        assertThat(query("SELECT state FROM connect_flow")).as("no flow left unfinished")
                .allMatch(state -> List.of("STORED", "FAILED", "CANCELLED", "TIMED_OUT").contains(state));
        assertThat(simulatorSources()).as("the simulator keeps just the stored connection's source")
                .isEqualTo(new HashSet<>(query("SELECT source_id FROM connection WHERE status = 'ACTIVE'")));
        if (exit != 0 && !query("SELECT id FROM connect_flow").isEmpty()) {
            assertThat(query("SELECT action FROM audit_log")).as("the refused connect is audited")
                    .containsAnyOf("connect.failed", "connect.recovered");
        }
    }

    @Test
    void auditVerify_onAFullDisk_verifiesWithoutWritingAndConnectSaysTheDiskIsFull() throws Exception {
        assertThat(run("connections")).isZero();
        fillLeaving(0);

        assertThat(run("audit", "verify")).as(cli.err()).isZero();
        assertThat(cli.out()).startsWith("The audit log is intact: 1 entry");
        assertThat(cli.err()).doesNotContain("\tat ");

        assertThat(cli.run(SECRET, "connect", "stripe", "--set", "account_id=acct_1", "--secret", "client_secret=SEC"))
                .isEqualTo(OnrampCommand.FAILED);
        assertThat(lastLine(cli.err())).isEqualTo("onramp: The disk holding Onramp's data folder (" + dataDir
                + ") " + FULL + "Onramp could not save this change, so it was not made. " + ACT);
    }

    private int run(String... args) {
        cli.clearOut();
        cli.clearErr();
        return cli.run(Map.of(), args);
    }

    /** Fills the tmpfs with a file until only {@code kb} KB are left (0: until a write fails). */
    private void fillLeaving(int kb) throws IOException {
        long goal = (long) kb * 1024;
        byte[] block = new byte[4096];
        try (OutputStream filler = Files.newOutputStream(disk.resolve("filler"))) {
            while (Files.getFileStore(disk).getUsableSpace() > goal) {
                filler.write(block);
                filler.flush();
            }
        } catch (IOException full) {
            assertThat(full).hasMessageContaining("No space left on device");
        }
    }

    private void freeSpace() throws IOException {
        Files.delete(disk.resolve("filler"));
    }

    private List<String> query(String sql) throws Exception {
        try (Connection jdbc = DriverManager.getConnection("jdbc:h2:file:" + dataDir.resolve("onramp"), "onramp", "");
                Statement statement = jdbc.createStatement(); ResultSet rows = statement.executeQuery(sql)) {
            List<String> values = new java.util.ArrayList<>();
            while (rows.next()) {
                values.add(rows.getString(1));
            }
            return values;
        }
    }

    private Set<String> simulatorSources() throws IOException {
        Path state = dataDir.resolve("simulator/onramp-simulator.json");
        Set<String> ids = new HashSet<>();
        if (Files.exists(state)) {
            for (JsonNode source : new ObjectMapper().readTree(state.toFile()).path("configApi").path("sources")) {
                ids.add(source.path("sourceId").asText());
            }
        }
        return ids;
    }

    private static String lastLine(String text) {
        List<String> lines = text.strip().lines().toList();
        return lines.isEmpty() ? "" : lines.getLast();
    }

    private static int command(String... args) throws Exception {
        Process process = new ProcessBuilder(args).redirectErrorStream(true).start();
        process.getInputStream().readAllBytes();
        return process.waitFor(30, TimeUnit.SECONDS) ? process.exitValue() : -1;
    }
}
