package dev.onramp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The jar's entry point: an old Java gets one sentence saying which Java to use, exit 1, not a class version error. */
class JarLauncherTest {
    @Test
    void oldJava_getsOneSentenceNamingTheJavaToUse_andExitCode1() throws Exception {
        Optional<Path> oldJava = olderJava();
        assumeTrue(oldJava.isPresent(), "no Java older than " + JarLauncher.REQUIRED_JAVA + " in /usr/lib/jvm");
        Path classes = Path.of(JarLauncher.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        Process java = new ProcessBuilder(oldJava.get().toString(), "-cp", classes.toString(), JarLauncher.class.getName(),
                "--version").redirectErrorStream(true).start();
        String output = new String(java.getInputStream().readAllBytes(), StandardCharsets.UTF_8);

        assertThat(java.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(java.exitValue()).isEqualTo(1);
        assertThat(output.strip()).startsWith("onramp: Onramp needs Java 25 or newer; this java is Java ")
                .contains("Use the installer").doesNotContain("UnsupportedClassVersionError", "Exception")
                .hasLineCount(1);
    }

    @Test
    void theJavaItAsksFor_isTheOneOnrampIsCompiledFor() throws IOException {
        try (InputStream main = Main.class.getResourceAsStream("Main.class");
                DataInputStream in = new DataInputStream(main)) {
            in.readInt();
            in.readUnsignedShort();
            int major = in.readUnsignedShort();

            assertThat(JarLauncher.REQUIRED_JAVA).isEqualTo(major - 44);
        }
    }

    @Test
    void javaSpecificationVersions_areReadAsTheirFeatureVersion() {
        assertThat(JarLauncher.feature("1.8")).isEqualTo(8);
        assertThat(JarLauncher.feature("17")).isEqualTo(17);
        assertThat(JarLauncher.feature("25")).isEqualTo(25);
        assertThat(JarLauncher.feature("nonsense")).isZero();
    }

    private static Optional<Path> olderJava() throws IOException {
        Path jvms = Path.of("/usr/lib/jvm");
        if (!Files.isDirectory(jvms)) {
            return Optional.empty();
        }
        try (Stream<Path> all = Files.list(jvms)) {
            return all.filter(home -> Files.isExecutable(home.resolve("bin/java")))
                    .filter(home -> release(home).filter(v -> JarLauncher.feature(v) < JarLauncher.REQUIRED_JAVA
                            && JarLauncher.feature(v) >= 8).isPresent())
                    .map(home -> home.resolve("bin/java"))
                    .findFirst();
        }
    }

    private static Optional<String> release(Path home) {
        try {
            return Files.readAllLines(home.resolve("release")).stream()
                    .filter(line -> line.startsWith("JAVA_VERSION="))
                    .map(line -> line.substring("JAVA_VERSION=".length()).replace("\"", ""))
                    .findFirst();
        } catch (IOException e) {
            return Optional.empty();
        }
    }
}
