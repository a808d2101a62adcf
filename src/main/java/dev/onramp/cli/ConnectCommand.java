package dev.onramp.cli;

import dev.onramp.AppContext;
import dev.onramp.connect.AccountChoice;
import dev.onramp.connect.ConnectFlow;
import dev.onramp.connect.ConnectListener;
import dev.onramp.connect.ConnectOutcome;
import dev.onramp.connect.ConnectStep;
import dev.onramp.connect.form.ConnectorForm;
import dev.onramp.connect.form.FormValues;
import dev.onramp.model.Connection;
import dev.onramp.model.InvalidInputException;
import dev.onramp.model.Provider;
import dev.onramp.model.Tenant;
import dev.onramp.oauth.BrowserLauncher;
import dev.onramp.text.Messages;
import dev.onramp.text.Text;
import java.io.PrintWriter;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** {@code onramp connect PROVIDER}: runs the connect flow and prints the link, the progress and the streams. */
@Command(name = "connect", mixinStandardHelpOptions = true)
final class ConnectCommand implements Callable<Integer> {
    @ParentCommand
    OnrampCommand root;

    @Parameters(paramLabel = "PROVIDER")
    String providerId;

    @Option(names = "--tenant", paramLabel = "NAME")
    String tenantName;

    @Option(names = "--no-browser")
    boolean noBrowser;

    @Option(names = "--timeout", paramLabel = "DURATION", defaultValue = "PT5M", converter = WaitOption.class)
    Duration timeout;

    @Option(names = "--reauthorize")
    boolean reauthorize;

    @Option(names = "--update")
    boolean update;

    @Option(names = "--account", paramLabel = "LABEL")
    String account;

    @Option(names = "--label", paramLabel = "NAME")
    String label;

    @Option(names = "--allow-duplicate")
    boolean allowDuplicate;

    @Option(names = "--set", paramLabel = "KEY=VALUE", converter = SetOption.class)
    List<String> sets = new ArrayList<>();

    @Option(names = "--secret", paramLabel = "KEY[=ENV_NAME]")
    List<String> secrets = new ArrayList<>();

    @Override
    public Integer call() {
        PrintWriter out = root.env().out();
        PrintWriter err = root.env().err();
        Messages messages = root.messages();
        BrowserLauncher browser = noBrowser ? url -> false : root.env().systemBrowser();
        try (AppContext app = root.openApp(browser, timeout)) {
            Provider provider = app.catalog().provider(providerId).orElseThrow(() -> new InvalidInputException(
                    messages.get("cli.connect.unknownProvider", providerId)));
            Tenant tenant = Tenants.pick(app, tenantName, root.messages());
            if (label != null && (update || reauthorize)) {
                err.println("onramp: " + messages.get("cli.connect.labelWithUpdate"));
                return OnrampCommand.WRONG_USAGE;
            }
            if (update || (account != null && !reauthorize)) {
                return new CredentialsUpdateCommand(root.env(), app, tenant, provider, messages)
                        .run(update, reauthorize, Optional.ofNullable(account), sets, secrets);
            }
            Optional<Connection> reauthorized = Optional.empty();
            if (reauthorize) {
                try {
                    reauthorized = Optional.of(toReauthorize(app, tenant, provider));
                } catch (AccountPick.NoneNamed e) {
                    err.println("onramp: " + e.getMessage());
                    return OnrampCommand.WRONG_USAGE;
                }
            }
            AccountChoice choice = new AccountChoice(Optional.ofNullable(label), allowDuplicate);
            Text airbyte = app.settings().describeText(tenant.id());
            out.println(reauthorize ? messages.get("cli.connect.reconnecting", provider.name(), tenant.name(), airbyte)
                    : messages.get("cli.connect.connecting", provider.name(), tenant.name(), airbyte));
            out.flush();
            Printer printer = new Printer(out, noBrowser, messages);
            ConnectFlow flow;
            if (reauthorized.isPresent()) {
                flow = app.connect().reconnect(tenant.id(), reauthorized.get().id(), printer);
            } else if (withCredentials(app, provider)) {
                Optional<ConnectFlow> started = connectWithCredentials(app, tenant, provider, choice, printer);
                if (started.isEmpty()) {
                    return OnrampCommand.CANCELLED;
                }
                flow = started.get();
            } else {
                FormValues inputs = consentInputs(app, provider);
                Optional<AccountChoice> confirmed = confirmed(app.connect().sameAccountConnected(tenant.id(), provider.id(),
                        inputs), choice);
                if (confirmed.isEmpty()) {
                    return OnrampCommand.CANCELLED;
                }
                flow = app.connect().connect(tenant.id(), provider.id(), inputs, confirmed.get(), printer);
            }
            // Ctrl+C (or SIGTERM) closes the app from its shutdown hook: the flow is cancelled and its end
            // recorded before the database closes, and this join then returns its CANCELLED outcome.
            return report(flow.outcome().join(), provider, reauthorize ? Done.RECONNECTED : Done.CONNECTED, out, err,
                    messages);
        } catch (InvalidInputException e) {
            err.println("onramp: " + Refusal.said(e, messages));
            return OnrampCommand.FAILED;
        }
    }

    /**
     * Credentials are typed for providers without Airbyte OAuth, and for any provider when some are
     * given; {@code --set}s that all name fields the sign-in needs first are for the sign-in.
     */
    private boolean withCredentials(AppContext app, Provider provider) {
        if (!provider.connectsByOAuth() || !secrets.isEmpty()) {
            return true;
        }
        ConnectorForm first = app.connect().consentInputs(provider.id(), root.messages().locale());
        return !sets.stream().allMatch(set -> first.element(set.substring(0, Math.max(0, set.indexOf('='))).strip())
                .isPresent());
    }

