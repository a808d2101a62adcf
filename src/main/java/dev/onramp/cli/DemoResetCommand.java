package dev.onramp.cli;

import dev.onramp.AppContext;
import dev.onramp.connect.DemoReset;
import dev.onramp.model.InvalidInputException;
import dev.onramp.text.Messages;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/**
 * {@code onramp demo reset}: returns Onramp to a clean demo, every business and its connections deleted and a
 * fresh Demo Coffee Roasters made, once confirmed.
 */
@Command(name = "reset", mixinStandardHelpOptions = true)
final class DemoResetCommand implements Callable<Integer> {
    @ParentCommand
    DemoCommand demo;

    @Option(names = "--yes")
    boolean yes;

    @Override
    public Integer call() {
        OnrampCommand root = demo.root;
        PrintWriter out = root.env().out();
        PrintWriter err = root.env().err();
        Messages messages = root.messages();
        try (AppContext app = root.openApp(url -> false, Duration.ofMinutes(5))) {
            DemoReset reset = app.demoReset();
            DemoReset.Plan plan = reset.plan();
            if (plan.refusalText().isPresent()) {
                err.println("onramp: " + messages.render(plan.refusalText().get()));
                err.flush();
                return OnrampCommand.FAILED;
            }
            if (!yes) {
                Optional<String> answer = root.env().lines().ask(messages.get("cli.demoReset.ask", plan.descriptionText()));
                if (answer.isEmpty()) {
                    err.println("onramp: " + messages.get("cli.demoReset.noTerminal"));
                    err.flush();
                    return OnrampCommand.WRONG_USAGE;
                }
                if (!Answers.yes(messages, answer.get())) {
                    out.println(messages.get("cli.demoReset.notReset"));
                    out.flush();
                    return OnrampCommand.CANCELLED;
                }
            }
            DemoReset.Outcome outcome = reset.resetWithSteps(step -> {
                out.println(messages.render(step));
                out.flush();
            });
            return switch (outcome) {
                case DemoReset.Outcome.Reset done -> {
                    out.println(messages.render(done.text()));
                    out.flush();
                    yield 0;
                }
                case DemoReset.Outcome.NotReset refused -> {
                    err.println("onramp: " + messages.render(refused.text()));
                    err.flush();
                    yield OnrampCommand.FAILED;
                }
            };
        } catch (InvalidInputException e) {
            err.println("onramp: " + messages.message(e));
            err.flush();
            return OnrampCommand.FAILED;
        }
    }
}
