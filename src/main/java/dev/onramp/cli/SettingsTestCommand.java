package dev.onramp.cli;

import dev.onramp.AppContext;
import dev.onramp.airbyte.AirbyteException;
import dev.onramp.model.AirbyteSettings;
import dev.onramp.model.AirbyteWorkspace;
import dev.onramp.model.InvalidInputException;
import dev.onramp.model.Tenant;
import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.ParentCommand;

/** {@code onramp settings test}: asks the business's Airbyte for its workspaces, proving Onramp can reach it and sign in. */
@Command(name = "test", mixinStandardHelpOptions = true)
final class SettingsTestCommand implements Callable<Integer> {
    @ParentCommand
    SettingsCommand settings;

    @Override
    public Integer call() {
        PrintWriter out = settings.root.env().out();
        try (AppContext app = settings.openApp()) {
            Tenant tenant = Tenants.pick(app, settings.tenantName, settings.root.messages());
            AirbyteSettings saved = app.settings().settings(tenant.id());
            List<AirbyteWorkspace> workspaces = app.settings().test(saved);
            // The settings' description and Airbyte's refusals are the core's, in English for now.
            out.println(settings.root.messages().get("cli.settings.test.reached", saved.text(), workspaces.size()));
            workspaces.forEach(workspace -> out.printf("  %s  %s%n", workspace.id(), workspace.name()));
            out.flush();
            return 0;
        } catch (InvalidInputException | AirbyteException e) {
            settings.root.env().err().println("onramp: " + settings.root.messages().message(e));
            return OnrampCommand.FAILED;
        }
    }
}