    /**
     * The fields the provider needs before its sign-in, from {@code --set} over their defaults.
     *
     * @throws InvalidInputException naming each one missing or refused, with the option that gives it
     */
    private FormValues consentInputs(AppContext app, Provider provider) {
        return new CredentialsInput(app.connect().consentInputs(provider.id(), root.messages().locale()),
                provider.name(), root.env(),
                root.messages())
                .read(sets, List.of());
    }

    /**
     * The business's connection to the provider that --reauthorize signs in again: the one there is,
     * or the one --account names by its label (or source id).
     *
     * @throws InvalidInputException when there is none, or the provider connects with credentials
     * @throws AccountPick.NoneNamed when several are there and none is named, or --account names none
     */
    private Connection toReauthorize(AppContext app, Tenant tenant, Provider provider) {
        if (!sets.isEmpty() || !secrets.isEmpty() || !provider.connectsByOAuth()) {
            throw new InvalidInputException(root.messages().get("cli.connect.reauthorizeWithCredentials", provider.name()));
        }
        List<Connection> live = app.connect().connections(tenant.id()).stream()
                .filter(c -> c.providerId().equals(provider.id()) && !c.disconnected())
                .toList();
        if (live.isEmpty()) {
            throw new InvalidInputException(root.messages().get("cli.connect.nothingToReauthorize", tenant.name(),
                    provider.name(), provider.id()));
        }
        return AccountPick.among(live, tenant, provider, Optional.ofNullable(account), AccountPick.Purpose.REAUTHORIZE,
                root.messages());
    }

    /** Starts the credentials connect, once a duplicate account was confirmed; empty when the person said no. */
    private Optional<ConnectFlow> connectWithCredentials(AppContext app, Tenant tenant, Provider provider,
            AccountChoice choice, Printer printer) {
        if (!app.credentials().offersCredentials(provider.id())) {
            throw new InvalidInputException(root.messages().get("cli.connect.onlySignIn", provider.name()));
        }
        ConnectorForm form = app.credentials().form(tenant.id(), provider.id(), root.messages().locale());
        FormValues values = new CredentialsInput(form, provider.name(), root.env(), root.messages()).read(sets, secrets);
        return confirmed(app.credentials().sameAccountConnected(tenant.id(), provider.id(), form, values), choice)
                .map(confirmed -> app.credentials().connect(tenant.id(), provider.id(), form, values, confirmed,
                        printer));
    }

    /**
     * The account choice to connect with when {@code duplicate} may name an account already
     * connected: asked on a terminal (empty when the answer is no); without one, refused unless
     * --allow-duplicate was given.
     *
     * @throws InvalidInputException when there is no terminal to ask on and no --allow-duplicate
     */
    private Optional<AccountChoice> confirmed(Optional<Text> duplicate, AccountChoice choice) {
        if (duplicate.isEmpty() || choice.allowDuplicate()) {
            return Optional.of(choice);
        }
        Messages messages = root.messages();
        Optional<String> answer = root.env().lines().ask(messages.get("cli.connect.askDuplicate",
                Text.of("connect.duplicate.ask", duplicate.get())));
        if (answer.isEmpty()) {
            throw new Refusal(Text.of("cli.connect.duplicateRefused", duplicate.get()));
        }
        return answer.get().strip().toLowerCase(java.util.Locale.ROOT).startsWith("y") || Answers.yes(messages, answer.get())
                ? Optional.of(choice.allowingDuplicate()) : Optional.empty();
    }

    /** What a flow that ended well did. */
    enum Done { CONNECTED, RECONNECTED, UPDATED }

    /** Prints the flow's outcome in the run's language. */
    static int report(ConnectOutcome outcome, Provider provider, Done done, PrintWriter out, PrintWriter err,
            Messages messages) {
        return switch (outcome) {
            case ConnectOutcome.Connected connected -> {
                Connection c = connected.connection();
                out.println(switch (done) {
                    case CONNECTED -> messages.get("cli.connect.connected", provider.name(), c.sourceId(), c.streamCount());
                    case RECONNECTED -> messages.get("cli.connect.reconnected", provider.name(), c.sourceId(),
                            c.streamCount());
                    case UPDATED -> messages.get("cli.connect.updated", provider.name(), c.sourceId(), c.streamCount());
                });
                c.streams().forEach(s -> out.println("  " + s));
                out.flush();
                yield 0;
            }
            case ConnectOutcome.Ended ended -> {
                err.println("onramp: " + messages.render(ended.text()));
                err.flush();
                yield switch (ended.state()) {
                    case TIMED_OUT -> OnrampCommand.TIMED_OUT;
                    case CANCELLED -> OnrampCommand.CANCELLED;
                    default -> OnrampCommand.FAILED;
                };
            }
        };
    }

    /** Prints each step once, and the consent link on a line of its own so scripts can pick it up. */
    record Printer(PrintWriter out, boolean noBrowser, Messages messages) implements ConnectListener {
        @Override
        public void onStep(ConnectStep step) {
            if (step != ConnectStep.WAITING_FOR_CONSENT) {
                out.println(messages.render(step.text()) + "…");
                out.flush();
            }
        }

        @Override
        public void onConsentUrl(URI consentUrl, boolean browserOpened) {
            out.println(browserOpened ? messages.get("cli.connect.browserOpened")
                    : noBrowser ? messages.get("cli.connect.openLink")
                    : messages.get("cli.connect.browserDidNotOpen"));
            out.println(consentUrl);
            out.println(messages.get("cli.connect.waiting", ConnectStep.WAITING_FOR_CONSENT.text()));
            out.flush();
        }
    }
}
