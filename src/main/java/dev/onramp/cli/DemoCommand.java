package dev.onramp.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.ParentCommand;

/** {@code onramp demo}: what a demo on the built-in simulator needs, such as {@code demo reset}. */
@Command(name = "demo", mixinStandardHelpOptions = true,
        subcommands = {DemoResetCommand.class})
final class DemoCommand implements Callable<Integer> {
    @ParentCommand
    OnrampCommand root;

    @Override
    public Integer call() {
        root.env().err().println("onramp: Name what to do with the demo, e.g. onramp demo reset (onramp demo --help"
                + " lists it all).");
        root.env().err().flush();
        return OnrampCommand.WRONG_USAGE;
    }
}
