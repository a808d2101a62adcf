package dev.onramp.cli;

import dev.onramp.AppContext;
import dev.onramp.AppOptions;
import dev.onramp.model.AirbyteSettings.SelfManaged;
import dev.onramp.oauth.BrowserLauncher;
import dev.onramp.store.DataDirectory;
import dev.onramp.text.Locales;
import dev.onramp.text.Messages;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;

/** The {@code onramp} command: opens the window, or runs one of its subcommands for scripting and support. */
@Command(
        name = "onramp",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        subcommands = {ConnectCommand.class, ProvidersCommand.class, DisconnectCommand.class, RenameCommand.class,
                BusinessCommand.class, ConnectionsCommand.class, SettingsCommand.class, DemoServerCommand.class, DemoCommand.class,
                SummaryCommand.class,
                DoctorCommand.class, SupportBundleCommand.class, AuditCommand.class, KeysCommand.class,
                RemoveDataCommand.class, OAuthCheckCommand.class, CheckCommand.class, CommandLine.HelpCommand.class})
public final class OnrampCommand implements Callable<Integer> {
    /** Exit code when the flow failed or the input was refused. */
    static final int FAILED = 1;
    /** Exit code for wrong usage: an option combination that means nothing, a choice that names nothing. */
    static final int WRONG_USAGE = 2;
    /** Exit code when nobody answered in the browser in time. */
    static final int TIMED_OUT = 3;
    /** Exit code when the flow was cancelled (Ctrl+C). */
    static final int CANCELLED = 4;

    /** Realistic per-call latency of the embedded simulator, so the demo feels like a real Airbyte. */
    static final Duration DEMO_LATENCY = Duration.ofMillis(250);

    private final CliEnvironment env;

    private final Messages messages;

    @Option(names = "--data-dir", scope = ScopeType.INHERIT, paramLabel = "DIR")
    Path dataDir;

    @Option(names = "--airbyte-url", scope = ScopeType.INHERIT, paramLabel = "URL", converter = AirbyteUrlOption.class)
    URI airbyteUrl;

    /** Read before parsing ({@link LocaleArgument}), so that the usage help is in that language too. */
    @Option(names = "--locale", scope = ScopeType.INHERIT, paramLabel = "TAG")
    String locale;

    public OnrampCommand(CliEnvironment env) {
        this(env, Messages.of(Locales.system()));
    }

    OnrampCommand(CliEnvironment env, Messages messages) {
        this.env = env;
        this.messages = messages;
    }

    /**
     * Runs the command line and returns the exit code, in the language {@code --locale} names, else
     * the system's; a language Onramp does not ship is told in one sentence and the run goes on in English.
     */
    public static int run(CliEnvironment env, String... args) {
        Optional<String> tag = LocaleArgument.find(args);
        Messages messages = Messages.of(Locales.choose(tag));
        if (tag.isPresent() && Locales.shipped(tag.get()).isEmpty()) {
            env.err().println("onramp: " + messages.get("cli.locale.unknown", tag.get().strip()));
            env.err().flush();
        }
        CommandLine cli = new CommandLine(new OnrampCommand(env, messages))
                .setResourceBundle(messages.bundle())
                .setOut(env.out())
                .setErr(env.err())
                .setParameterExceptionHandler(new UsageErrors(messages))
                .setExecutionExceptionHandler((e, cmd, parsed) -> {
                    cmd.getErr().println("onramp: " + messages.message(e));
                    cmd.getErr().flush();
                    return FAILED;
                });
        return cli.execute(args);
    }

    @Override
    public Integer call() {
        env.window().accept(options(env.systemBrowser(), DEMO_LATENCY, Duration.ofMinutes(5)));
        return 0;
    }

    CliEnvironment env() {
        return env;
    }

    /** The messages in this run's language. */
    Messages messages() {
        return messages;
    }

    /** Opens the app for a command; a key file made just now because no key store answered is told in one sentence. */
    AppContext openApp(BrowserLauncher browser, Duration consentTimeout) {
        AppContext app = env.contexts().apply(options(browser, DEMO_LATENCY, consentTimeout));
        app.diagnostics().newKeyFileNotice().ifPresent(notice -> {
            env.err().println("onramp: " + messages.render(notice));
            env.err().flush();
        });
        return app;
    }

    /** The data folder this run uses: {@code --data-dir}, or the platform's app-data folder. */
    Path dataDir() {
        return dataDir != null ? dataDir : DataDirectory.platformDefault();
    }

    private AppOptions options(BrowserLauncher browser, Duration latency, Duration consentTimeout) {
        return new AppOptions(dataDir(), Optional.ofNullable(airbyteUrl).map(OnrampCommand::apiBase), browser, latency,
                consentTimeout, messages.locale(), locale != null);
    }

    /** Accepts both {@code http://host:8000} and {@code http://host:8000/api}: the Config API lives under /api. */
    static URI apiBase(URI url) {
        return SelfManaged.apiBase(url);
    }
}
