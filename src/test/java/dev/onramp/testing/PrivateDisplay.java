package dev.onramp.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/** An Xvfb display of the test's own, so a real window can open on a machine without a screen. */
public final class PrivateDisplay implements AutoCloseable {
    private final Process xvfb;
    private final String name;

    private PrivateDisplay(Process xvfb, String name) {
        this.xvfb = xvfb;
        this.name = name;
    }

    /** Starts Xvfb on a free display number, 1280×800; skips the test where it is missing, fails it on CI. */
    public static PrivateDisplay start() throws IOException {
        boolean installed = Stream.of(System.getenv().getOrDefault("PATH", "").split(File.pathSeparator))
                .anyMatch(dir -> Files.isExecutable(Path.of(dir, "Xvfb")));
        if (!installed) {
            String message = "Not installed: Xvfb (package xvfb; .ci/run installs it)";
            if ("true".equals(System.getenv("CI"))) {
                throw new AssertionError(message);
            }
            assumeTrue(false, message);
        }
        Process xvfb = new ProcessBuilder("Xvfb", "-displayfd", "1", "-screen", "0", "1280x800x24", "-nolisten", "tcp")
                .redirectError(ProcessBuilder.Redirect.DISCARD)
                .start();
        String number = new BufferedReader(xvfb.inputReader(StandardCharsets.US_ASCII)).readLine();
        assertThat(number).as("Xvfb's display number").isNotBlank();
        return new PrivateDisplay(xvfb, ":" + number.strip());
    }

    /** The value for {@code DISPLAY}. */
    public String name() {
        return name;
    }

    @Override
    public void close() {
        xvfb.destroy();
    }
}
