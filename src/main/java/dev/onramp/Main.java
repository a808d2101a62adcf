package dev.onramp;

import dev.onramp.cli.CliEnvironment;
import dev.onramp.cli.OnrampCommand;
import dev.onramp.oauth.SystemBrowserLauncher;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;

/** Starts Onramp: the window with no command, the command line otherwise. */
public final class Main {
    private Main() {}

    public static void main(String[] args) {
        CliEnvironment env = new CliEnvironment(
                new PrintWriter(System.out, true, StandardCharsets.UTF_8),
                new PrintWriter(System.err, true, StandardCharsets.UTF_8),
                AppContext::start,
                OnrampApp::launch,
                new SystemBrowserLauncher());
        System.exit(OnrampCommand.run(env, args));
    }
}
