package dev.onramp.cli;

import dev.onramp.AppContext;
import dev.onramp.connect.ConnectFlow;
import dev.onramp.connect.CredentialsUpdate;
import dev.onramp.connect.UpdateRefusedException;
import dev.onramp.connect.form.FormValues;
import dev.onramp.model.InvalidInputException;
import dev.onramp.model.Provider;
import dev.onramp.model.Tenant;
import dev.onramp.text.Messages;
import dev.onramp.text.Text;
import java.io.PrintWriter;
import java.util.List;
import java.util.Optional;

/**
 * {@code onramp connect PROVIDER --update [--account LABEL] [--set K=V …] [--secret K[=ENV] …]}: gives
 * the business's typed-credential connection new credentials in place, prints the source id (the same
 * as before) and its streams. Every refusal is a sentence on standard error and an audit entry: exit 2
 * for a wrong choice (no such account, several and none named, a connection that signs in, or
 * {@code --reauthorize} beside it), 1 for a business with nothing to update or values refused.
 */
final class CredentialsUpdateCommand {
    /** Exit code for a command that asked for the wrong thing (README's table: wrong usage). */
    static final int WRONG_USAGE = 2;

    private final CliEnvironment env;
    private final AppContext app;
    private final Tenant tenant;
    private final Provider provider;
    private final Messages messages;

    CredentialsUpdateCommand(CliEnvironment env, AppContext app, Tenant tenant, Provider provider, Messages messages) {
        this.env = env;
        this.messages = messages;
        this.app = app;
        this.tenant = tenant;
        this.provider = provider;
    }

    /** Runs the update to its end and returns the exit code. */
    int run(boolean update, boolean reauthorize, Optional<String> account, List<String> sets, List<String> secrets) {
        PrintWriter out = env.out();
        if (!update) {
            return refused(new Refusal(Text.of("cli.update.accountWithoutUpdate", provider.id(),
                    account.orElse("LABEL"))), WRONG_USAGE);
        }
        if (reauthorize) {
            return refused(new Refusal(Text.of("cli.update.withReauthorize", provider.name())), WRONG_USAGE);
        }
        CredentialsUpdate target;
        FormValues typed;
        ConnectFlow flow;
        try {
            target = app.credentials().prepareUpdate(tenant.id(), provider.id(), account, messages.locale());
        } catch (UpdateRefusedException e) {
            return said(messages.message(e), e.reason().wrongChoice() ? WRONG_USAGE : OnrampCommand.FAILED);
        }
        try {
            typed = new CredentialsInput(target.form(), provider.name(), env, messages).readUpdate(target, sets, secrets);
        } catch (InvalidInputException e) {
            return refused(e, OnrampCommand.FAILED);
        }
        out.println(messages.get("cli.update.updating", provider.name(), tenant.name(),
                target.connection().accountLabel(), app.settings().describeText(tenant.id())));
        out.flush();
        try {
            flow = app.credentials().update(tenant.id(), target, typed, new ConnectCommand.Printer(out, true, messages));
        } catch (UpdateRefusedException e) {
            return said(messages.message(e), OnrampCommand.FAILED);
        }
        // Ctrl+C closes the app from its shutdown hook, which cancels the flow and records its end first.
        return ConnectCommand.report(flow.outcome().join(), provider, ConnectCommand.Done.UPDATED, out, env.err(),
                messages);
    }

    /** A refusal made here, before the credentials service saw the values: audited (in English), then said. */
    private int refused(InvalidInputException why, int exit) {
        app.credentials().recordRefusedUpdate(tenant.id(), provider.id(), why.getMessage());
        return said(Refusal.said(why, messages), exit);
    }

    private int said(String why, int exit) {
        env.err().println("onramp: " + why);
        env.err().flush();
        return exit;
    }
}
