package dev.onramp.packaging;

import static org.assertj.core.api.Assertions.assertThat;

import dev.onramp.testing.PrivateDisplay;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Linux {@code .deb} that {@code mvn verify -Ppackage} builds, unpacked into a temporary root as
 * dpkg would install it, and started from there under a private Xvfb display.
 */
@EnabledOnOs(OS.LINUX)
class InstalledDebIT {
    private static final Duration WAIT = Duration.ofMinutes(2);
    private static final String HUB_SHOWN = "onramp: hub shown";
    private static final String HUB_READY = "onramp: hub ready";

    @TempDir
    static Path root;

    @RegisterExtension
    static final PrivateDisplay display = new PrivateDisplay();

    private static Path deb;

    @TempDir
    Path dataDir;

    @BeforeAll
    static void install() throws Exception {
        deb = builtDeb();
        Ran unpacked = Ran.of(List.of("dpkg-deb", "-x", deb.toString(), root.toString()), Map.of());
        assertThat(unpacked.exit).as(unpacked.stderr).isZero();
    }

    @Test
    void package_isOnrampInOpt_andDependsOnGtk() throws Exception {
        Ran fields = Ran.of(List.of("dpkg-deb", "--field", deb.toString(), "Package", "Depends"), Map.of());

        assertThat(fields.stdout).contains("Package: onramp");
        assertThat(fields.stdout).containsPattern("Depends: .*\\blibgtk-3-0\\b");
        assertThat(launcher()).isExecutable();
        assertThat(root.resolve("opt/onramp/lib/onramp-Onramp.desktop")).content()
                .contains("Exec=/opt/onramp/bin/Onramp", "Icon=/opt/onramp/lib/Onramp.png");
    }

    @Test
    void window_showsTheHubFromTheShippedAotCache_andExitsCleanly() throws Exception {
        // AOTMode=on makes the JVM refuse to start unless the AOT cache in the package can be used.
        Ran app = Ran.of(List.of(launcher().toString(), "--data-dir", dataDir.toString()),
                Map.of("DISPLAY", display.name(), "JAVA_TOOL_OPTIONS", "-XX:AOTMode=on -Donramp.startup.probe=exit"));

        assertThat(app.stdout).as(app.stderr).contains(HUB_SHOWN, HUB_READY);
        assertThat(app.exit).as(app.stderr).isZero();
        assertThat(app.stderr).doesNotContain("Exception", "WARNING");
    }

    @Test
    void runningTheApp_writesItsDataOutsideTheInstallFolder() throws Exception {
        List<Path> before = filesUnder(root.resolve("opt/onramp"));

        Ran app = Ran.of(List.of(launcher().toString(), "--data-dir", dataDir.toString()),
                Map.of("DISPLAY", display.name(), "JAVA_TOOL_OPTIONS", "-Donramp.startup.probe=exit"));

        assertThat(app.exit).as(app.stderr).isZero();
        assertThat(filesUnder(root.resolve("opt/onramp"))).isEqualTo(before);
        assertThat(filesUnder(dataDir)).isNotEmpty();
    }

    @Test
    void commandLine_printsTheVersionAndJsonOnACleanStandardOutput() throws Exception {
        Ran version = Ran.of(List.of(launcher().toString(), "--version"), Map.of());
        Ran connections = Ran.of(List.of(launcher().toString(), "connections", "--json", "--data-dir",
                dataDir.toString()), Map.of());

        assertThat(version.exit).isZero();
        assertThat(version.stdout).containsPattern("Onramp \\d+\\.\\d+").contains("Java 25");
        assertThat(connections.exit).as(connections.stderr).isZero();
        assertThat(connections.stdout.strip()).startsWith("[").endsWith("]");
    }

    private static Path launcher() {
        return root.resolve("opt/onramp/bin/Onramp");
    }

    private static Path builtDeb() throws IOException {
        Path dir = Path.of(System.getProperty("onramp.installer.dir", "target/installer"));
        try (Stream<Path> files = Files.list(dir)) {
            List<Path> debs = files.filter(p -> p.toString().endsWith(".deb")).toList();
            assertThat(debs).as("one .deb in " + dir).hasSize(1);
            return debs.getFirst();
        }
    }

    private static List<Path> filesUnder(Path dir) throws IOException {
        try (Stream<Path> files = Files.walk(dir)) {
            return files.map(dir::relativize).sorted().toList();
        }
    }

    /** A finished process: its exit code and everything it printed. */
    private record Ran(int exit, String stdout, String stderr) {
        static Ran of(List<String> command, Map<String, String> env) throws IOException, InterruptedException {
            ProcessBuilder builder = new ProcessBuilder(command);
            builder.environment().putAll(env);
            Process process = builder.start();
            // Each stream gets a thread of its own: a full pipe would stall the process.
            CompletableFuture<String> out = readAll(process.getInputStream());
            CompletableFuture<String> err = readAll(process.getErrorStream());
            if (!process.waitFor(WAIT.toSeconds(), TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new AssertionError(command.getFirst() + " did not exit within " + WAIT + "; printed "
                        + out.getNow("") + err.getNow(""));
            }
            return new Ran(process.exitValue(), out.join(), err.join());
        }

        private static CompletableFuture<String> readAll(InputStream stream) {
            CompletableFuture<String> text = new CompletableFuture<>();
            Thread.ofVirtual().start(() -> {
                try (stream) {
                    text.complete(new String(stream.readAllBytes(), StandardCharsets.UTF_8));
                } catch (IOException e) {
                    text.complete(e.toString());
                }
            });
            return text;
        }
    }
}
