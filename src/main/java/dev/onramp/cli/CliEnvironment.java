package dev.onramp.cli;

import dev.onramp.AppContext;
import dev.onramp.AppOptions;
import dev.onramp.oauth.BrowserLauncher;
import java.io.PrintWriter;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * What the commands need from outside: output streams, how to build the app, the window, the
 * browser, environment variables, a way to ask for a secret without echoing it, and one to ask for a line.
 */
public record CliEnvironment(
        PrintWriter out,
        PrintWriter err,
        Function<AppOptions, AppContext> contexts,
        Consumer<AppOptions> window,
        BrowserLauncher systemBrowser,
        Function<String, Optional<String>> environment,
        SecretPrompt secrets,
        LinePrompt lines) {

    /** As the canonical constructor, asking for lines (such as a confirmation) on the process's terminal. */
    public CliEnvironment(PrintWriter out, PrintWriter err, Function<AppOptions, AppContext> contexts,
            Consumer<AppOptions> window, BrowserLauncher systemBrowser, Function<String, Optional<String>> environment,
            SecretPrompt secrets) {
        this(out, err, contexts, window, systemBrowser, environment, secrets, LinePrompt.terminal());
    }

    /** The environment of a real run: the process's environment variables and its terminal for secrets. */
    public CliEnvironment(PrintWriter out, PrintWriter err, Function<AppOptions, AppContext> contexts,
            Consumer<AppOptions> window, BrowserLauncher systemBrowser) {
        this(out, err, contexts, window, systemBrowser, name -> Optional.ofNullable(System.getenv(name)),
                SecretPrompt.terminal());
    }
}
