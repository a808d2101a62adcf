package dev.onramp.cli;

import dev.onramp.AppContext;
import dev.onramp.model.Connection;
import dev.onramp.model.InvalidInputException;
import dev.onramp.model.Provider;
import dev.onramp.model.Tenant;
import dev.onramp.text.Messages;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
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
        Messages messages = root.messages();
        try (AppContext app = root.openApp(url -> false, Duration.ofMinutes(1))) {
            Tenant tenant = Tenants.pick(app, tenantName, messages);
            List<Connection> live = app.connect().connections(tenant.id()).stream()
                    .filter(c -> c.providerId().equals(providerId) && !c.disconnected()).toList();
            if (live.isEmpty()) {
                err.println("onramp: " + messages.get("cli.rename.nothingToRename", tenant.name(), providerId));
                return OnrampCommand.FAILED;
            }
            Provider provider = app.catalog().provider(providerId).orElseThrow(() -> new InvalidInputException(
                    messages.get("cli.rename.unknownProvider", providerId)));
            Connection chosen;
            try {
                chosen = AccountPick.among(live, tenant, provider, Optional.ofNullable(account), AccountPick.Purpose.RENAME,
                        messages);
            } catch (AccountPick.NoneNamed e) {
                err.println("onramp: " + e.getMessage());
                return OnrampCommand.WRONG_USAGE;
            }
            Connection renamed = app.connect().rename(tenant.id(), chosen.id(), label); // refusals: the core's sentences
            out.println(messages.get("cli.rename.renamed", provider.name(), chosen.accountLabel(), tenant.name(),
                    renamed.accountLabel()));
            out.flush();
            return 0;
        } catch (InvalidInputException e) {
            err.println("onramp: " + messages.message(e));
            return OnrampCommand.FAILED;
        }
    }
}
