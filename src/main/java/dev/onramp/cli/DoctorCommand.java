package dev.onramp.cli;

import dev.onramp.AppContext;
import dev.onramp.airbyte.AirbyteException;
import dev.onramp.diagnostics.BrowserCheck;
import dev.onramp.diagnostics.Check;
import dev.onramp.diagnostics.Doctor;
import dev.onramp.diagnostics.DoctorReport;
import dev.onramp.model.AirbyteSettings;
import dev.onramp.model.InvalidInputException;
import dev.onramp.model.Tenant;
import dev.onramp.store.StoreException;
import dev.onramp.text.Messages;
import dev.onramp.text.Said;
import dev.onramp.text.Text;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.ParentCommand;

/** {@code onramp doctor}: checks Onramp's surroundings, one ✓/✗ line each, and exits 1 when any fails. */
@Command(name = "doctor", mixinStandardHelpOptions = true)
final class DoctorCommand implements Callable<Integer> {
    @ParentCommand
    OnrampCommand root;

    @Override
    public Integer call() {
        PrintWriter out = root.env().out();
        DoctorReport report;
        try (AppContext app = root.openApp(url -> false, Duration.ofMinutes(5))) {
            List<Check> checks = new ArrayList<>(app.diagnostics().doctor().checks());
            checks.addAll(businessAirbytes(app));
            report = new DoctorReport(checks);
        } catch (StoreException | UncheckedIOException e) {
            report = Doctor.withoutApp(e instanceof Said said ? said.text() : Text.verbatim(e.getMessage()),
                    BrowserCheck.ofThisSystem());
        }
        Messages messages = root.messages();
        report.checks().forEach(check -> out.println(check.line(messages)));
        out.flush();
        return report.allPassed() ? 0 : OnrampCommand.FAILED;
    }

    /**
     * The Airbyte each business's settings name, signing in as they say (basic auth or an
     * application's client credentials); none when {@code --airbyte-url} stands in for them all,
     * and none for a business in demo mode, which the Airbyte line above already covers.
     */
    private static List<Check> businessAirbytes(AppContext app) {
        if (app.settings().override().isPresent()) {
            return List.of();
        }
        List<Check> checks = new ArrayList<>();
        for (Tenant tenant : app.tenants().tenantsCreatingDemoIfNone()) {
            AirbyteSettings settings = app.settings().settings(tenant.id());
            if (settings instanceof AirbyteSettings.Demo) {
                continue;
            }
            Text name = Text.of("cli.doctor.airbyteOf", tenant.name());
            try {
                int workspaces = app.settings().test(settings).size();
                checks.add(Check.passed(name, Text.of("cli.doctor.airbyteAnswers", settings.text(), workspaces)));
            } catch (AirbyteException e) {
                checks.add(Check.failed(name, e.text(), e.kind() == AirbyteException.Kind.UNAUTHORIZED
                        ? Text.of("cli.doctor.fixLogin", tenant.name())
                        : Text.of("cli.doctor.fixAddress", tenant.name())));
            } catch (InvalidInputException e) {
                checks.add(Check.failed(name, e.text(), Text.of("cli.doctor.fixSettings", tenant.name())));
            }
        }
        return checks;
    }
}
