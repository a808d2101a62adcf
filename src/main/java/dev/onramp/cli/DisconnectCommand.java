package dev.onramp.cli;

import dev.onramp.AppContext;
import dev.onramp.connect.DisconnectListener;
import dev.onramp.connect.DisconnectOutcome;
import dev.onramp.connect.DisconnectRefusedException;
import dev.onramp.connect.DisconnectScope;
import dev.onramp.connect.DisconnectService;
import dev.onramp.connect.DisconnectStep;
import dev.onramp.model.Connection;
import dev.onramp.model.InvalidInputException;
import dev.onramp.model.Provider;
import dev.onramp.model.Tenant;
import dev.onramp.text.Messages;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/**
 * {@code onramp disconnect PROVIDER}: deletes a connection's source in Airbyte and marks the connection
 * disconnected (or, with {@code --local-only}, only the latter), once confirmed.
 */
@Command(name = "disconnect", mixinStandardHelpOptions = true)
final class DisconnectCommand implements Callable<Integer> {
    /** Exit code when what was asked for does not name one connection, or needs --yes. */
    static final int USAGE = 2;
    /**
     * A crash test's pause (a system property): the name of a step, e.g. {@code deleting-source},
     * after whose line the command waits, so that the test can kill it exactly there.
     */
    static final String PAUSE_AFTER = "onramp.crashTest.pauseAfter";

    @ParentCommand
    OnrampCommand root;

    @Parameters(paramLabel = "PROVIDER")
    String providerId;

    @Option(names = "--tenant", paramLabel = "NAME")
    String tenantName;

    @Option(names = "--account", paramLabel = "LABEL")
    String account;

    @Option(names = "--yes")
    boolean yes;

    @Option(names = "--local-only")
    boolean localOnly;

    @Override
    public Integer call() {
        PrintWriter out = root.env().out();
        PrintWriter err = root.env().err();
        Messages messages = root.messages();
        try (AppContext app = root.openApp(url -> false, Duration.ofMinutes(5))) {
            Tenant tenant;
            try {
                tenant = Tenants.pick(app, tenantName, root.messages());
            } catch (InvalidInputException e) {
                err.println("onramp: " + messages.message(e));
                err.flush();
                return USAGE;
            }
            Connection connection = app.disconnects().target(tenant, providerId, Optional.ofNullable(account));
            String provider = app.catalog().provider(connection.providerId()).map(Provider::name)
                    .orElse(connection.providerId());
            String which = DisconnectService.shownAccount(connection, provider)
                    .map(label -> messages.get("cli.disconnect.whichAccount", provider, label, tenant.name()))
                    .orElseGet(() -> messages.get("cli.disconnect.which", provider, tenant.name()));
            if (!yes) {
                String question = localOnly ? messages.get("cli.disconnect.askLocalOnly", which)
                        : messages.get("cli.disconnect.ask", which);
                Optional<String> answer = root.env().lines().ask(question);
                if (answer.isEmpty()) {
                    err.println("onramp: " + messages.get("cli.disconnect.noTerminal", which));
                    err.flush();
                    return USAGE;
                }
                if (!Answers.yes(messages, answer.get())) {
                    out.println(messages.get("cli.disconnect.notDisconnected"));
                    out.flush();
                    return OnrampCommand.CANCELLED;
                }
            }
            pauseAfter("confirmed", out);
            DisconnectOutcome outcome = app.disconnects().disconnect(tenant.id(), connection.id(),
                    localOnly ? DisconnectScope.ONRAMP_ONLY : DisconnectScope.AIRBYTE_AND_ONRAMP, printer(out, messages));
            return switch (outcome) {
                case DisconnectOutcome.Disconnected done -> {
                    out.println(messages.render(done.text()));
                    out.flush();
                    yield 0;
                }
                case DisconnectOutcome.NotDisconnected failed -> {
                    err.println("onramp: " + (failed.offersOnrampOnly()
                            ? messages.get("cli.disconnect.offerLocalOnly", failed.text()) : messages.render(failed.text())));
                    err.flush();
                    yield OnrampCommand.FAILED;
                }
            };
        } catch (DisconnectRefusedException e) {
            err.println("onramp: " + messages.message(e));
            err.flush();
            return e.usage() ? USAGE : OnrampCommand.FAILED;
        } catch (InvalidInputException e) {
            err.println("onramp: " + messages.message(e));
            err.flush();
            return OnrampCommand.FAILED;
        }
    }

    /** Prints each step as it begins, and holds there when a crash test asks for it. */
    private static DisconnectListener printer(PrintWriter out, Messages messages) {
        return step -> {
            out.println(messages.render(step.text()) + "…");
            out.flush();
            pauseAfter(step == DisconnectStep.DELETING_SOURCE ? "deleting-source" : "saving", out);
        };
    }

    /**
     * Waits for good after the step {@code name} when the system property {@link #PAUSE_AFTER} names it:
     * a crash test kills the process there. Without the property it does nothing.
     */
    private static void pauseAfter(String name, PrintWriter out) {
        if (!name.equals(System.getProperty(PAUSE_AFTER))) {
            return;
        }
        out.println("Paused after " + name + ".");
        out.flush();
        try {
            Thread.sleep(Duration.ofMinutes(10));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
