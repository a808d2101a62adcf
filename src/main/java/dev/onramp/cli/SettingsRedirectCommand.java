package dev.onramp.cli;

import dev.onramp.AppContext;
import dev.onramp.business.RedirectService;
import dev.onramp.model.InvalidInputException;
import dev.onramp.model.RedirectSettings;
import dev.onramp.model.Tenant;
import dev.onramp.text.Messages;
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
        Messages messages = settings.root.messages();
        try (AppContext app = settings.openApp()) {
            RedirectService redirects = app.redirects();
            boolean change = host != null || port != null || portCount != null;
            if (useDefault) {
                if (change || allBusinesses) {
                    throw new InvalidInputException(messages.get("cli.settings.redirect.useDefaultAlone"));
                }
                Tenant tenant = Tenants.pick(app, settings.tenantName, messages);
                out.println(redirects.useDefault(tenant.id()) ? messages.get("cli.settings.saved")
                        : messages.get("cli.settings.redirect.alreadyDefault", tenant.name()));
                print(app, Optional.of(tenant), out, messages);
                return 0;
            }
            if (allBusinesses && settings.tenantName != null) {
                throw new InvalidInputException(messages.get("cli.settings.redirect.tenantOrAll"));
            }
            Optional<Tenant> tenant = allBusinesses ? Optional.empty()
                    : Optional.of(Tenants.pick(app, settings.tenantName, messages));
            if (change) {
                RedirectSettings current = tenant.map(t -> redirects.effective(t.id())).orElseGet(redirects::defaults);
                RedirectSettings updated = changed(current);
                tenant.ifPresentOrElse(t -> redirects.save(t.id(), updated), () -> redirects.saveDefault(updated));
                out.println(messages.get("cli.settings.saved"));
            }
            print(app, tenant, out, messages);
            return 0;
        } catch (InvalidInputException e) {
            settings.root.env().err().println("onramp: " + settings.root.messages().message(e));
            return OnrampCommand.FAILED;
        }
    }

    private RedirectSettings changed(RedirectSettings current) {
        String givenHost = host != null ? host : current.host().text();
        String givenPort = port != null ? port : current.anyPort() ? "any" : String.valueOf(current.firstPort());
        boolean toAny = givenPort.strip().equalsIgnoreCase("any");
        if (toAny && portCount != null) {
            throw new InvalidInputException(settings.root.messages().get("cli.settings.redirect.portsWithAny"));
        }
        String givenCount = portCount != null ? portCount
                : current.anyPort() ? "" : String.valueOf(current.portCount());
        return RedirectSettings.parse(givenHost, givenPort, givenCount); // its refusals: the core's, in English for now
    }

    /** Prints the redirect of the business (or the default), and the URIs to register. */
    static void print(AppContext app, Optional<Tenant> tenant, PrintWriter out, Messages messages) {
        String format = "%-15s %s%n";
        RedirectService redirects = app.redirects();
        RedirectSettings shown = tenant.map(t -> redirects.effective(t.id())).orElseGet(redirects::defaults);
        String everyBusiness = messages.get("cli.settings.redirect.default");
        out.printf(format, messages.get("cli.settings.label.redirect"), tenant.map(t -> redirects.own(t.id()).isPresent()
                ? messages.get("cli.settings.redirect.own") : everyBusiness).orElse(everyBusiness));
        printUris(shown, out, messages);
        out.flush();
    }

    /** The URI lines of {@code redirect}: each one to register, or how any free port works (its description: the core's). */
    static void printUris(RedirectSettings redirect, PrintWriter out, Messages messages) {
        String format = "%-15s %s%n";
        if (redirect.anyPort()) {
            out.printf(format, messages.get("cli.settings.label.redirectUri"), redirect.description());
            out.printf(format, "", messages.get("cli.settings.redirect.anyPort"));
            return;
        }
        String label = redirect.portCount() == 1 ? messages.get("cli.settings.label.redirectUri")
                : messages.get("cli.settings.label.redirectUris");
        for (URI uri : redirect.registrableUris()) {
            out.printf(format, label, uri);
            label = "";
        }
    }
}
