package dev.onramp.cli;

import dev.onramp.AppContext;
import dev.onramp.model.InvalidInputException;
import dev.onramp.model.AirbyteSettings;
import dev.onramp.model.AirbyteSettings.Basic;
import dev.onramp.model.AirbyteSettings.ClientCredentials;
import dev.onramp.model.AirbyteSettings.Cloud;
import dev.onramp.model.AirbyteSettings.Demo;
import dev.onramp.model.AirbyteSettings.SelfManaged;
import dev.onramp.model.Tenant;
import dev.onramp.text.Messages;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.ScopeType;

/** {@code onramp settings}: shows which Airbyte a business uses, secrets masked; its subcommands change and test it. */
@Command(name = "settings", mixinStandardHelpOptions = true,
        subcommands = {SettingsSetCommand.class, SettingsTestCommand.class, SettingsRedirectCommand.class})
final class SettingsCommand implements Callable<Integer> {
    @ParentCommand
    OnrampCommand root;

    @Option(names = "--tenant", scope = ScopeType.INHERIT, paramLabel = "NAME")
    String tenantName;

    @Override
    public Integer call() {
        try (AppContext app = openApp()) {
            Tenant tenant = Tenants.pick(app, tenantName, root.messages());
            print(app, tenant, root.env().out(), root.messages());
            return 0;
        } catch (InvalidInputException e) {
            root.env().err().println("onramp: " + Refusal.said(e, root.messages()));
            return OnrampCommand.FAILED;
        }
    }

    AppContext openApp() {
        return root.openApp(url -> false, Duration.ofMinutes(5));
    }

    /** Prints the business's settings, one line per value, secrets masked; the labels and words in {@code messages}' language. */
    static void print(AppContext app, Tenant tenant, PrintWriter out, Messages messages) {
        String format = "%-15s %s%n";
        out.printf(format, messages.get("cli.settings.label.business"), tenant.name());
        String airbyte = messages.get("cli.settings.label.airbyte");
        switch (app.settings().settings(tenant.id())) {
            case Demo demo -> out.printf(format, airbyte, messages.get("cli.settings.demo"));
            case SelfManaged selfManaged -> {
                out.printf(format, airbyte, "self-managed"); // the --target value
                out.printf(format, messages.get("cli.settings.label.address"), selfManaged.url());
                out.printf(format, messages.get("cli.settings.label.login"), selfManaged.login().map(login -> switch (login) {
                    case Basic basic -> messages.get("cli.settings.login.basic", basic.username(), AirbyteSettings.MASK);
                    case ClientCredentials client -> messages.get("cli.settings.login.client", client.clientId(),
                            AirbyteSettings.MASK);
                }).orElse(messages.get("cli.settings.login.none")));
            }
            case Cloud cloud -> {
                out.printf(format, airbyte, "Airbyte Cloud");
                out.printf(format, messages.get("cli.settings.label.clientId"), cloud.clientId());
                out.printf(format, messages.get("cli.settings.label.clientSecret"), AirbyteSettings.MASK);
                out.printf(format, messages.get("cli.settings.label.workspace"), cloud.workspaceId());
                out.printf(format, messages.get("cli.settings.label.relay"), cloud.relayUrl());
            }
        }
        app.settings().override().ifPresent(url -> out.println(messages.get("cli.settings.override", url.toString())));
        SettingsRedirectCommand.printUris(app.redirects().effective(tenant.id()), out, messages);
        out.flush();
    }
}
