package dev.onramp.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.onramp.testing.JarProcess;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

/**
 * The packaged jar in a JVM of its own prints only Onramp's own words on stderr: no JDK warning (native
 * access, sun.misc.Unsafe) and no logger line. Only the built jar can show this, as its manifest and the
 * protobuf on its class path decide what the JVM prints, and the JVM prints it before any test could catch it.
 */
class QuietCommandLineIT {
    private static final Duration WAIT = Duration.ofSeconds(90);
    /** How a logback line on the console starts: {@code 13:58:04.662 WARN  d.o.store.KekStores - ...}. */
    private static final String LOGGER_LINE = "^\\d\\d:\\d\\d:\\d\\d\\.\\d{3} .*";

    @TempDir
    Path dataDir;

    private String stderrOf(Map<String, String> env, List<String> jvmOptions, String... command)
            throws InterruptedException {
        String[] args = new String[command.length + 2];
        args[0] = "--data-dir";
        args[1] = dataDir.toString();
        System.arraycopy(command, 0, args, 2, command.length);
        try (JarProcess jar = JarProcess.start(env, jvmOptions, args)) {
            jar.awaitExit(WAIT);
            return jar.stderr(WAIT);
        }
    }

    @Test
    void connectionsAndDoctor_printNoJdkWarningAndNoLoggerLine() throws InterruptedException {
        for (String[] command : List.of(new String[] {"connections"}, new String[] {"doctor"},
                new String[] {"audit", "verify"})) {
            String stderr = stderrOf(Map.of(), List.of(), command);

            assertThat(stderr.lines()).as(String.join(" ", command))
                    .noneMatch(line -> line.startsWith("WARNING:"))
                    .noneMatch(line -> line.matches(LOGGER_LINE));
        }
    }

    @Test
    @EnabledOnOs(OS.LINUX)
    void keyFileMadeBecauseNoKeyStoreAnswered_isToldOnceInOneSentence() throws InterruptedException {
        // No D-Bus session: the Secret Service cannot answer, so the key goes to a file.
        Map<String, String> noKeyStore = Map.of("DBUS_SESSION_BUS_ADDRESS", "");
        List<String> askTheSystem = List.of("-Donramp.keyStore=system");

        String first = stderrOf(noKeyStore, askTheSystem, "connections");
        String second = stderrOf(noKeyStore, askTheSystem, "connections");

        assertThat(first.lines()).singleElement().asString()
                .startsWith("onramp: Onramp keeps the key that protects saved secrets in a file only you can read (")
                .endsWith("onramp doctor says why and how to move the key into it.");
        assertThat(second).isEmpty();
    }
}
