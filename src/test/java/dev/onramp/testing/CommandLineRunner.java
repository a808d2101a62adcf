package dev.onramp.testing;

import dev.onramp.AppContext;
import dev.onramp.cli.CliEnvironment;
import dev.onramp.cli.OnrampCommand;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * Onramp's command line run in-process with no window: every run gets the same leading arguments
 * (such as {@code --data-dir}) and prints into buffers the test reads.
 */
public final class CommandLineRunner {
    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();
    private final List<String> leadingArgs;

    /** A runner that puts {@code leadingArgs} before the arguments of every run. */
    public CommandLineRunner(String... leadingArgs) {
        this.leadingArgs = List.of(leadingArgs);
    }

    /**
     * Runs to its end with only {@code environment} as environment variables, nothing typed at a
     * prompt and a browser that opens nothing, and returns the exit code.
     */
    public int run(Map<String, String> environment, String... args) {
        CliEnvironment env = new CliEnvironment(new PrintWriter(out, true), new PrintWriter(err, true),
                AppContext::start, options -> {
                    throw new AssertionError("no window in this test");
                }, url -> false,
                name -> Optional.ofNullable(environment.get(name)),
                prompt -> Optional.empty());
        return OnrampCommand.run(env, withLeadingArgs(args));
    }

    /** Starts a run on a virtual thread, as with {@code --no-browser}: opening the browser fails the test. */
    public CompletableFuture<Integer> start(String... args) {
        CliEnvironment env = new CliEnvironment(new PrintWriter(out, true), new PrintWriter(err, true),
                AppContext::start, options -> {
                    throw new AssertionError("no window in this test");
                }, url -> {
                    throw new AssertionError("--no-browser must not open the browser");
                });
        String[] all = withLeadingArgs(args);
        CompletableFuture<Integer> exit = new CompletableFuture<>();
        Thread.ofVirtual().start(() -> exit.complete(OnrampCommand.run(env, all)));
        return exit;
    }

    /** Waits up to {@code wait} for the consent link a run prints and returns it. */
    public URI awaitPrintedLink(Duration wait) throws InterruptedException {
        long deadline = System.nanoTime() + wait.toNanos();
        while (System.nanoTime() < deadline) {
            Optional<String> link = out().lines().filter(l -> l.startsWith("http://")).findFirst();
            if (link.isPresent()) {
                return URI.create(link.get());
            }
            Thread.sleep(20);
        }
        throw new AssertionError("No consent link printed; output so far:\n" + out + err);
    }

    /** What the runs printed to standard output since the last {@link #clearOut}. */
    public String out() {
        return out.toString();
    }

    /** What the runs printed to standard error. */
    public String err() {
        return err.toString();
    }

    /** Forgets the standard output printed so far, so that the next run's stands alone. */
    public void clearOut() {
        out.getBuffer().setLength(0);
    }

    private String[] withLeadingArgs(String... args) {
        List<String> all = new ArrayList<>(leadingArgs);
        all.addAll(List.of(args));
        return all.toArray(String[]::new);
    }
}
