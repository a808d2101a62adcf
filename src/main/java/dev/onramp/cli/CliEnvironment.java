package dev.onramp.cli;

import dev.onramp.AppContext;
import dev.onramp.AppOptions;
import dev.onramp.oauth.BrowserLauncher;
import java.io.PrintWriter;
import java.util.function.Consumer;
import java.util.function.Function;

/** What the commands need from outside: output streams, how to build the app, the window and the browser. */
public record CliEnvironment(
        PrintWriter out,
        PrintWriter err,
        Function<AppOptions, AppContext> contexts,
        Consumer<AppOptions> window,
        BrowserLauncher systemBrowser) {}
