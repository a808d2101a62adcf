package dev.onramp.testing;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Predicate;

/**
 * The packaged {@code onramp.jar} running in a JVM of its own, as a person or a script runs it:
 * its output read line by line as it comes, and ways to wait for a line, an exit, or to kill it.
 */
public final class JarProcess implements AutoCloseable {
    private final Process process;
    private final List<String> args;
    private final List<String> stdout = new CopyOnWriteArrayList<>();
    private final CompletableFuture<String> stderr = new CompletableFuture<>();

    private JarProcess(Process process, List<String> args) {
        this.process = process;
        this.args = args;
        // Blocking reads get threads of their own: on two cores the common pool has one thread.
        Thread.ofVirtual().start(() -> readLines(process.inputReader(StandardCharsets.UTF_8)));
        Thread.ofVirtual().start(() -> {
            try {
                stderr.complete(new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8));
            } catch (IOException e) {
                stderr.complete(e.toString());
            }
        });
    }

    /** Starts {@code java -jar onramp.jar args...} with the JVM running the tests. */
    public static JarProcess start(String... args) {
        return start(Map.of(), List.of(), args);
    }

    /**
     * As {@link #start(String...)}, with {@code environment} added to the test's and {@code jvmOptions}
     * before {@code -jar}: a display to open the window on, a system property.
     */
    public static JarProcess start(Map<String, String> environment, List<String> jvmOptions, String... args) {
        // Keys stay in the data folder's file, never in the keyring of whoever runs the tests.
        List<String> command = new ArrayList<>(List.of(java(), "-Donramp.keyStore=file"));
        command.addAll(jvmOptions);
        command.addAll(List.of("-jar", jar().toString()));
        command.addAll(Arrays.asList(args));
        ProcessBuilder builder = new ProcessBuilder(command);
        builder.environment().putAll(environment);
        try {
            return new JarProcess(builder.start(), List.of(args));
        } catch (IOException e) {
            throw new UncheckedIOException("Could not start " + command, e);
        }
    }

    /** Waits for the first line that matches and returns it; fails when the process ends first or time runs out. */
    public String awaitLine(Predicate<String> wanted, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            for (String line : stdout) {
                if (wanted.test(line)) {
                    return line;
                }
            }
            if (!process.isAlive() && stderr.isDone()) {
                throw new AssertionError(describe("ended before printing the line"));
            }
            Thread.sleep(10);
        }
        throw new AssertionError(describe("did not print the line within " + timeout));
    }

    /** Waits for the process to end and returns its exit code. */
    public int awaitExit(Duration timeout) throws InterruptedException {
        if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            throw new AssertionError(describe("did not exit within " + timeout));
        }
        return process.exitValue();
    }

    /** Kills the process the way {@code kill -9} does: no shutdown hook, no finally block runs. */
    public void kill() throws InterruptedException {
        process.destroyForcibly();
        if (!process.waitFor(10, TimeUnit.SECONDS)) {
            throw new AssertionError(describe("survived being killed"));
        }
    }

    public List<String> stdout() {
        return List.copyOf(stdout);
    }

    /** Everything written to stderr, once the process has ended. */
    public String stderr(Duration timeout) throws InterruptedException {
        try {
            return stderr.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException | TimeoutException e) {
            throw new AssertionError(describe("did not close its error output"), e);
        }
    }

    @Override
    public void close() {
        process.destroyForcibly();
    }

    private void readLines(BufferedReader reader) {
        try (reader) {
            reader.lines().forEach(stdout::add);
        } catch (IOException | UncheckedIOException ended) {
            // The process ended.
        }
    }

    private String describe(String what) {
        return "onramp " + String.join(" ", args) + " " + what + "; output so far: " + stdout
                + (stderr.isDone() ? "; errors: " + stderr.join() : "");
    }

    private static String java() {
        return ProcessHandle.current().info().command().orElse("java");
    }

    private static Path jar() {
        Path jar = Path.of(System.getProperty("onramp.jar", "target/onramp.jar"));
        if (!Files.exists(jar)) {
            throw new AssertionError("No packaged jar at " + jar + ": run mvn package first");
        }
        return jar;
    }
}
