package dev.onramp.cli;

import dev.onramp.AppContext;
import dev.onramp.model.Connection;
import dev.onramp.model.InvalidInputException;
import dev.onramp.model.Provider;
import dev.onramp.model.Tenant;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.Optional;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** {@code onramp rename}: gives one of a business's connections another account label. */
@Command(name = "rename", mixinStandardHelpOptions = true)
final class RenameCommand implements Callable<Integer> {
    @ParentCommand
    OnrampCommand root;

    @Parameters(index = "0", paramLabel = "PROVIDER")
    String providerId;

    @Parameters(index = "1", paramLabel = "LABEL")
    String label;

    @Option(names = "--tenant", paramLabel = "NAME")
    String tenantName;

    @Option(names = "--account", paramLabel = "LABEL")
    String account;

    @Override
    public Integer call() {
        PrintWriter out = root.env().out();
        PrintWriter err = root.env().err();
        try (AppContext app = root.openApp(url -> false, Duration.ofMinutes(1))) {
            Tenant tenant = Tenants.pick(app, tenantName, root.messages());
            List<Connection> live = app.connect().connections(tenant.id()).stream()
                    .filter(c -> c.providerId().equals(providerId) && !c.disconnected()).toList();
            if (live.isEmpty()) {
                err.println("onramp: " + tenant.name() + " has no " + providerId + " connection to rename"
                        + " (onramp connections lists them).");
                return OnrampCommand.FAILED;
            }
            Provider provider = app.catalog().provider(providerId).orElseThrow(() -> new InvalidInputException(
                    "Onramp does not know a provider called \"" + providerId + "\"."));
            Connection chosen;
            try {
                chosen = AccountPick.among(live, tenant, provider, Optional.ofNullable(account), "rename");
            } catch (AccountPick.NoneNamed e) {
                err.println("onramp: " + e.getMessage());
                return OnrampCommand.WRONG_USAGE;
            }
            Connection renamed = app.connect().rename(tenant.id(), chosen.id(), label);
            out.println("Renamed " + provider.name() + " account \"" + chosen.accountLabel() + "\" of "
                    + tenant.name() + " to \"" + renamed.accountLabel() + "\".");
            out.flush();
            return 0;
        } catch (InvalidInputException e) {
            err.println("onramp: " + e.getMessage());
            return OnrampCommand.FAILED;
        }
    }
}
