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
            print(app, tenant, root.env().out());
            return 0;
        } catch (InvalidInputException e) {
            root.env().err().println("onramp: " + e.getMessage());
            return OnrampCommand.FAILED;
        }
    }

    AppContext openApp() {
        return root.openApp(url -> false, Duration.ofMinutes(5));
    }

    /** Prints the business's settings, one line per value, secrets masked. */
    static void print(AppContext app, Tenant tenant, PrintWriter out) {
        String format = "%-15s %s%n";
        out.printf(format, "Business:", tenant.name());
        switch (app.settings().settings(tenant.id())) {
            case Demo demo -> out.printf(format, "Airbyte:", "demo (the built-in Airbyte simulator)");
            case SelfManaged selfManaged -> {
                out.printf(format, "Airbyte:", "self-managed");
                out.printf(format, "Address:", selfManaged.url());
                out.printf(format, "Login:", selfManaged.login().map(login -> switch (login) {
                    case Basic basic -> "user " + basic.username() + ", password " + AirbyteSettings.MASK;
                    case ClientCredentials client -> "client id " + client.clientId() + ", client secret "
                            + AirbyteSettings.MASK;
                }).orElse("none"));
            }
            case Cloud cloud -> {
                out.printf(format, "Airbyte:", "Airbyte Cloud");
                out.printf(format, "Client id:", cloud.clientId());
                out.printf(format, "Client secret:", AirbyteSettings.MASK);
                out.printf(format, "Workspace:", cloud.workspaceId());
                out.printf(format, "Relay page:", cloud.relayUrl());
            }
        }
        app.settings().override().ifPresent(url ->
                out.println("This run uses the Airbyte at " + url + " (--airbyte-url) instead."));
        SettingsRedirectCommand.printUris(app.redirects().effective(tenant.id()), out);
        out.flush();
    }
}
