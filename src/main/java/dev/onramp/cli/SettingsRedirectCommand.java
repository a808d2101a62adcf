package dev.onramp.cli;

import dev.onramp.AppContext;
import dev.onramp.business.RedirectService;
import dev.onramp.model.InvalidInputException;
import dev.onramp.model.RedirectSettings;
import dev.onramp.model.Tenant;
import java.io.PrintWriter;
import java.net.URI;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/**
 * {@code onramp settings redirect}: shows or changes where providers send the browser back after a
 * sign-in, for one business or as the default for every business.
 */
@Command(name = "redirect", mixinStandardHelpOptions = true)
final class SettingsRedirectCommand implements Callable<Integer> {
    @ParentCommand
    SettingsCommand settings;

    @Option(names = "--host", paramLabel = "HOST")
    String host;

    @Option(names = "--port", paramLabel = "PORT")
    String port;

    @Option(names = "--ports", paramLabel = "N")
    String portCount;

    @Option(names = "--all-businesses")
    boolean allBusinesses;

    @Option(names = "--use-default")
    boolean useDefault;

    @Override
    public Integer call() {
        PrintWriter out = settings.root.env().out();
        try (AppContext app = settings.openApp()) {
            RedirectService redirects = app.redirects();
            boolean change = host != null || port != null || portCount != null;
            if (useDefault) {
                if (change || allBusinesses) {
                    throw new InvalidInputException("--use-default goes alone with --tenant: it forgets the business's"
                            + " own redirect.");
                }
                Tenant tenant = Tenants.pick(app, settings.tenantName, settings.root.messages());
                out.println(redirects.useDefault(tenant.id()) ? "Saved." : tenant.name()
                        + " already follows the default.");
                print(app, Optional.of(tenant), out);
                return 0;
            }
            if (allBusinesses && settings.tenantName != null) {
                throw new InvalidInputException("Give either --tenant or --all-businesses, not both.");
            }
            Optional<Tenant> tenant = allBusinesses ? Optional.empty() : Optional.of(Tenants.pick(app, settings.tenantName, settings.root.messages()));
            if (change) {
                RedirectSettings current = tenant.map(t -> redirects.effective(t.id())).orElseGet(redirects::defaults);
                RedirectSettings updated = changed(current);
                tenant.ifPresentOrElse(t -> redirects.save(t.id(), updated), () -> redirects.saveDefault(updated));
                out.println("Saved.");
            }
            print(app, tenant, out);
            return 0;
        } catch (InvalidInputException e) {
            settings.root.env().err().println("onramp: " + e.getMessage());
            return OnrampCommand.FAILED;
        }
    }

    private RedirectSettings changed(RedirectSettings current) {
        String givenHost = host != null ? host : current.host().text();
        String givenPort = port != null ? port : current.anyPort() ? "any" : String.valueOf(current.firstPort());
        boolean toAny = givenPort.strip().equalsIgnoreCase("any");
        if (toAny && portCount != null) {
            throw new InvalidInputException("--ports does not go with --port any: any free port has no range.");
        }
        String givenCount = portCount != null ? portCount
                : current.anyPort() ? "" : String.valueOf(current.portCount());
        return RedirectSettings.parse(givenHost, givenPort, givenCount);
    }

    /** Prints the redirect of the business (or the default), and the URIs to register. */
    static void print(AppContext app, Optional<Tenant> tenant, PrintWriter out) {
        String format = "%-15s %s%n";
        RedirectService redirects = app.redirects();
        RedirectSettings shown = tenant.map(t -> redirects.effective(t.id())).orElseGet(redirects::defaults);
        out.printf(format, "Redirect:", tenant.map(t -> redirects.own(t.id()).isPresent()
                ? "this business's own" : "the default for every business").orElse("the default for every business"));
        printUris(shown, out);
        out.flush();
    }

    /** The URI lines of {@code redirect}: each one to register, or how any free port works. */
    static void printUris(RedirectSettings redirect, PrintWriter out) {
        String format = "%-15s %s%n";
        if (redirect.anyPort()) {
            out.printf(format, "Redirect URI:", redirect.description());
            out.printf(format, "", "(a new port each sign-in: only OAuth apps of the Desktop type accept it)");
            return;
        }
        String label = redirect.portCount() == 1 ? "Redirect URI:" : "Redirect URIs:";
        for (URI uri : redirect.registrableUris()) {
            out.printf(format, label, uri);
            label = "";
        }
    }
}
