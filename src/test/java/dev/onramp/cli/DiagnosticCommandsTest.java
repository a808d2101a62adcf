package dev.onramp.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.onramp.AppContext;
import dev.onramp.diagnostics.BrowserCheck;
import dev.onramp.testing.CommandLineRunner;
import dev.onramp.testing.FakeDesktop;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Random;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

/** {@code onramp doctor} and {@code onramp support-bundle} in-process, in demo mode and against a closed port. */
class DiagnosticCommandsTest {
    @TempDir
    Path dataDir;

    @TempDir
    Path bin;

    @TempDir
    Path outDir;

    private CommandLineRunner cli;

    @BeforeEach
    void setUp() {
        BrowserCheck browserCheck = new BrowserCheck("Linux", FakeDesktop.working(bin).env(),
                Duration.ofSeconds(5));
        cli = new CommandLineRunner(options -> AppContext.start(options, browserCheck), url -> {
            throw new AssertionError("diagnostics must not open the browser");
        }, "--data-dir", dataDir.toString());
    }

    @Test
    @EnabledOnOs({OS.LINUX, OS.MAC})
    void doctorInDemoMode_printsEightPassingLinesAndExitsZero() {
        int exit = cli.run(Map.of(), "doctor");

        assertThat(exit).as(cli.out() + cli.err()).isZero();
        assertThat(cli.out().lines()).hasSize(8).allMatch(line -> line.startsWith("✓ "));
        assertThat(cli.err()).isEmpty();
    }

    @Test
    void doctorAgainstAClosedPort_exitsOneAndSaysHowToFixAirbyte() throws IOException {
        int port;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = socket.getLocalPort();
        }

        int exit = cli.run(Map.of(), "--airbyte-url", "http://127.0.0.1:" + port, "doctor");

        assertThat(exit).isEqualTo(OnrampCommand.FAILED);
        assertThat(cli.out()).contains("✗ Airbyte: Onramp could not reach Airbyte at http://127.0.0.1:" + port
                + "/api. Check that it is running and that the address is right. Fix: Start Airbyte,");
    }

    @Test
    void doctorWhenTheDatabaseCannotOpen_reportsWhyAndExitsOne() throws IOException {
        byte[] garbage = new byte[64 * 1024];
        new Random(7).nextBytes(garbage);
        Files.write(dataDir.resolve("onramp.mv.db"), garbage);

        int exit = cli.run(Map.of(), "doctor");

        assertThat(exit).isEqualTo(OnrampCommand.FAILED);
        assertThat(cli.out().lines().findFirst()).hasValueSatisfying(line ->
                assertThat(line).startsWith("✗ Start: Onramp's database (").contains("is damaged"));
    }

    @Test
    @EnabledOnOs({OS.LINUX, OS.MAC})
    void doctorWithLocaleDe_saysEveryCheckInGerman() {
        int exit = cli.run(Map.of(), "--locale", "de", "doctor");

        assertThat(exit).as(cli.out() + cli.err()).isZero();
        assertThat(cli.out().lines()).hasSize(8).allMatch(line -> line.startsWith("✓ "));
        assertThat(cli.out()).contains("✓ Uhr: ", "✓ Webbrowser: der Standardbrowser ist ", "✓ Loopback-Port: Onramp kann unter http://",
                "✓ Schlüsselspeicher: ", "der Schlüssel lässt sich öffnen", "✓ Datenbank: ", "lässt sich fehlerfrei lesen",
                "✓ Prüfprotokoll: ", "✓ Verbindungen: noch keine gespeichert.")
                .doesNotContain("Clock", "Database", "reads cleanly");
    }

    @Test
    void doctorWithLocaleFr_saysAFailedCheckAndItsFixInFrench() throws IOException {
        int port;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = socket.getLocalPort();
        }

        int exit = cli.run(Map.of(), "--locale", "fr", "--airbyte-url", "http://127.0.0.1:" + port, "doctor");

        assertThat(exit).isEqualTo(OnrampCommand.FAILED);
        assertThat(cli.out()).contains("✗ Airbyte: ", " Solution : Démarrez Airbyte, ou donnez son adresse avec --airbyte-url",
                "✗ Horloge: non comparée : Airbyte n’a pas répondu. Solution : Faites d’abord répondre Airbyte");
    }

    @Test
    @EnabledOnOs({OS.LINUX, OS.MAC})
    void supportBundleWithLocaleDe_keepsTheDoctorsReportInEnglishForSupport() throws IOException {
        Path zip = outDir.resolve("support.zip");

        int exit = cli.run(Map.of(), "--locale", "de", "support-bundle", "--out", zip.toString());

        assertThat(exit).as(cli.out() + cli.err()).isZero();
        try (ZipFile bundle = new ZipFile(zip.toFile())) {
            String doctor = new String(bundle.getInputStream(bundle.getEntry("doctor.txt")).readAllBytes(),
                    StandardCharsets.UTF_8);
            assertThat(doctor).contains("✓ Clock: ", "✓ Browser: ", "✓ Key store: ", "the key opens", "✓ Database: ",
                    "reads cleanly", "✓ Connections: none stored yet.").doesNotContain("Uhr", "Datenbank", "Schlüssel");
        }
    }

    @Test
    void supportBundle_writesTheZipNamedByOut() throws IOException {
        Path zip = outDir.resolve("support.zip");

        int exit = cli.run(Map.of(), "support-bundle", "--out", zip.toString());

        assertThat(exit).isZero();
        assertThat(cli.out()).startsWith("Wrote " + zip.toAbsolutePath());
        try (ZipFile bundle = new ZipFile(zip.toFile())) {
            assertThat(bundle.getEntry("doctor.txt")).isNotNull();
        }
    }

    @Test
    void supportBundleIntoAMissingFolder_exitsOneWithTheReason() {
        int exit = cli.run(Map.of(), "support-bundle", "--out", outDir.resolve("no/such.zip").toString());

        assertThat(exit).isEqualTo(OnrampCommand.FAILED);
        assertThat(cli.err()).startsWith("onramp: Onramp could not write the support bundle");
    }
}
