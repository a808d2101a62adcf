package dev.onramp;

import dev.onramp.cli.CliEnvironment;
import dev.onramp.cli.OnrampCommand;
import dev.onramp.oauth.SystemBrowserLauncher;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;

/** Starts Onramp: the window with no command, the command line otherwise. */
public final class Main {
    private Main() {}

    public static void main(String[] args) {
        SystemBrowserLauncher browser = new SystemBrowserLauncher();
        // The window's own command lines skip the parser, so the window appears sooner (docs/adr/0015).
        Optional<AppOptions> window = WindowCommandLine.read(List.of(args), browser);
        if (window.isPresent()) {
            try {
                OnrampApp.launch(window.get());
            } catch (WindowUnavailableException e) {
                // As the command line reports a failure.
                System.err.println("onramp: " + e.getMessage());
                System.exit(1);
            }
            System.exit(0);
        }
        CliEnvironment env = new CliEnvironment(
                new PrintWriter(System.out, true, StandardCharsets.UTF_8),
                new PrintWriter(System.err, true, StandardCharsets.UTF_8),
                AppContext::start,
                OnrampApp::launch,
                browser);
        System.exit(OnrampCommand.run(env, args));
    }
}
