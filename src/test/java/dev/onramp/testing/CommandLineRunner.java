package dev.onramp.testing;

import dev.onramp.AppContext;
import dev.onramp.AppOptions;
import dev.onramp.cli.CliEnvironment;
import dev.onramp.cli.OnrampCommand;
import dev.onramp.oauth.BrowserLauncher;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Queue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;

/**
 * Onramp's command line run in-process with no window: every run gets the same leading arguments
 * (such as {@code --data-dir}) and prints into buffers the test reads.
 */
public final class CommandLineRunner {
    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();
    private final List<String> prompts = new CopyOnWriteArrayList<>();
    private final List<String> questions = new CopyOnWriteArrayList<>();
    private final Function<AppOptions, AppContext> contexts;
    private final BrowserLauncher browser;
    private final List<String> leadingArgs;
    private volatile Optional<String> typed = Optional.empty();
    private final Queue<String> lines = new ConcurrentLinkedQueue<>();
    private volatile Optional<String> answer = Optional.empty();

    /** A runner that puts {@code leadingArgs} before the arguments of every run; its browser opens nothing. */
    public CommandLineRunner(String... leadingArgs) {
        this(AppContext::start, url -> false, leadingArgs);
    }

    /**
     * A runner whose runs build the app with {@code contexts} and, those of {@link #run}, open links with
     * {@code browser}.
     */
    public CommandLineRunner(Function<AppOptions, AppContext> contexts, BrowserLauncher browser,
            String... leadingArgs) {
        this.contexts = contexts;
        this.browser = browser;
        this.leadingArgs = List.of(leadingArgs);
    }

    /**
     * Runs to its end with only {@code environment} as environment variables, what {@link #typing}
     * gave typed at a secret's prompt, {@link #answeringLines} at a line's prompt and what
     * {@link #answering} gave to a question (by default nothing: no terminal), and returns the exit code.
     */
    public int run(Map<String, String> environment, String... args) {
        CliEnvironment env = new CliEnvironment(new PrintWriter(out, true), new PrintWriter(err, true),
                contexts, options -> {
                    throw new AssertionError("no window in this test");
                }, browser,
                name -> Optional.ofNullable(environment.get(name)),
                prompt -> {
                    prompts.add(prompt);
                    return typed;
                },
                prompt -> {
                    prompts.add(prompt);
                    // A question (a confirmation) gets the one answer; a prompt for a value, the next line.
                    Optional<String> line = Optional.ofNullable(lines.poll());
                    if (line.isPresent()) {
                        return line;
                    }
                    questions.add(prompt);
                    return answer;
                });
        return OnrampCommand.run(env, withLeadingArgs(args));
    }

    /**
     * Answers the next prompts for a line (shown as typed) with {@code answers}, in order, as a person
     * at the terminal would; once they are used up, or when none were given, there is no terminal.
     */
    public void answeringLines(String... answers) {
        lines.addAll(List.of(answers));
    }

    /** Answers every later prompt with {@code text}, as if the person typed it at the terminal. */
    public void typing(String text) {
        typed = Optional.of(text);
    }

    /** Answers every later question (such as a confirmation) with {@code line}, as if typed at the terminal. */
    public void answering(String line) {
        answer = Optional.of(line);
    }

    /** The questions the runs asked, such as confirmations, in order. */
    public List<String> questions() {
        return List.copyOf(questions);
    }

    /** The prompts for secrets the runs showed, in order. */
    public List<String> prompts() {
        return List.copyOf(prompts);
    }

    /** Starts a run on a virtual thread, as with {@code --no-browser}: opening the browser fails the test. */
    public CompletableFuture<Integer> start(String... args) {
        CliEnvironment env = new CliEnvironment(new PrintWriter(out, true), new PrintWriter(err, true),
                contexts, options -> {
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

    /** What the runs printed to standard error since the last {@link #clearErr}. */
    public String err() {
        return err.toString();
    }

    /** Forgets the standard output printed so far, so that the next run's stands alone. */
    public void clearOut() {
        out.getBuffer().setLength(0);
    }

    /** Forgets the standard error printed so far. */
    public void clearErr() {
        err.getBuffer().setLength(0);
    }

    private String[] withLeadingArgs(String... args) {
        List<String> all = new ArrayList<>(leadingArgs);
        all.addAll(List.of(args));
        return all.toArray(String[]::new);
    }
}
