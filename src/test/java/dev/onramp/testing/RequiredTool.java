package dev.onramp.testing;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/** A program a test needs from the system: the test is skipped without it, and fails on CI, where {@code .ci/run} installs it. */
public final class RequiredTool {
    private RequiredTool() {}

    /** Returns when {@code program} is on the PATH; otherwise skips the test, or fails it when {@code CI=true}. */
    public static void require(String program, String debianPackage) {
        boolean installed = Stream.of(System.getenv().getOrDefault("PATH", "").split(File.pathSeparator))
                .anyMatch(dir -> Files.isExecutable(Path.of(dir, program)));
        if (!installed) {
            String message = "Not installed: " + program + " (package " + debianPackage + "; .ci/run installs it)";
            if ("true".equals(System.getenv("CI"))) {
                throw new AssertionError(message);
            }
            assumeTrue(false, message);
        }
    }
}
